/**
 * The pieces of a distributed sweep that need no Redis: the binary chunk codec keeps every bit,
 * merging encoded parts equals one local block, and the sweep plan is deterministic.
 */
import { describe, expect, it } from 'vitest';
import {
  ENGINE_VERSION,
  compile,
  createRunRecords,
  simulateBlock,
} from '../../src/engine/index.ts';
import { simulateRecords } from '../../src/analysis/outcomes.ts';
import { decodeArrays, encodeArrays } from '../../src/jobs/distributed/codec.ts';
import { concatRecordParts, mergeAggregateParts } from '../../src/jobs/distributed/analyses.ts';
import { planSweep } from '../../src/jobs/distributed/coordinator.ts';
import { jobId } from '../../src/jobs/distributed/protocol.ts';
import { encodeResult } from '../../src/jobs/distributed/worker.ts';
import { recordsBytes, scenario } from './helpers.ts';

describe('chunk codec', () => {
  it('round-trips typed arrays bit for bit, including NaN, −0 and odd lengths', () => {
    const f = new Float64Array([NaN, -0, 1e-310, Math.PI, -Infinity]);
    const i = new Int16Array([-1, 32767, -32768]);
    const u = new Uint8Array([0, 255, 7]);
    const { scalars, arrays } = decodeArrays(encodeArrays({ runs: 3, horizon: 24 }, { f, i, u }));
    expect(scalars).toEqual({ runs: 3, horizon: 24 });
    expect(Buffer.from(arrays.f.buffer).equals(Buffer.from(f.buffer))).toBe(true);
    expect(arrays.i).toEqual(i);
    expect(arrays.u).toEqual(u);
    expect(arrays.f).toBeInstanceOf(Float64Array);
  });

  it('rejects data that is not a chunk, naming the problem', () => {
    expect(() => decodeArrays(Buffer.from('{"runs":1}'))).toThrow(
      'invalid chunk data: not a Parley chunk (bad magic)',
    );
    const ok = encodeArrays({}, { a: new Float64Array(4) });
    expect(() => decodeArrays(ok.subarray(0, ok.length - 8))).toThrow('array a is truncated');
  });

  it('encoded chunk aggregates merged in order equal one block of all runs', () => {
    const s = scenario('bosnia-1995', 300);
    const c = compile(s);
    const parts = [0, 100, 250].map((first, k, all) =>
      encodeResult({
        kind: 'aggregate',
        aggregate: simulateBlock(c, first, (all[k + 1] ?? 300) - first).toArrays(),
      }),
    );
    expect(JSON.stringify(mergeAggregateParts(parts).toJSON())).toBe(
      JSON.stringify(simulateBlock(c, 0, 300).toJSON()),
    );
  });

  it('encoded chunk records concatenated in order equal the records of all runs', () => {
    const s = scenario('colombia-farc-2012', 250);
    const c = compile(s);
    const parts = [
      [0, 120],
      [120, 130],
    ].map(([first, runs]) => {
      const records = createRunRecords(runs);
      simulateBlock(c, first, runs, { records });
      return encodeResult({
        kind: 'records',
        runs,
        horizonMonths: c.horizonMonths,
        followUp: c.params.durability.followUpMonths,
        records,
      });
    });
    expect(recordsBytes([concatRecordParts(parts)])).toBe(recordsBytes([simulateRecords(s)]));
  });
});

describe('wire format version', () => {
  it('chunk results name the simulated horizon horizonMonths, under an engine version after 0.1.0', () => {
    const c = compile(scenario('bosnia-1995', 10));
    const records = createRunRecords(10);
    simulateBlock(c, 0, 10, { records });
    const followUp = c.params.durability.followUpMonths;
    const rec = decodeArrays(
      encodeResult({
        kind: 'records',
        runs: 10,
        horizonMonths: c.horizonMonths,
        followUp,
        records,
      }),
    );
    expect(rec.scalars).toEqual({ runs: 10, horizonMonths: c.horizonMonths, followUp });
    const agg = decodeArrays(
      encodeResult({ kind: 'aggregate', aggregate: simulateBlock(c, 0, 10).toArrays() }),
    );
    expect(agg.scalars).toEqual({ horizonMonths: c.horizonMonths, followUp, runs: 10 });
    expect(
      mergeAggregateParts([
        encodeResult({ kind: 'aggregate', aggregate: simulateBlock(c, 0, 10).toArrays() }),
      ]).horizonMonths,
    ).toBe(c.horizonMonths);
    // workers of 0.1.0 sent `horizon`: the version moved on, so they refuse these chunks
    // (the refusal itself: test/jobs/distributed.test.ts)
    expect(ENGINE_VERSION).not.toBe('0.1.0');
  });
});

describe('sweep plan', () => {
  it('cuts each scenario into run ranges with deterministic, content-addressed ids', () => {
    const a = scenario('bosnia-1995', 250);
    const b = scenario('bosnia-1995', 100, { seed: 9 });
    const p = planSweep('records', [a, b], 100);
    expect(p.chunks.map((c) => [c.cell, c.firstRun, c.runs])).toEqual([
      [0, 0, 100],
      [0, 100, 100],
      [0, 200, 50],
      [1, 0, 100],
    ]);
    expect(planSweep('records', [a, b], 100).sweepId).toBe(p.sweepId);
    expect(planSweep('records', [b, a], 100).sweepId).not.toBe(p.sweepId);
    expect(planSweep('aggregate', [a, b], 100).sweepId).not.toBe(p.sweepId);
    expect(jobId(p.chunks[2])).toBe(`${p.sweepId}:0:200`);
    expect(p.hashes[0]).not.toBe(p.hashes[1]);
  });
});
