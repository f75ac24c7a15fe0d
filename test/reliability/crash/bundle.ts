/**
 * Bundles a TypeScript entry into one ES module under node_modules/.cache (so its external
 * packages resolve from the repository): a child process then starts in a fraction of the
 * time tsx needs, which is what makes fifty kill-and-restart rounds fit in a test.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { build } from 'esbuild';
import { REPO_ROOT } from '../../../src/data/scenarios.ts';

export async function bundle(entry: string): Promise<string> {
  const dir = join(REPO_ROOT, 'node_modules', '.cache', 'parley-reliability');
  mkdirSync(dir, { recursive: true });
  const outfile = join(dir, `${basename(entry, '.ts')}-${randomBytes(4).toString('hex')}.mjs`);
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'error',
  });
  return outfile;
}
