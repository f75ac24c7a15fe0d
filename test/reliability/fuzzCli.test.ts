/**
 * Fuzzing the CLI (issue #10): a small seeded sample of mutated bundled scenarios through
 * `parley validate <file>` and `parley run <file> --runs 50` as child processes. Each exits 0,
 * or 2 with a ✖ message; never 1, a stack trace or a hang. The in-process cases are in
 * fuzz.test.ts; `npm run fuzz` runs a larger CLI sample.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { mutationCases } from './fuzz/mutations.ts';
import { parseScenarioText } from '../../src/model/index.ts';
import { cliTarget, decodeUtf8, Tally } from './fuzz/targets.ts';

const tmp = mkdtempSync(join(tmpdir(), 'parley-fuzz-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

it('exits 0 or 2 with a message for mutated files, never a stack trace or a hang', async () => {
  const t = new Tally();
  const all = [...mutationCases(20261127, 60, { largeShare: 0 })];
  // two to validate, whatever they are; two that are still valid to simulate
  const stillValid = all.filter((c) => {
    const text = decodeUtf8(c.bytes);
    return text !== undefined && parseScenarioText(text).ok;
  });
  const cases = [...all.slice(0, 2), ...stillValid.slice(0, 2)];
  // two processes at a time (tsx start-up is the cost)
  for (let i = 0; i < cases.length; i += 2)
    await Promise.all(
      cases
        .slice(i, i + 2)
        .map(async (c) => t.add(c, await cliTarget(c, tmp, i < 2 ? 'validate' : 'run'))),
    );
  console.log(`cli: ${t.count} cases, slowest ${t.maxMs.toFixed(0)} ms: ${t.summary()}`);
  expect(t.problems).toEqual([]);
  expect(t.classes.get('run exit 0')).toBe(2);
  expect(t.maxMs).toBeLessThan(60_000);
});
