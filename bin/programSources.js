// The sources compiled into dist/ (scripts/build.js), and whether that build is still current
// (bin/parley.js). Plain JavaScript: both run before anything is compiled.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Every .ts and .json file under `src` that belongs to the program (tests and fixtures do not). */
/** @param {string} src */
export function programSources(src) {
  return readdirSync(src, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.(ts|json)$/.test(f) && !f.endsWith('.test.ts') && !f.includes('__fixtures__'))
    .map((f) => join(src, f));
}

/** True when `stamp` exists and no program source (JSON imports included) is newer than it. */
/** @param {string} src @param {string} stamp */
export function buildIsCurrent(src, stamp) {
  let built;
  try {
    built = statSync(stamp).mtimeMs;
  } catch {
    return false;
  }
  return programSources(src).every((f) => statSync(f).mtimeMs <= built);
}
