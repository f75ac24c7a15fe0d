/**
 * Builds an engine scenario from what was known about a historical case at onset: the kind of
 * war, the number of states and major powers on each side (a strength ratio), and a generic
 * cost, front and prior-uncertainty setting whose levels are calibrated (see calibrate.ts).
 * Design choice: without capability data, strength is a ratio of weighted side sizes (a major
 * power counts three states); civil wars give the government twice the rebels' strength (Mason &
 * Fett 1996 find governments usually stronger) and a mediator who may arrive. When the edge has
 * attached covariates (covariates.ts), strength follows the coalitions' CINC ratio at onset and
 * each leader's regime follows polity2 (else the case base's own regime coding). Case-base cases
 * also bring the mediators who had offered and the back channels that had opened by the
 * forecast date (caseBaseCases.ts). A UCDP minor armed conflict fights at a minor conflict's
 * death toll (MINOR_CONFLICT_DEATHS_PER_MONTH), which lets it fade (fading.ts), and every case is
 * dated by its onset year (settings.warBegan = startDate), which places an inter-state war before
 * or after 1945 (the post-1945 factors of battle and offers).
 */
import { ScenarioSchema, type Scenario } from '../model/index.ts';
import { capabilityStrength, regimeFromPolity2, type EngineRegime } from './covariates.ts';
import type { HistoricalCase } from './historicalCases.ts';

/** Scenario-level settings that no dataset measures; calibrated with the engine's defaults. */
export type BuilderParams = {
  /** Median monthly cost of war, as a share of the stake (c_i). */
  costScale: number;
  /** Monthly costs are drawn uniformly in [costScale / costSpread, costScale · costSpread]. */
  costSpread: number;
  /** SD of each leader's optimism bias (prior uncertainty about the balance of power). */
  optimismSd: number;
  /** K: net battle wins between the two military victories. */
  frontPositions: number;
};

export const DEFAULT_BUILDER: BuilderParams = {
  costScale: 0.02,
  costSpread: 1,
  optimismSd: 0,
  frontPositions: 10,
};

/** The monthly cost and optimism of every built scenario, from the builder's generic levels. */
export function builderLevels(b: BuilderParams): {
  cost: number | { low: number; high: number };
  optimism: number | { mean: number; sd: number };
} {
  return {
    cost:
      b.costSpread > 1.0001
        ? {
            low: Math.max(0, b.costScale / b.costSpread),
            high: Math.min(0.5, b.costScale * b.costSpread),
          }
        : b.costScale,
    optimism: b.optimismSd > 0 ? { mean: 0, sd: b.optimismSd } : 0,
  };
}

export type EngineOverrides = Record<string, Record<string, number>>;

/**
 * Battle deaths a month of each side in a UCDP minor armed conflict (intensity 1: 25–999 deaths
 * a year): 10 each, about 240 a year, inside that band (design choice). Wars keep the scenario
 * default, as a user who writes a war leaves it or gives the real figure.
 */
export const MINOR_CONFLICT_DEATHS_PER_MONTH = 10;

export function strengthRatio(c: HistoricalCase): number {
  if (c.kind === 'civil') return 2;
  const w = (states: number, majors: number) => Math.max(1, states + 2 * majors);
  return Math.min(
    5,
    Math.max(0.2, w(c.onset.statesA, c.onset.majorsA) / w(c.onset.statesB, c.onset.majorsB)),
  );
}

/** Side A's strength against side B's 1: the CINC mapping when capabilities are known, else the side-size ratio. */
export function caseStrength(c: HistoricalCase): number {
  return c.capability
    ? capabilityStrength(c.capability.cincA / c.capability.cincB)
    : strengthRatio(c);
}

function caseRegime(c: HistoricalCase, side: 'a' | 'b'): EngineRegime | null {
  const p = c.polity2?.[side];
  if (p !== null && p !== undefined) return regimeFromPolity2(p);
  return c.recordedRegimes?.[side] ?? null;
}

export function scenarioFromCase(
  c: HistoricalCase,
  opts: {
    builder: BuilderParams;
    engine?: EngineOverrides;
    runs: number;
    horizonMonths: number;
    seed: number;
  },
): Scenario {
  const b = opts.builder;
  const { cost, optimism } = builderLevels(b);
  const belligerent = (id: string, side: 'A' | 'B', strength: number) => {
    const regime = caseRegime(c, side === 'A' ? 'a' : 'b');
    return {
      id,
      name: id,
      role: 'belligerent',
      side,
      // no leader key without a regime, so the parsed scenario is the one built before covariates
      ...(regime ? { leader: { regime } } : {}),
      military: {
        strength,
        monthlyCost: cost,
        ...(c.onset.intensity === 1 ? { casualtiesPerMonth: MINOR_CONFLICT_DEATHS_PER_MONTH } : {}),
      },
      beliefs: { optimism },
    };
  };
  const parties: Record<string, unknown>[] = [
    belligerent('side-a', 'A', caseStrength(c)),
    belligerent('side-b', 'B', 1),
  ];
  const recorded = c.process?.mediators ?? [];
  // a recorded mediator stands in for the generic one who "may arrive"
  if (c.kind === 'civil' && recorded.length === 0)
    parties.push({
      id: 'mediator',
      name: 'mediator',
      role: 'mediator',
      mediation: { arrivalRate: 0.03 },
    });
  recorded.forEach((m, i) =>
    parties.push({
      id: `mediator-${i + 1}`,
      name: m.name.slice(0, 200),
      role: 'mediator',
      kind: m.kind,
      mediation: {
        offerMonth: Math.min(1200, m.month),
        style: m.strategy,
        bias: { toward: m.biasToward === 'neutral' ? 'neutral' : `side-${m.biasToward}` },
      },
    }),
  );
  const backChannels = (c.process?.backChannels ?? []).map((ch, i) => ({
    id: `channel-${i + 1}`,
    openFrom: Math.min(1200, ch.month),
  }));
  return ScenarioSchema.parse({
    id: c.id.replace(/[^a-z0-9-]/g, '-').slice(0, 60),
    name: c.name || c.id,
    type: c.kind === 'civil' ? 'civil' : 'interstate',
    parties,
    front: { positions: Math.round(b.frontPositions) },
    ...(backChannels.length > 0 ? { backChannels } : {}),
    // the war begins on the forecast date (month 0): its year places it before or after 1945
    settings: {
      runs: opts.runs,
      horizonMonths: opts.horizonMonths,
      seed: opts.seed,
      startDate: `${c.startYear}-01-01`,
      warBegan: `${c.startYear}-01-01`,
    },
    mechanisms: opts.engine ?? {},
  });
}
