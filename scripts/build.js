#!/usr/bin/env node
// `npm run build` (also run by `npm ci` / `npm install` through `prepare`): compiles src/ to plain
// JavaScript in dist/, one file per source file at the same depth, so `node bin/parley.js` starts
// without compiling TypeScript (tsx needs ~1.5 s for that) and every path a module computes from
// its own location (../../data/cases, ../../web/dist, a worker beside it) still points where it
// did. Relative imports stay separate files (renamed .ts → .js) so each command loads only what it
// uses; packages stay external; JSON imports are inlined. dist/BUILT marks the build's time:
// bin/parley.js runs dist/ only while no source file is newer than that mark.
import { rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { programSources } from '../bin/programSources.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const SRC = join(ROOT, 'src');
const DIST = join(ROOT, 'dist');

const entryPoints = programSources(SRC).filter((f) => f.endsWith('.ts'));

/** Keeps relative imports of other sources as imports of their compiled .js files. */
const keepModulesApart = {
  name: 'keep-modules-apart',
  setup(/** @type {import('esbuild').PluginBuild} */ b) {
    b.onResolve({ filter: /^\.\.?\/.*\.ts$/ }, (args) =>
      args.kind === 'entry-point'
        ? undefined
        : { path: args.path.replace(/\.ts$/, '.js'), external: true },
    );
  },
};

rmSync(DIST, { recursive: true, force: true });
const started = Date.now();
await build({
  entryPoints,
  outdir: DIST,
  outbase: SRC,
  bundle: true,
  packages: 'external',
  platform: 'node',
  format: 'esm',
  target: 'node20',
  logLevel: 'warning',
  plugins: [keepModulesApart],
});
writeFileSync(join(DIST, 'BUILT'), new Date().toISOString() + '\n');
console.log(`build: ${entryPoints.length} modules → dist/ in ${Date.now() - started} ms`);
