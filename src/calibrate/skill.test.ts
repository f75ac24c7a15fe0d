import { describe, expect, it } from 'vitest';
import { skillFile } from './skill.ts';
import type { BacktestResult } from './backtest.ts';
import type { ContactBacktestResult } from './contactBacktest.ts';
import { skillFor, skillLine, SkillFileSchema } from '../model/index.ts';

const row = (source: string, checkpoint: number, model: string, crps: number, coverage80 = 0.8) =>
  ({
    source,
    checkpoint,
    model,
    n: 10,
    crps,
    coverage80,
  }) as unknown as BacktestResult['rows'][number];

describe('skill figures stated beside forecasts', () => {
  it('compare the engine calibrated on train with the best baseline by CRPS, per class and checkpoint', () => {
    const duration = {
      rows: [
        row('cow-interstate', 0, 'engine (calibrated on train)', 9, 0.75),
        row('cow-interstate', 0, 'engine (literature defaults)', 1),
        row('cow-interstate', 0, 'base rate', 12),
        row('cow-interstate', 0, 'Kaplan–Meier', 10),
        row('ucdp', 0, 'engine (calibrated on train)', 15),
        row('ucdp', 0, 'Cox PH', 12),
      ],
    } as unknown as BacktestResult;
    const contact = {
      split: { cutYear: 1991 },
      rows: [
        { model: 'engine (fitted on train)', n: 44, crps: 11, coverage80: 0.9 },
        { model: 'engine (defaults)', n: 44, crps: 1, coverage80: 1 },
        { model: 'Kaplan–Meier', n: 44, crps: 14, coverage80: 1 },
      ],
    } as unknown as ContactBacktestResult;
    const f = SkillFileSchema.parse(skillFile(duration, contact, 'today', 'of the latest third'));
    const [dur, con] = f.classes.interstate;
    // the literature-defaults row (CRPS 1) is not a baseline and not the engine compared
    expect(dur).toMatchObject({ bestBaseline: 'Kaplan–Meier', crps: 9, coverage80: 0.75 });
    expect(dur.skill).toBeCloseTo(0.1, 12);
    expect(f.classes.civil[0].skill).toBeCloseTo(1 - 15 / 12, 12);
    // the shipped defaults' row: held out in the split whose training fold chose them
    expect(con).toMatchObject({
      question: 'months until first contact',
      bestBaseline: 'Kaplan–Meier',
      crps: 1,
    });
    const line = skillLine({ warClass: 'civil', measured: 'today', figures: f.classes.civil });
    expect(line).toMatch(/25 % worse than Cox PH/);
  });

  it('every result carries the figures for its class of war', () => {
    expect(skillFor('interstate')?.warClass).toBe('interstate');
    for (const t of ['civil', 'internationalized-civil', 'extra-state'])
      expect(skillFor(t)?.warClass).toBe('civil');
  });
});
