// Locates ../shared/data relative to the repository root for the history cross-check tests.
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const SHARED_DATA = resolve(REPO_ROOT, '../shared/data');
export const HAVE_SHARED_DATA = existsSync(resolve(SHARED_DATA, 'cow-wars'));
if (!HAVE_SHARED_DATA)
  console.warn(
    `history cross-checks skipped: ${SHARED_DATA} not found (the standard datasets are not committed; see docs/history.md)`,
  );
