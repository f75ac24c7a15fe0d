#!/usr/bin/env node
// Entry point for `parley`. Runs the compiled JavaScript in dist/ (scripts/build.js, run by
// `npm ci` and `npm install` through `prepare`, or by `npm run build`), which starts without
// compiling TypeScript. When a source is newer than that build (an edit, a checkout) or there is
// none, it runs the TypeScript sources through tsx instead: slower to start, never stale.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildIsCurrent } from './programSources.js';

const root = fileURLToPath(new URL('..', import.meta.url));
if (buildIsCurrent(join(root, 'src'), join(root, 'dist', 'BUILT'))) {
  await import('../dist/cli/bin.js');
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli/bin.ts');
}
