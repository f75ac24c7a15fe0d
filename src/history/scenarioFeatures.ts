/**
 * Scenario → analogue features, so a scenario can be compared with the historical cases.
 * Design choices (documented in docs/history.md): uncertain inputs are taken at their central
 * value; support levels (share of the recipient's own war effort) map to the case ordinal as
 * 0 none, < 0.15 limited, < 0.5 substantial, ≥ 0.5 decisive; the front counts as a stalemate
 * when its balance is within 0.1 of even; territorial stakes are read from the front
 * description (null when there is none); the scenario does not record the war's onset, so the
 * duration before talks is given by the caller (`monthsSinceOnset`) or left unknown.
 */
import { centralValue, type Scenario } from '../model/index.ts';
import { regimePair, type Features } from './caseFeatures.ts';

export type ScenarioFeatureOptions = {
  /** months from the war's onset to the scenario's start (the "now" of the scenario) */
  monthsSinceOnset?: number;
};

export function supportOrdinal(level: number): number {
  if (level <= 0) return 0;
  if (level < 0.15) return 1;
  if (level < 0.5) return 2;
  return 3;
}

const TERRITORIAL_WORDS =
  /territor|land|province|region|border|oblast|annex|secession|independen|autonom|occupied|crimea/i;

export function scenarioFeatures(s: Scenario, opts: ScenarioFeatureOptions = {}): Features {
  const belligerents = s.parties.filter((p) => p.role === 'belligerent');
  const side = (x: 'A' | 'B') => belligerents.filter((b) => b.side === x);
  const supportOf = (x: 'A' | 'B') =>
    supportOrdinal(
      side(x).reduce((sum, b) => sum + b.support.reduce((t, l) => t + centralValue(l.level), 0), 0),
    );
  const a = supportOf('A');
  const b = supportOf('B');
  const civil = s.type === 'civil' || s.type === 'internationalized-civil';
  const regimeA = side('A')[0]?.leader.regime ?? null;
  const regimeB = civil ? 'non-state' : (side('B')[0]?.leader.regime ?? null);
  const balance = centralValue(s.front.balance);
  const deaths = belligerents.reduce(
    (sum, p) => sum + centralValue(p.military.casualtiesPerMonth),
    0,
  );
  const description = [s.front.description ?? '', s.description ?? ''].join(' ').trim();
  return {
    warType: s.type,
    durationMonths: opts.monthsSinceOnset ?? null,
    momentum: Math.abs(balance - 0.5) <= 0.1 ? 0 : 1,
    supportMax: Math.max(a, b),
    supportMin: Math.min(a, b),
    regimePair: regimeA && regimeB ? regimePair(regimeA, regimeB) : null,
    territorial: s.front.description ? TERRITORIAL_WORDS.test(description) : null,
    mediation: s.parties.some((p) => p.role === 'mediator'),
    deathsPerMonth: deaths > 0 ? deaths : null,
  };
}
