/**
 * Worker-thread pools (piscina) for the engine's tasks, one per (worker file, thread count),
 * kept warm between calls; closePools() ends them all. Each worker is loaded as one plain
 * JavaScript bundle built with esbuild once per process (~0.1 s): a worker then starts in tens of
 * milliseconds instead of compiling the TypeScript sources through tsx (~1.5 s).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { Piscina } from 'piscina';

const pools = new Map<string, Piscina>();
const bundles = new Map<string, Promise<string>>();
let bundleDir: string | undefined;

/**
 * The path of the worker module `name` (without extension) beside the module at `here` (its
 * import.meta.url), in the same form: the .ts source when run through tsx, the compiled .js when
 * run from dist/ (scripts/build.js), where no .ts file sits beside it.
 */
export function workerPath(here: string, name: string): string {
  return fileURLToPath(new URL(`./${name}${here.endsWith('.js') ? '.js' : '.ts'}`, here));
}

/** A warm pool running `workerFile` (a .ts or .js module with a default export) on `threads` threads. */
export async function getPool(workerFile: string, threads: number): Promise<Piscina> {
  const key = `${workerFile}#${threads}`;
  let pool = pools.get(key);
  if (!pool) {
    pool = new Piscina({
      filename: await workerBundle(workerFile),
      minThreads: threads,
      maxThreads: threads,
      idleTimeout: 60_000,
    });
    pools.set(key, pool);
  }
  return pool;
}

function workerBundle(workerFile: string): Promise<string> {
  let bundle = bundles.get(workerFile);
  if (!bundle) {
    bundle = (async () => {
      bundleDir ??= mkdtempSync(join(tmpdir(), 'parley-workers-'));
      const outfile = join(bundleDir, basename(workerFile).replace(/\.[jt]s$/, '.mjs'));
      await build({
        entryPoints: [workerFile],
        bundle: true,
        platform: 'node',
        format: 'esm',
        target: 'node20',
        outfile,
        logLevel: 'error',
        // CommonJS dependencies inside an ES module bundle need a `require`
        banner: {
          js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
        },
      });
      return outfile;
    })();
    bundles.set(workerFile, bundle);
  }
  return bundle;
}

/** Ends every pool and removes the worker bundles. */
export async function closePools(): Promise<void> {
  const all = [...pools.values()];
  pools.clear();
  bundles.clear();
  await Promise.all(all.map((p) => p.destroy()));
  if (bundleDir) rmSync(bundleDir, { recursive: true, force: true });
  bundleDir = undefined;
}
