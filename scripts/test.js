#!/usr/bin/env node
// `npm test`: runs vitest and prints a closing line `N passed, N failed` that CI can read
// (CI reads such a closing line, and vitest's own summary is not in that form).
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const outDir = mkdtempSync(join(tmpdir(), 'parley-vitest-'));
const outFile = join(outDir, 'vitest.json');
const args = [
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${outFile}`,
  ...process.argv.slice(2),
];
const child = spawnSync('npx', args, { stdio: 'inherit' });
let passed = 0;
let failed = 0;
try {
  /** @type {{ numPassedTests: number, numFailedTests: number, numRuntimeErrorTestSuites?: number, numFailedTestSuites?: number }} */
  const report = JSON.parse(readFileSync(outFile, 'utf8'));
  passed = report.numPassedTests;
  failed = report.numFailedTests + (report.numRuntimeErrorTestSuites ?? 0);
  // a suite can fail without a failed test (a hook timing out): count it, or the line would lie
  if (failed === 0) failed = report.numFailedTestSuites ?? 0;
} catch {
  failed = Math.max(failed, 1);
  console.error('test: vitest produced no JSON report');
}
rmSync(outDir, { recursive: true, force: true });
console.log(`${passed} passed, ${failed} failed`);
process.exit(child.status === 0 && failed === 0 ? 0 : 1);
