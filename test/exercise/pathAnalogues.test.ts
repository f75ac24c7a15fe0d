import { describe, expect, it } from 'vitest';
import { loadCases } from '../../src/data/cases.ts';
import { loadScenario } from '../../src/data/scenarios.ts';
import { findAnalogues, FEATURE_SPECS } from '../../src/history/analogues.ts';
import { scenarioFeatures } from '../../src/history/scenarioFeatures.ts';
import { Exercise, pathAnalogues, type Decision } from '../../src/exercise/index.ts';

const { cases } = loadCases();
const l = loadScenario('bosnia-1995').result;
if (!l.ok) throw new Error('bosnia-1995 invalid');
const scenario = l.value;
const A = 'bosnian-serbs',
  B = 'bosnian-government';
const start = scenarioFeatures(scenario, { monthsSinceOnset: 40 });
const YEAR = 2026;

function play(run: number, decide: (ex: Exercise) => Record<string, Decision>, months = 200) {
  const ex = new Exercise(scenario, { run, roles: [A, B] });
  for (let t = 0; t < months && !ex.finished; t++) ex.advance(decide(ex));
  return ex;
}

describe('analogues of the path played', () => {
  // a deal in month 0 (A demands what B accepts, in public) against a war without talks
  const settled = play(0, () => ({
    [A]: { posture: 'public', demand: 0.55 },
    [B]: { posture: 'public', leastAcceptable: 0.3 },
  }));
  // no talks, every mediator refused
  const no = (ex: Exercise): Decision =>
    ex.state.mediatorsPresent[0]
      ? { posture: 'closed', mediator: 'refuse' }
      : { posture: 'closed' };
  const fought = play(0, (ex) => ({ [A]: no(ex), [B]: no(ex) }), 30);

  it("reads the path's end: duration before talks, channel, mediation, deaths, outcome", () => {
    const s = pathAnalogues(settled, start, cases, YEAR, 5);
    expect(s.outcome).toBe('negotiated-settlement');
    expect(s.channel).toBe('public');
    expect(s.features.durationMonths).toBe(40);
    const f = pathAnalogues(fought, start, cases, YEAR, 5);
    expect(f.channel).toBe('closed');
    expect(f.features.durationMonths).toBe(40 + fought.month);
    expect(f.features.mediation).toBe(false);
    const deaths = fought.state.casualties[0] + fought.state.casualties[1];
    expect(f.features.deathsPerMonth).toBeCloseTo(deaths / fought.month, 9);
    // features the path does not change are the scenario's
    for (const k of ['warType', 'regimePair', 'territorial', 'supportMax'] as const)
      expect(f.features[k]).toEqual(start[k]);
  });

  it('ranks by the analogue distance with the outcome and first channel added', () => {
    const s = pathAnalogues(settled, start, cases, YEAR, cases.length);
    const gower = new Map(
      findAnalogues(s.features, cases, { top: cases.length, asOfYear: YEAR }).map((a) => [
        a.caseId,
        a.distance,
      ]),
    );
    const known = FEATURE_SPECS.reduce(
      (w, f) => w + (s.features[f.name] === null ? 0 : f.weight),
      0,
    );
    for (const a of s.analogues) {
      const c = cases.find((x) => x.id === a.caseId)!;
      const outcomeOff = c.outcome === 'negotiated-settlement' ? 0 : 1;
      const channelOff = a.differed.includes('first channel of talks') ? 1 : 0;
      expect(a.distance).toBeCloseTo(
        (gower.get(a.caseId)! * known + 2 * outcomeOff + channelOff) / (known + 3),
        12,
      );
      expect(a.matched.includes('outcome')).toBe(outcomeOff === 0);
    }
    for (let k = 1; k < s.analogues.length; k++)
      expect(s.analogues[k].distance).toBeGreaterThanOrEqual(s.analogues[k - 1].distance);
  });

  it('a settled path and a fought one resemble different cases', () => {
    const s = pathAnalogues(settled, start, cases, YEAR, 5).analogues;
    const f = pathAnalogues(fought, start, cases, YEAR, 5).analogues;
    expect(s.map((a) => a.caseId)).not.toEqual(f.map((a) => a.caseId));
    const settledShare = (xs: typeof s) =>
      xs.filter((a) => a.outcome === 'negotiated-settlement').length / xs.length;
    expect(settledShare(s)).toBeGreaterThan(settledShare(f));
  });
});
