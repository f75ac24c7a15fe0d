/**
 * Results are pinned: every bundled scenario and each of its variants gives the aggregate, the
 * traces and the per-run records whose SHA-256 is committed in golden.json. A refactor of the
 * engine must leave them byte-identical; a change meant to alter results regenerates the file
 * (PARLEY_UPDATE_GOLDEN=1 npx vitest run test/engine/golden.test.ts) and says why in its commit.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  compile,
  createRunRecords,
  emptyTraces,
  simulateBlock,
  type RunRecords,
} from '../../src/engine/index.ts';
import { prepareVariants } from '../../src/analysis/variants.ts';
import { listBundledScenarioIds, loadScenario } from '../../src/data/scenarios.ts';

const FILE = join(import.meta.dirname, 'golden.json');
const RUNS = 600; // more than one cache block (512), so block joins are covered
const TRACED = 3;

const sha = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');
const recordsBytes = (r: RunRecords) =>
  Buffer.concat(
    Object.values(r).map((a: ArrayBufferView) => Buffer.from(a.buffer, a.byteOffset, a.byteLength)),
  );

function hashes(): Record<string, { aggregate: string; traces: string; records: string }> {
  const out: Record<string, { aggregate: string; traces: string; records: string }> = {};
  for (const id of listBundledScenarioIds()) {
    const loaded = loadScenario(id).result;
    if (!loaded.ok) throw new Error(`bundled ${id} does not load`);
    const prepared = prepareVariants(loaded.value);
    if (!prepared.ok) throw new Error(`variants of ${id} do not apply`);
    for (const v of prepared.value) {
      const traces = emptyTraces(TRACED);
      const records = createRunRecords(RUNS);
      const agg = simulateBlock(compile(v.scenario), 0, RUNS, { traces, records });
      out[`${id}/${v.id}`] = {
        aggregate: sha(JSON.stringify(agg.toJSON())),
        traces: sha(JSON.stringify(traces)),
        records: sha(recordsBytes(records)),
      };
    }
  }
  return out;
}

describe('golden results', () => {
  it('every bundled scenario and variant: aggregate, traces and per-run records as committed', () => {
    const now = hashes();
    if (process.env.PARLEY_UPDATE_GOLDEN === '1')
      writeFileSync(FILE, JSON.stringify(now, null, 2) + '\n');
    const committed = JSON.parse(readFileSync(FILE, 'utf8')) as typeof now;
    expect(Object.keys(now).length).toBeGreaterThan(8);
    expect(now).toEqual(committed);
  });
});
