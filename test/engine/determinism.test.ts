import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import {
  Aggregate,
  BlockRunner,
  compile,
  resultMeta,
  runScenario,
  simulateBlock,
  summarise,
} from '../../src/engine/index.ts';
import { runScenarioParallel } from '../../src/jobs/localPool.ts';
import { A, build, mediator, scenarioObject } from './fixtures.ts';

const rich = {
  extraParties: [mediator({ carrots: [{ to: A, size: 0.1 }] })],
  backChannels: [{ id: 'bc' }],
  settings: { runs: 1500, horizonMonths: 24, seed: 99 },
};
const ROOT = resolve(import.meta.dirname, '../..');

describe('determinism', () => {
  it('same seed → byte-identical JSON; a different seed → different', () => {
    const s = build(rich);
    const a = JSON.stringify(runScenario(s));
    expect(JSON.stringify(runScenario(build(rich)))).toBe(a);
    expect(
      JSON.stringify(runScenario(build({ ...rich, settings: { ...rich.settings, seed: 100 } }))),
    ).not.toBe(a);
  });

  it('simulateBlock split into blocks and merged == one block (any split, including off cache-block boundaries)', () => {
    const s = build(rich);
    const c = compile(s);
    const whole = simulateBlock(c, 0, 1500);
    for (const cut of [1, 512, 700]) {
      const merged = simulateBlock(c, 0, cut).merge(simulateBlock(c, cut, 1500 - cut));
      expect(JSON.stringify(merged.toJSON())).toBe(JSON.stringify(whole.toJSON()));
    }
    // merge order does not matter either, and round-trips through plain data
    const rev = Aggregate.fromJSON(simulateBlock(c, 700, 800).toJSON()).merge(
      simulateBlock(c, 0, 700),
    );
    expect(JSON.stringify(summarise(rev, resultMeta(s)))).toBe(
      JSON.stringify(summarise(whole, resultMeta(s))),
    );
  });

  it('a BlockRunner given slices in any order and of any size == one block', () => {
    const s = build(rich);
    const c = compile(s);
    const whole = JSON.stringify(simulateBlock(c, 0, 1500).toJSON());
    // two runners take alternate, uneven slices (as threads claiming from a counter do)
    const [x, y] = [new BlockRunner(c), new BlockRunner(c)];
    const cuts = [0, 64, 700, 701, 1200, 1500];
    for (let k = cuts.length - 2; k >= 0; k--) (k % 2 ? x : y).add(cuts[k], cuts[k + 1] - cuts[k]);
    expect(x.agg.runs + y.agg.runs).toBe(1500);
    expect(JSON.stringify(x.agg.merge(y.agg).toJSON())).toBe(whole);
  });

  it('diagnostics: false → the same outcomes, talks, durations, terms and durability, flagged in meta', () => {
    const s = build(rich);
    const c = compile(s);
    const full = summarise(simulateBlock(c, 0, 600), resultMeta(s));
    const lean = summarise(simulateBlock(c, 0, 600, { diagnostics: false }), resultMeta(s));
    expect(full.meta.diagnostics).toBeUndefined();
    expect(lean.meta.diagnostics).toBe(false);
    const { meta: _m1, diagnostics: d1, explanation: _e1, ...outcomesFull } = full;
    const { meta: _m2, diagnostics: d2, explanation: e2, ...outcomesLean } = lean;
    expect(JSON.stringify(outcomesLean)).toBe(JSON.stringify(outcomesFull));
    expect(d2.atWar).toEqual(d1.atWar);
    expect(e2.parties.map((p) => p.runsAtWar)).toEqual([0, 0]);
    // a lean part makes a merged aggregate lean, also through plain data
    const merged = Aggregate.fromJSON(simulateBlock(c, 0, 300, { diagnostics: false }).toJSON());
    expect(merged.merge(simulateBlock(c, 300, 300)).diagnostics).toBe(false);
  });

  it('runScenarioParallel with 1, 2 and 3 threads → byte-identical, progress up to every run', async () => {
    const s = build({ ...rich, settings: { ...rich.settings, runs: 2100 } });
    const one = await runScenarioParallel(s, { threads: 1 });
    const two = await runScenarioParallel(s, { threads: 2 });
    expect(JSON.stringify(two)).toBe(JSON.stringify(one));
    const seen: number[] = [];
    const three = await runScenarioParallel(s, { threads: 3, onProgress: (d) => seen.push(d) });
    expect(JSON.stringify(three)).toBe(JSON.stringify(one));
    expect(seen.at(-1)).toBe(2100);
    expect(seen.every((d, k) => d >= (seen[k - 1] ?? 0))).toBe(true);
  });

  it('two separate processes of the CLI (1 and 2 threads) write identical JSON files', () => {
    const dir = mkdtempSync(join(tmpdir(), 'parley-det-'));
    try {
      const file = join(dir, 'scenario.json');
      writeFileSync(file, JSON.stringify(scenarioObject(rich)));
      const runCli = (out: string, extra: string[]) =>
        execFileSync(
          process.execPath,
          [
            'bin/parley.js',
            'run',
            file,
            '--runs',
            '500',
            '--json',
            join(dir, out),
            '--quiet',
            ...extra,
          ],
          { cwd: ROOT, stdio: 'pipe', timeout: 60_000 },
        );
      runCli('a.json', []);
      runCli('b.json', ['--threads', '2']);
      const a = readFileSync(join(dir, 'a.json'), 'utf8');
      expect(a.length).toBeGreaterThan(1000);
      expect(readFileSync(join(dir, 'b.json'), 'utf8')).toBe(a);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('traces', () => {
  it('traces of the first runs are the same alone or inside a larger block, and stop where the run ended', async () => {
    const { ScenarioSchema } = await import('../../src/model/index.ts');
    const { emptyTraces, createRunRecords } = await import('../../src/engine/index.ts');
    const scenario = ScenarioSchema.parse({
      id: 'traced',
      name: 'Traced',
      parties: [
        { id: 'a', name: 'A', role: 'belligerent', side: 'A' },
        { id: 'b', name: 'B', role: 'belligerent', side: 'B' },
      ],
      settings: { runs: 600, horizonMonths: 24 },
    });
    const alone = emptyTraces(3);
    simulateBlock(compile(scenario), 0, 3, { traces: alone });
    const inBlock = emptyTraces(3);
    const records = createRunRecords(600);
    simulateBlock(compile(scenario), 0, 600, { traces: inBlock, records });
    expect(JSON.stringify(inBlock)).toBe(JSON.stringify(alone));
    for (const t of alone) {
      const ended = records.endMonth[t.run];
      expect(t.endMonth).toBe(ended >= 0 ? ended : null);
      // a war that ended in battle ends before the month is observed (after the postures), so
      // its last traced month is the one before; any other ending is traced in its own month
      if (ended < 0) expect(t.months.length).toBe(24);
      else expect([ended, ended + 1]).toContain(t.months.length);
      expect(t.months.every((m, i) => m.month === i)).toBe(true);
    }
  });
});
