/**
 * What-if levers (web/src/whatif/levers.ts) as scenario edits: the starting position changes
 * nothing, each lever edits the fields it names, and the edits act in the engine.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { canonicalJson, runScenario } from '../../src/engine/index.ts';
import { parseScenarioText, type Scenario } from '../../src/model/index.ts';
import { formatEdit } from '../../src/analysis/index.ts';
import {
  applyLevers,
  describeLevers,
  leverEdits,
  leversOf,
  scale,
  type Levers,
} from '../../web/src/whatif/levers.ts';

const RU = (() => {
  const r = parseScenarioText(
    readFileSync(
      fileURLToPath(new URL('../../data/scenarios/russia-ukraine-2024.yaml', import.meta.url)),
      'utf8',
    ),
  );
  if (!r.ok) throw new Error('bundled scenario invalid');
  return r.value;
})();

const edit = (s: Scenario, patch: Partial<Levers>): Scenario => {
  const r = applyLevers(s, { ...leversOf(s), ...patch });
  if (!r.ok) throw new Error(r.issues.map((i) => i.message).join('; '));
  return r.value;
};
const mediators = (s: Scenario) => s.parties.filter((p) => p.role === 'mediator');
const small = (s: Scenario): Scenario => ({
  ...s,
  settings: { ...s.settings, runs: 300, horizonMonths: 36 },
});

describe('what-if levers', () => {
  it('start where the scenario is: applying them unchanged changes nothing', () => {
    expect(canonicalJson(edit(RU, {}))).toBe(canonicalJson(RU));
    expect(describeLevers(RU, leversOf(RU))).toBe('the scenario as written');
  });

  it('no mediator: every offer and entry removed, and no mediated talks', () => {
    const s = edit(RU, { mediator: 'none' });
    for (const m of mediators(s)) {
      if (m.role !== 'mediator') continue;
      expect(m.mediation.offerMonth).toBeNull();
      expect(m.mediation.arrivalRate).toBe(0);
    }
    expect(s.interventions.some((e) => e.kind === 'mediator-entry')).toBe(false);
    expect(runScenario(small(s)).talks.mediated.at(-1)).toBe(0);
  });

  it('a neutral or leaning mediator: the first one, with that bias, from the chosen month; the others as written', () => {
    const neutral = edit(RU, { mediator: 'neutral', mediationMonth: 5 });
    const [first, ...others] = mediators(neutral);
    if (first.role !== 'mediator') throw new Error('expected a mediator');
    expect(first.mediation.bias).toEqual({ toward: 'neutral', strength: 0 });
    expect(first.mediation.offerMonth).toBe(5);
    expect(canonicalJson(others)).toBe(canonicalJson(mediators(RU).slice(1)));
    expect(neutral.interventions).toEqual(RU.interventions);
    // only when asked do the others stay out
    const alone = edit(RU, { mediator: 'neutral', othersStayOut: true });
    for (const m of mediators(alone).slice(1))
      if (m.role === 'mediator') expect(m.mediation.offerMonth).toBeNull();
    expect(alone.interventions.some((e) => e.kind === 'mediator-entry')).toBe(false);
    const leaning = mediators(edit(RU, { mediator: 'toward-B' }))[0];
    if (leaning.role !== 'mediator') throw new Error('expected a mediator');
    expect(leaning.mediation.bias.toward).toBe('ukraine');
    expect(leaning.mediation.bias.strength).toBeGreaterThan(0);
  });

  it('a later mediation month means fewer mediated talks early on (same random numbers)', () => {
    const alone = { mediator: 'neutral', othersStayOut: true } as const;
    const early = runScenario(small(edit(RU, { ...alone, mediationMonth: 0 })));
    const late = runScenario(small(edit(RU, { ...alone, mediationMonth: 30 })));
    expect(late.talks.mediated[23]).toBeLessThan(early.talks.mediated[23]);
  });

  it('back channel off removes channels and their openings: no secret talks', () => {
    const s = edit(RU, { backChannel: 'off' });
    expect(s.backChannels).toEqual([]);
    expect(s.interventions.some((e) => e.kind === 'back-channel-open')).toBe(false);
    expect(runScenario(small(s)).talks.secret.at(-1)).toBe(0);
  });

  it('reconstruction aid, aid waning and a show of strength edit the named fields', () => {
    const s = edit(RU, {
      reconstructionAid: 0.1,
      aidWaning: 2,
      strengthSide: 'B',
      strengthSize: 0.4,
      strengthMonth: 3,
    });
    expect(s.interventions).toContainEqual(
      expect.objectContaining({
        kind: 'incentive-offer',
        to: 'ukraine',
        size: 0.1,
        conditionalOn: 'talks',
      }),
    );
    expect(s.interventions).toContainEqual(
      expect.objectContaining({ kind: 'show-of-strength', party: 'ukraine', size: 0.4, month: 3 }),
    );
    const ukraine = s.parties.find((p) => p.id === 'ukraine');
    if (ukraine?.role !== 'belligerent') throw new Error('expected Ukraine');
    expect(ukraine.support.map((l) => l.waningRate)).toEqual([0.04, 0.01]);
    // Russia's own patrons are untouched
    const russia = s.parties.find((p) => p.id === 'russia');
    if (russia?.role !== 'belligerent') throw new Error('expected Russia');
    expect(russia.support.map((l) => l.waningRate)).toEqual([0, 0]);
  });

  // each lever's edits (what the panel lists) are those its label names, and no others
  const LEVER_INTENT: [string, Partial<Levers>, RegExp[]][] = [
    [
      'Holy See neutral',
      { mediator: 'neutral' },
      [], // already neutral: no edit at all
    ],
    [
      'Holy See leaning toward Ukraine',
      { mediator: 'toward-B' },
      [
        /^parties\.holy-see\.mediation\.bias\.toward: neutral → ukraine$/,
        /^parties\.holy-see\.mediation\.bias\.strength: 0 → 0\.6$/,
      ],
    ],
    [
      'only the Holy See mediates',
      { othersStayOut: true },
      [
        /^parties\.(turkey|china)\.mediation\.offerMonth: \d → null$/,
        /^interventions\.\d+: \{ kind: mediator-entry, month: 4, mediator: switzerland.* → \(absent\)$/,
      ],
    ],
    [
      'mediation from month 9',
      { mediationMonth: 9 },
      [/^parties\.holy-see\.mediation\.offerMonth: 0 → 9$/],
    ],
    [
      'public mediation',
      { confidential: false },
      [/^parties\.holy-see\.mediation\.confidential: true → false$/],
    ],
    [
      'reconstruction aid',
      { reconstructionAid: 0.1 },
      [
        /^interventions\.\d+: \(absent\) → \{ kind: incentive-offer, month: 0, from: holy-see, to: ukraine, incentive: reconstruction-aid, size: 0\.1, conditionalOn: talks/,
      ],
    ],
    [
      'aid to Ukraine wanes twice as fast',
      { aidWaning: 2 },
      [
        /^parties\.ukraine\.support\.(united-states|european-union)\.waningRate: 0\.0[0-9]+ → 0\.0[0-9]+$/,
      ],
    ],
  ];
  for (const [name, patch, allowed] of LEVER_INTENT)
    it(`lever "${name}": its listed edits are exactly the ones it names`, () => {
      const r = leverEdits(RU, { ...leversOf(RU), ...patch });
      if (!r.ok) throw new Error('levers invalid');
      const lines = r.value.map(formatEdit);
      expect(lines.filter((l) => !allowed.some((p) => p.test(l)))).toEqual([]);
      expect(allowed.filter((p) => !lines.some((l) => p.test(l)))).toEqual([]);
    });

  it('scales uncertain values part by part, inside [0, 1]', () => {
    expect(scale(0.3, 2)).toBeCloseTo(0.6);
    expect(scale({ low: 0.2, high: 0.6 }, 2)).toEqual({ low: 0.4, high: 1 });
    expect(scale({ low: 0.1, mode: 0.2, high: 0.3 }, 0)).toEqual({ low: 0, mode: 0, high: 0 });
    expect(scale({ mean: 0.2, sd: 0.05 }, 2)).toEqual({ mean: 0.4, sd: 0.1 });
  });
});
