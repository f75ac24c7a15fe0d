/**
 * Back-test of time to first contact and the first channel on the historical case base
 * (issue 18, item 7). For each case: the months from the war's start to the first negotiation
 * contact (secret contact, back channel, public talks or mediation; history/caseFeatures.ts
 * CONTACT_KINDS; contacts before the war are left out, the case base's rule in docs/history.md)
 * and its channel, or censoring at the war's end (or at the case base's date)
 * when no contact happened during the war. Forecasts made at onset by the engine (the onset
 * scenario of caseScenario.ts) and by baselines fitted on the training fold only: Kaplan–Meier
 * of the lags with the channel shares, overall and by war type. Splits: time (train on wars
 * begun before a cut year, about two-thirds of the cases) and leave-one-out.
 * Scores on held-out cases: CRPS of the month of first contact (survival CRPS for censored
 * cases, Avati et al. 2020), log score of the first channel, Brier skill of P(contact within h
 * months) against Kaplan–Meier, coverage of the central 80 % interval, a PIT histogram
 * (non-randomised PIT, Czado, Gneiting & Held 2009) and reliability tables.
 * Sources: Gneiting & Raftery (2007) for the scores; Kaplan & Meier (1958).
 */
import {
  compile,
  contactScaleFactor,
  createRunRecords,
  POST_COLD_WAR_YEAR,
  simulateBlock,
  type ContactScaleFactors,
} from '../engine/index.ts';
import { CONTACT_KINDS, isWartimeContact } from '../history/caseFeatures.ts';
import {
  datedRange,
  datedToYear,
  monthsBetween,
  surelyBefore,
  type Case,
  type CaseType,
  type Dated,
} from '../history/caseSchema.ts';
import {
  DEFAULT_CASE_SCENARIO,
  scenarioFromCaseBase,
  type CaseScenarioParams,
} from './caseScenario.ts';
import { kaplanMeier, survivalAt } from './kaplanMeier.ts';
import { fitWeibull } from './weibullAft.ts';
import {
  brier,
  crpsDiscrete,
  interval80,
  ksOfShares,
  logScore,
  pitInterval,
  pitIntervalShares,
  pitShares,
  reliabilityTable,
  type ReliabilityBin,
} from './scores.ts';

export { interval80 };

export const CHANNELS = ['secret', 'mediated', 'public'] as const;
export type ContactChannel = (typeof CHANNELS)[number];

/**
 * Case-base contact kinds → the engine's channels. Design choice: a secret contact and a back
 * channel are both talks the public does not see (the engine's secret channel); mediation is the
 * mediated channel even when its rounds were public, because the engine's mediated channel is
 * "through a third party" whatever the publicity.
 */
export const CHANNEL_OF_KIND: Record<string, ContactChannel> = {
  'secret-contact': 'secret',
  'back-channel': 'secret',
  mediation: 'mediated',
  'public-talks': 'public',
};

export type ContactObservation = {
  id: string;
  type: CaseType;
  /** decimal year of the start (midpoint of its precision window) */
  startYear: number;
  /** whole month index of the first contact (0 = within the first month), or of censoring */
  month: number;
  /** true: a contact was observed in `month`; false: none by `month` (censored) */
  contact: boolean;
  channel: ContactChannel | null;
  /** the case records contacts before the war began (left out of the lag, docs/history.md) */
  preStart: boolean;
  /** the first contact came after the war ended (so none during the war: censored at the end) */
  contactAfterEnd: boolean;
  ongoing: boolean;
};

/**
 * The date of the case base: the latest date any case records (start, end, event or support
 * change). Ongoing wars without contact are censored there. Design choice: a date in the data,
 * not the clock, so a back-test is reproducible and the core never reads the time.
 */
export function caseBaseYear(cases: readonly Case[]): number {
  let latest = -Infinity;
  const see = (d: Dated | null | undefined) => {
    if (d) latest = Math.max(latest, datedRange(d)[1]);
  };
  for (const c of cases) {
    see(c.start);
    see(c.end);
    for (const e of c.timeline) {
      see(e.date);
      see(e.endDate);
    }
    for (const ch of c.outsideSupport.changes) see(ch.date);
  }
  return latest;
}

/**
 * What happened in a case. Rules (design choices):
 * - the first contact is the earliest contact event (midpoint of its date window);
 * - its lag is the months between the midpoints of the start and of the contact (as the analogue
 *   features measure it, caseFeatures.ts), floored to a whole month index; a contact dated before
 *   the start counts as month 0 (the sides were already talking when the war began);
 * - a contact surely after the war's end (its window opens after the end's window closes) did not
 *   happen during the war: the case is censored at the end; one whose window overlaps the end is
 *   a contact, its lag capped at the war's length;
 * - with no contact during the war, the case is censored at the end, or at `asOfYear` (the case
 *   base's date) while the war goes on.
 */
export function observeContact(c: Case, asOfYear: number): ContactObservation {
  const startYear = datedToYear(c.start);
  const endMonths = c.end
    ? monthsBetween(c.start, c.end)
    : Math.max(0, (asOfYear - startYear) * 12);
  const contacts = c.timeline
    .map((e, i) => ({ e, i }))
    .filter(({ e }) => isWartimeContact(c, e))
    .sort((x, y) => datedToYear(x.e.date) - datedToYear(y.e.date) || x.i - y.i);
  const first = contacts[0]?.e;
  const preStart = c.timeline.some((e) => CONTACT_KINDS.has(e.kind) && !isWartimeContact(c, e));
  const base = { id: c.id, type: c.type, startYear, ongoing: c.end === null, preStart };
  const afterEnd = first !== undefined && c.end !== null && surelyBefore(c.end, first.date);
  if (!first || afterEnd)
    return {
      ...base,
      month: Math.floor(endMonths),
      contact: false,
      channel: null,
      contactAfterEnd: afterEnd,
    };
  const lag = Math.min(monthsBetween(c.start, first.date), endMonths);
  return {
    ...base,
    month: Math.floor(lag),
    contact: true,
    channel: CHANNEL_OF_KIND[first.kind],
    contactAfterEnd: false,
  };
}

/** A forecast at onset: P(first contact in month k) for k < K (the rest lies beyond), and P(channel | contact). */
export type ContactForecast = { pmf: number[]; channel: number[] };

export const CONTACT_MODELS = [
  'engine (fitted on train)',
  'engine (defaults)',
  'Kaplan–Meier',
  'Kaplan–Meier by war type',
] as const;
/** The engine's rows: fitted on each training fold, and with the shipped defaults. */
export const ENGINE_MODELS: readonly ContactModel[] = [
  'engine (fitted on train)',
  'engine (defaults)',
];
export type ContactModel = (typeof CONTACT_MODELS)[number];

/**
 * The engine's forecast from its per-run records (simulate.ts: firstTalk[4·run + channel],
 * channel 0 any, 1 secret, 2 mediated, 3 public, −1 never; endMonth, −1 still at war). The
 * timing is the net distribution of the month of first contact while the war goes on: a
 * Kaplan–Meier over the runs, a run whose war ended without talks censored at its end, so it
 * answers the question the observations answer (contact if the war lasts; a war that ended first
 * is censored there too) rather than adding the engine's own endings as "never" (design choice;
 * independent censoring assumed, as for the Kaplan–Meier baseline). The channel is the one of the
 * earliest talks; channels opening in the same month share the run. When no run has contact the
 * engine says nothing about the channel and is scored as uniform (1/3 each); the result counts
 * such cases. Where the engine's own endings leave fewer than 20 runs at risk, the last year's
 * pooled hazard is held constant.
 */
export function engineContactForecast(
  firstTalk: Int16Array,
  endMonth: Int16Array,
  runs: number,
  K: number,
  /** runs still at risk below which the hazard is extrapolated */
  minAtRisk = 20,
): ContactForecast {
  const events = new Array<number>(K).fill(0);
  const leave = new Array<number>(K + 1).fill(0); // runs leaving the risk set after month k
  const ch = [0, 0, 0];
  let contacts = 0;
  for (let r = 0; r < runs; r++) {
    const t = firstTalk[4 * r];
    if (t >= 0) {
      if (t < K) events[t]++;
      contacts++;
      let ties = 0;
      for (let c = 1; c <= 3; c++) if (firstTalk[4 * r + c] === t) ties++;
      for (let c = 1; c <= 3; c++)
        if (firstTalk[4 * r + c] === t) ch[c - 1] += 1 / Math.max(1, ties);
      leave[Math.min(t, K)]++;
    } else leave[Math.min(endMonth[r] >= 0 ? endMonth[r] : K, K)]++;
  }
  const pmf = new Array<number>(K).fill(0);
  let atRisk = runs;
  let S = 1;
  // once fewer than `minAtRisk` runs are still at war without contact (the engine's own endings
  // took the rest), the month's hazard is the pooled hazard of the last 12 months that had enough
  // runs, held constant: the forecast still says something about long waits (design choice)
  const recent: { events: number; atRisk: number }[] = [];
  let fallback: number | null = null;
  for (let k = 0; k < K; k++) {
    let h: number;
    if (atRisk >= minAtRisk) {
      h = events[k] / atRisk;
      recent.push({ events: events[k], atRisk });
      if (recent.length > 12) recent.shift();
    } else {
      if (fallback === null) {
        const e = recent.reduce((x, m) => x + m.events, 0);
        const n = recent.reduce((x, m) => x + m.atRisk, 0);
        fallback = n > 0 ? e / n : 0;
      }
      h = fallback;
    }
    pmf[k] = S * h;
    S *= 1 - h;
    atRisk -= leave[k];
  }
  const channel = contacts > 0 ? ch.map((x) => x / contacts) : [1 / 3, 1 / 3, 1 / 3];
  return { pmf, channel };
}

/** Simulates a case's onset scenario and reads the engine's contact forecast. */
export function simulateContact(
  c: Case,
  p: CaseScenarioParams,
): ContactForecast & { anyContact: boolean } {
  const scenario = scenarioFromCaseBase(c, p);
  const records = createRunRecords(p.runs);
  simulateBlock(compile(scenario), 0, p.runs, { records, diagnostics: false });
  const f = engineContactForecast(records.firstTalk, records.endMonth, p.runs, p.horizonMonths);
  let any = false;
  for (let r = 0; r < p.runs && !any; r++) any = records.firstTalk[4 * r] >= 0;
  return { ...f, anyContact: any };
}

/** Kaplan–Meier of the training lags → pmf on months 0…K−1 (an event in month m is at time m + ½). */
export function kmPmf(train: readonly ContactObservation[], K: number): number[] {
  const km = kaplanMeier({
    time: train.map((o) => o.month + 0.5),
    event: train.map((o) => (o.contact ? 1 : 0)),
  });
  const pmf = new Array<number>(K);
  let prev = 1;
  for (let k = 0; k < K; k++) {
    const s = survivalAt(km, k + 1);
    pmf[k] = Math.max(0, prev - s);
    prev = s;
  }
  return pmf;
}

/** Shares of the first channel among training cases with a contact. */
export function channelShares(train: readonly ContactObservation[]): number[] {
  const n = [0, 0, 0];
  for (const o of train) if (o.channel) n[CHANNELS.indexOf(o.channel)]++;
  const total = n[0] + n[1] + n[2];
  return total > 0 ? n.map((x) => x / total) : [1 / 3, 1 / 3, 1 / 3];
}

export type ContactBaselineOptions = {
  /**
   * Fewest training cases of a war type for its own Kaplan–Meier curve; below it the type's
   * forecast is the pooled curve. Design choice: 8 (about the smallest group, extra-state wars).
   */
  minTypeCases: number;
  /** Pseudo-count pulling a war type's channel shares toward the pooled shares (design choice: 2). */
  channelPrior: number;
};

export const DEFAULT_BASELINES: ContactBaselineOptions = { minTypeCases: 8, channelPrior: 2 };

/** Baselines fitted on a training fold; forecasts for any case by its war type. */
export function fitContactBaselines(
  train: readonly ContactObservation[],
  K: number,
  o: ContactBaselineOptions = DEFAULT_BASELINES,
): (model: 'Kaplan–Meier' | 'Kaplan–Meier by war type', type: CaseType) => ContactForecast {
  const pooled = { pmf: kmPmf(train, K), channel: channelShares(train) };
  const byType = new Map<CaseType, ContactForecast>();
  const types = [...new Set(train.map((x) => x.type))];
  for (const t of types) {
    const sub = train.filter((x) => x.type === t);
    const withContact = sub.filter((x) => x.channel).length;
    const shares = channelShares(sub);
    byType.set(t, {
      pmf: sub.length >= o.minTypeCases ? kmPmf(sub, K) : pooled.pmf,
      channel: shares.map(
        (s, i) =>
          (s * withContact + o.channelPrior * pooled.channel[i]) / (withContact + o.channelPrior),
      ),
    });
  }
  return (model, type) => (model === 'Kaplan–Meier' ? pooled : (byType.get(type) ?? pooled));
}

/**
 * The contact anchor's factors of the Weibull scale by war type and era (mechanisms.contact): how
 * many times slower or faster than an inter-state war begun before 1990 the contact clock runs.
 */
export type ContactAnchor = ContactScaleFactors;

export const NO_ANCHOR: ContactAnchor = {
  civilScaleFactor: 1,
  internationalizedScaleFactor: 1,
  extraStateScaleFactor: 1,
  postColdWarScaleFactor: 1,
};

/** The regression's dummies: each a factor of the anchor and the cases it marks. */
const ANCHOR_DUMMIES: { factor: keyof ContactAnchor; marks: (o: ContactObservation) => boolean }[] =
  [
    { factor: 'civilScaleFactor', marks: (o) => o.type === 'civil' },
    { factor: 'internationalizedScaleFactor', marks: (o) => o.type === 'internationalized-civil' },
    { factor: 'extraStateScaleFactor', marks: (o) => o.type === 'extra-state' },
    { factor: 'postColdWarScaleFactor', marks: (o) => o.startYear >= POST_COLD_WAR_YEAR },
  ];

/**
 * The contact anchor by war type and era, from a training fold alone: a Weibull
 * accelerated-failure-time regression of the months to first contact (an event in month m at
 * m + ½, censored cases at their month) on dummies of war type (inter-state the reference) and of
 * a start in 1990 or later (Kalbfleisch & Prentice 2002). exp(coefficient) is the factor of the
 * Weibull scale. A dummy that marks fewer than `minCases` training cases (or all but fewer) is
 * left out and its factor stays 1: too few to estimate (design choice, as for the Kaplan–Meier by
 * type). Factors are rounded to a quarter-power of 2 (±9 %), so that folds that estimate alike
 * share their simulations.
 */
export function fitContactAnchor(
  train: readonly ContactObservation[],
  minCases: number,
): ContactAnchor {
  const out = { ...NO_ANCHOR };
  const used = ANCHOR_DUMMIES.filter((d) => {
    const n = train.filter(d.marks).length;
    return n >= minCases && train.length - n >= minCases;
  });
  if (used.length === 0) return out;
  const fit = fitWeibull(
    train.map((o) => used.map((d) => (d.marks(o) ? 1 : 0))),
    { time: train.map((o) => o.month + 0.5), event: train.map((o) => (o.contact ? 1 : 0)) },
  );
  if (!fit.converged) return out;
  used.forEach((d, i) => {
    const quarterPower = Math.round(4 * Math.log2(Math.exp(fit.coefficients[i + 1]))) / 4;
    out[d.factor] = Number((2 ** quarterPower).toPrecision(3));
  });
  return out;
}

/** The anchor's multiplier of the Weibull scale for one case (mechanisms/contact.ts's rule). */
export const anchorFactorOf = (a: ContactAnchor, o: ContactObservation): number =>
  contactScaleFactor(a, o.type, o.startYear);

export type Fold = { train: ContactObservation[]; test: ContactObservation[] };

/**
 * Time split: train on wars begun before the cut year, test on the rest. The cut year is the
 * start year of the case at two-thirds of the sorted list, so about two-thirds train, unless
 * the caller names one (`cutYear`).
 */
export function timeSplit<T extends { startYear: number; id: string }>(
  obs: readonly T[],
  cutYearGiven?: number,
): { train: T[]; test: T[]; cutYear: number } {
  const sorted = [...obs].sort((a, b) => a.startYear - b.startYear || a.id.localeCompare(b.id));
  const cutYear = cutYearGiven ?? Math.floor(sorted[Math.round((sorted.length * 2) / 3)].startYear);
  return {
    cutYear,
    train: sorted.filter((o) => o.startYear < cutYear),
    test: sorted.filter((o) => o.startYear >= cutYear),
  };
}

export function leaveOneOut(obs: readonly ContactObservation[]): Fold[] {
  return obs.map((o, i) => ({ train: obs.filter((_, j) => j !== i), test: [o] }));
}

const cdfOf = (pmf: readonly number[]): number[] => {
  let F = 0;
  return pmf.map((p) => (F += p));
};

/**
 * CRPS of the month of first contact. Contact in month y: the discrete CRPS (scores.ts). Censored
 * at c (no contact in months < c): Σ_{k<c} F(k)², the part of the CRPS integral where the outcome
 * is known (survival CRPS, Avati et al. 2020). Design choice: it is not strictly proper under
 * censoring (Rindt et al. 2022), but it never rewards a forecast for putting mass before c.
 */
export function contactCrps(
  pmf: readonly number[],
  o: Pick<ContactObservation, 'month' | 'contact'>,
): number {
  if (o.contact) return crpsDiscrete(pmf, Math.min(o.month, pmf.length - 1));
  let F = 0;
  let s = 0;
  for (let k = 0; k < Math.min(o.month, pmf.length); k++) {
    F += pmf[k];
    s += F * F;
  }
  return s;
}

/** PIT histogram of contact forecasts: a censored case (no contact yet) is an open interval. */
export function pitHistogram(
  items: { pmf: readonly number[]; o: Pick<ContactObservation, 'month' | 'contact'> }[],
  bins = 10,
): number[] {
  return pitShares(
    items.map(({ pmf, o }) => ({ pmf, month: o.month, event: o.contact })),
    bins,
  );
}

/**
 * The engine's contact parameters searched on each training fold (mechanisms.contact): the
 * Weibull anchor's shape and scale and the weight of the utility of talking. The channel weights
 * are the training fold's shares of first contacts (to 0.01). Design choice: a grid, so that the engine is
 * simulated once per case and grid point and each fold picks the point of least training loss
 * (contactFitLoss; no held-out case ever enters the choice, nor the channel weights its forecast uses).
 */
export type ContactGrid = {
  baselineShape: number[];
  baselineScaleMonths: number[];
  utilitySensitivity: number[];
  /** σ_c of the per-run contact frailty (contact.frailtySpread) */
  frailtySpread: number[];
  /** ω, the extra contact hazard of a war's first month (contact.outbreakHazard) */
  outbreakHazard: number[];
  /** runs per case and grid point while searching (the held-out forecast uses `runs`) */
  runs: number;
};

export const DEFAULT_CONTACT_GRID: ContactGrid = {
  // wide starting ranges (searchGrid moves an edge the training fold's best point lies on):
  // falling to rising hazards, scales from weeks to years, utilities from ignored to dominant
  baselineShape: [0.3, 0.5, 0.8, 1.2],
  baselineScaleMonths: [2, 6, 18, 54],
  utilitySensitivity: [0, 3, 10],
  frailtySpread: [0, 1, 2],
  outbreakHazard: [0, 0.3],
  runs: 60,
};

type GridPoint = {
  baselineShape: number;
  baselineScaleMonths: number;
  utilitySensitivity: number;
  frailtySpread: number;
  outbreakHazard: number;
};
/** Contact parameters fitted on a training fold (mechanisms.contact). */
export type ContactFit = GridPoint &
  ContactAnchor & {
    secretWeight: number;
    mediatedWeight: number;
    publicWeight: number;
  };

/**
 * What one training case says of one grid point: the terms of contactFitLoss, and the engine's
 * P(channel | contact) for matchChannelWeights.
 */
export type ContactCaseFit = { crps: number; pit: [number, number]; channel: readonly number[] };

export const contactCaseFit = (
  pmf: readonly number[],
  o: Pick<ContactObservation, 'month' | 'contact'>,
  channel: readonly number[] = [1 / 3, 1 / 3, 1 / 3],
): ContactCaseFit => ({
  crps: contactCrps(pmf, o),
  pit: pitInterval(pmf, Math.min(o.month, pmf.length), o.contact),
  channel,
});

/**
 * Channel weights matched to the training fold (design choice). The engine's channel hazards are
 * π_k·a_k·exp(β·U_k): with π_k set to the training shares, its mean P(channel) over the training
 * contacts drifts from those shares, because availability and the utilities of talking differ by
 * channel (in the case base it put a quarter of first contacts on the secret channel, which
 * holds a sixth). One multiplicative step π_k ← π_k · share_k / mean P_k (iterative
 * proportional fitting, Deming & Stephan 1940) brings the mean back to the shares and keeps each
 * case's own variation; the weights keep their sum and are rounded to 0.01 (at least 0.01).
 */
export function matchChannelWeights(
  weights: readonly number[],
  shares: readonly number[],
  simulated: readonly number[],
): number[] {
  const raw = weights.map((w, k) => (simulated[k] > 0 ? (w * shares[k]) / simulated[k] : w));
  const scale = weights.reduce((a, b) => a + b, 0) / raw.reduce((a, b) => a + b, 0);
  return raw.map((w) => Math.max(0.01, Math.round(100 * w * scale) / 100));
}

/**
 * Training loss of a grid point (design choice): the training cases' mean CRPS relative to the
 * training fold's own Kaplan–Meier CRPS, plus the KS distance from uniform of their PIT histogram
 * (20 bins). The same pair of terms as the duration calibration (calibrate.ts): the CRPS rewards
 * forecasts sharp around the truth, the PIT term asks each case's own interval to be as wide as it
 * should be (Gneiting, Balabdaoui & Raftery 2007). Maximum likelihood, used before, chose the
 * heaviest tails on the grid: held-out 80 % intervals held 96 % of first contacts.
 */
export function contactFitLoss(fits: readonly ContactCaseFit[], kmCrps: number): number {
  const crps = fits.reduce((sum, f) => sum + f.crps, 0) / Math.max(1, fits.length);
  const pit = pitIntervalShares(
    fits.map((f) => f.pit),
    20,
  );
  return crps / Math.max(1e-9, kmCrps) + ksOfShares(pit);
}

/**
 * Grid search with edges that move: while the best point lies on the edge of a parameter's range
 * (and the range can grow: shape 0.05–3, scale 0.25–1000 months; the utility weight stays within 0–10
 * and the frailty σ within 0–2), that
 * range is extended one step outward and the search repeats (at most 4 times). Only training
 * losses decide, so the range a fold ends with is as much a training-fold choice as the point.
 */
function searchGrid(g: ContactGrid, loss: (p: GridPoint) => number): GridPoint {
  const dims = {
    baselineShape: [...g.baselineShape].sort((x, y) => x - y),
    baselineScaleMonths: [...g.baselineScaleMonths].sort((x, y) => x - y),
    utilitySensitivity: [...g.utilitySensitivity].sort((x, y) => x - y),
    frailtySpread: [...g.frailtySpread].sort((x, y) => x - y),
    outbreakHazard: [...g.outbreakHazard].sort((x, y) => x - y),
  };
  const limits: Record<keyof GridPoint, [number, number]> = {
    baselineShape: [0.05, 3],
    baselineScaleMonths: [0.25, 1000],
    // the utility weight and the spread stay inside their starting ranges: beyond them the
    // training loss runs off to degenerate corners (weight 100, σ 4) that forecast badly
    utilitySensitivity: [0, 10],
    frailtySpread: [0, 2],
    outbreakHazard: [0, 5],
  };
  let best = dims.baselineShape.length ? gridPoints({ ...g, ...dims })[0] : undefined;
  for (let round = 0; round < 5; round++) {
    const points = gridPoints({ ...g, ...dims });
    const losses = points.map(loss);
    best = points[losses.indexOf(Math.min(...losses))];
    let grown = false;
    for (const k of Object.keys(dims) as (keyof GridPoint)[]) {
      const v = dims[k];
      const [lo, hi] = limits[k];
      if (round === 4 || v.length < 2) continue;
      if (best[k] === v[0] && v[0] > lo) {
        // one step down: geometric for positive ranges, to the bound otherwise
        const next = v[0] > 0 && v[1] > 0 ? (v[0] * v[0]) / v[1] : lo;
        v.unshift(Math.max(lo, Number(next.toPrecision(3))));
        grown = true;
      } else if (best[k] === v[v.length - 1] && v[v.length - 1] < hi) {
        const [a, b] = [v[v.length - 2], v[v.length - 1]];
        const next = a > 0 ? (b * b) / a : 2 * b;
        v.push(Math.min(hi, Number(next.toPrecision(3))));
        grown = true;
      }
    }
    if (!grown) break;
  }
  return best!;
}

const gridPoints = (g: ContactGrid): GridPoint[] =>
  g.baselineShape.flatMap((baselineShape) =>
    g.baselineScaleMonths.flatMap((baselineScaleMonths) =>
      g.utilitySensitivity.flatMap((utilitySensitivity) =>
        g.frailtySpread.flatMap((frailtySpread) =>
          g.outbreakHazard.map((outbreakHazard) => ({
            baselineShape,
            baselineScaleMonths,
            utilitySensitivity,
            frailtySpread,
            outbreakHazard,
          })),
        ),
      ),
    ),
  );

export type ContactBacktestOptions = {
  split: 'time' | 'loo';
  /** with the time split: train on wars begun before this year (default: two-thirds train) */
  cutYear?: number;
  /** the search of the engine's contact parameters on each training fold */
  grid: ContactGrid;
  /** engine runs per case */
  runs: number;
  /** forecast grid and engine horizon, months */
  horizonMonths: number;
  seed: number;
  /** Brier skill horizons, months */
  horizons: number[];
  /** reliability tables for P(contact within h months) */
  reliabilityHorizons: number[];
  /** floor for a zero channel probability in the log score (design choice: 0.01, one run in 100) */
  channelFloor: number;
  scenario: Omit<CaseScenarioParams, 'runs' | 'horizonMonths' | 'seed'>;
  baselines: ContactBaselineOptions;
  /** estimate the anchor by war type and era on each training fold (fitContactAnchor); false: factors 1 */
  anchor: boolean;
  /** match the channel weights to the training fold's shares (matchChannelWeights); false: the shares */
  matchChannels: boolean;
};

export const DEFAULT_CONTACT_OPTIONS: ContactBacktestOptions = {
  split: 'time',
  runs: 400,
  horizonMonths: 600,
  seed: 11,
  horizons: [1, 6, 12],
  reliabilityHorizons: [6, 12],
  channelFloor: 0.01,
  scenario: DEFAULT_CASE_SCENARIO,
  baselines: DEFAULT_BASELINES,
  grid: DEFAULT_CONTACT_GRID,
  anchor: true,
  matchChannels: true,
};

export type ContactScoreRow = {
  model: ContactModel;
  n: number;
  /** held-out cases censored (no contact observed) */
  censored: number;
  crps: number;
  /** mean log score of the first channel, cases with a contact */
  logScoreChannel: number;
  nChannel: number;
  brier: Record<string, number>;
  /** 1 − Brier / Brier of Kaplan–Meier (pooled), on the same cases */
  brierSkill: Record<string, number>;
  /** share of held-out contacts inside the central 80 % interval (censored cases left out) */
  coverage80: number;
  nCoverage: number;
  pit: number[];
  /** mean forecast P(contact within 12 months) and the observed share (usable cases) */
  meanP12: number;
  observedP12: number;
};

export type ContactCaseRecord = {
  id: string;
  type: CaseType;
  month: number;
  contact: boolean;
  channel: ContactChannel | null;
  forecasts: Record<
    ContactModel,
    { p1: number; p6: number; p12: number; median: number | null; channel: number[] }
  >;
};

export type ContactBacktestResult = {
  options: ContactBacktestOptions;
  cases: number;
  /** rules and counts of the observations (all cases, before splitting) */
  observed: {
    contacts: number;
    preStart: number;
    censored: number;
    censoredOngoing: number;
    contactAfterEnd: number;
    byChannel: Record<ContactChannel, number>;
    asOfYear: number;
  };
  split: { kind: 'time' | 'loo'; cutYear?: number; train: number; test: number; folds: number };
  /** held-out cases the fitted engine gave no chance of contact within the horizon */
  engineNoContact: number;
  /** the grid points the training folds chose: each parameter's values and how many folds chose each */
  fittedParameters: Record<keyof GridPoint | keyof ContactAnchor, Record<string, number>>;
  /** with one training fold (the time split): the contact parameters it chose */
  trainFit?: ContactFit;
  rows: ContactScoreRow[];
  reliability: { model: ContactModel; horizon: number; bins: ReliabilityBin[] }[];
  perCase: ContactCaseRecord[];
};

const pWithin = (pmf: readonly number[], h: number) => {
  let s = 0;
  for (let k = 0; k < Math.min(h, pmf.length); k++) s += pmf[k];
  return s;
};

const medianMonth = (pmf: readonly number[]): number | null => {
  const [q] = [cdfOf(pmf).findIndex((v) => v >= 0.5 - 1e-12)];
  return q < 0 ? null : q;
};

/** The training fold's channel weights matched at its chosen point (from the search's own simulations). */
function matchedWeights(
  train: readonly ContactObservation[],
  best: GridPoint,
  shares: readonly number[],
  fitsAt: (g: GridPoint) => ContactCaseFit[],
): { secretWeight: number; mediatedWeight: number; publicWeight: number } {
  const fits = fitsAt(best);
  const simulated = [0, 0, 0];
  let n = 0;
  train.forEach((o, i) => {
    if (!o.contact) return;
    n++;
    for (let k = 0; k < 3; k++) simulated[k] += fits[i].channel[k];
  });
  const w = matchChannelWeights(
    shares,
    channelShares(train),
    simulated.map((x) => x / Math.max(1, n)),
  );
  return { secretWeight: w[0], mediatedWeight: w[1], publicWeight: w[2] };
}

export function runContactBacktest(
  cases: readonly Case[],
  options: Partial<ContactBacktestOptions> = {},
  onProgress?: (msg: string) => void,
): ContactBacktestResult {
  const opts = { ...DEFAULT_CONTACT_OPTIONS, ...options };
  const K = opts.horizonMonths;
  const asOfYear = caseBaseYear(cases);
  const obs = cases.map((c) => observeContact(c, asOfYear));
  const timed = opts.split === 'time' ? timeSplit(obs, opts.cutYear) : undefined;
  const folds: Fold[] = timed ? [timed] : leaveOneOut(obs);
  const cutYear = timed?.cutYear;
  const byId = new Map(cases.map((c) => [c.id, c]));
  const simulate = (
    id: string,
    runs: number,
    contact: Partial<GridPoint> & Record<string, number>,
  ) =>
    simulateContact(byId.get(id)!, {
      ...opts.scenario,
      engine: {
        ...opts.scenario.engine,
        contact: { ...opts.scenario.engine?.contact, ...contact },
      },
      runs,
      horizonMonths: K,
      seed: opts.seed,
    });
  // with the shipped defaults: one simulation per held-out case serves every fold
  const testIds = new Set(folds.flatMap((f) => f.test.map((o) => o.id)));
  const defaults = new Map<string, ContactForecast & { anyContact: boolean }>();
  for (const id of testIds) defaults.set(id, simulate(id, opts.runs, {}));
  // fitted on each training fold: grid search on the training cases' CRPS, channel weights from
  // the training shares; folds with the same shares share their simulations
  const gridRuns = Math.min(opts.grid.runs, opts.runs);
  const searched = new Map<string, Map<string, ContactCaseFit>>(); // shares → case|point → fit terms
  const fitted = new Map<string, ContactForecast & { anyContact: boolean }>();
  const chosen: (GridPoint & ContactAnchor)[] = [];
  let lastFit: ContactFit | undefined;
  let done = 0;
  for (const fold of folds) {
    // shares rounded to 0.01: a function of the training fold alone, so folds that round alike
    // (leave-one-out folds differ by one case) share their simulations without any leak
    const sh = channelShares(fold.train).map((x) => Math.round(100 * x) / 100);
    const weights = { secretWeight: sh[0], mediatedWeight: sh[1], publicWeight: sh[2] };
    const key = sh.join(',');
    let scores = searched.get(key);
    if (!scores) searched.set(key, (scores = new Map<string, ContactCaseFit>()));
    const cache = scores;
    const anchor = opts.anchor
      ? fitContactAnchor(fold.train, opts.baselines.minTypeCases)
      : NO_ANCHOR;
    const km = fitContactBaselines(fold.train, K, opts.baselines);
    const kmCrps =
      fold.train.reduce((sum, o) => sum + contactCrps(km('Kaplan–Meier', o.type).pmf, o), 0) /
      fold.train.length;
    const trainFits = (g: GridPoint) =>
      fold.train.map((o) => {
        // a case's simulation depends on the anchor only through its own scale (type and era)
        const scale = (g.baselineScaleMonths * anchorFactorOf(anchor, o)).toPrecision(6);
        const k = `${o.id}|${g.baselineShape},${scale},${g.utilitySensitivity},${g.frailtySpread},${g.outbreakHazard}`;
        let v = cache.get(k);
        if (v === undefined) {
          const f = simulate(o.id, gridRuns, { ...weights, ...g, ...anchor });
          v = contactCaseFit(f.pmf, o, f.channel);
          cache.set(k, v);
        }
        return v;
      });
    const trainLoss = (g: GridPoint) => contactFitLoss(trainFits(g), kmCrps);
    const best = searchGrid(opts.grid, trainLoss);
    const matched = opts.matchChannels ? matchedWeights(fold.train, best, sh, trainFits) : weights;
    chosen.push({ ...best, ...anchor });
    lastFit = { ...best, ...anchor, ...matched };
    for (const o of fold.test)
      fitted.set(o.id, simulate(o.id, opts.runs, { ...matched, ...best, ...anchor }));
    if (++done % 10 === 0 || folds.length === 1)
      onProgress?.(`engine fitted on ${done}/${folds.length} training folds`);
  }
  const held: { o: ContactObservation; f: Record<ContactModel, ContactForecast> }[] = [];
  for (const fold of folds) {
    const fit = fitContactBaselines(fold.train, K, opts.baselines);
    for (const o of fold.test)
      held.push({
        o,
        f: {
          'engine (fitted on train)': fitted.get(o.id)!,
          'engine (defaults)': defaults.get(o.id)!,
          'Kaplan–Meier': fit('Kaplan–Meier', o.type),
          'Kaplan–Meier by war type': fit('Kaplan–Meier by war type', o.type),
        },
      });
  }
  const rows: ContactScoreRow[] = [];
  const reliability: ContactBacktestResult['reliability'] = [];
  const usableAt = (h: number) => held.filter(({ o }) => o.contact || o.month >= h);
  const outcome = (o: ContactObservation, h: number) => (o.contact && o.month < h ? 1 : 0);
  for (const model of CONTACT_MODELS) {
    const crps = held.reduce((s, x) => s + contactCrps(x.f[model].pmf, x.o), 0) / held.length;
    const withChannel = held.filter((x) => x.o.channel);
    const br: Record<string, number> = {};
    const bss: Record<string, number> = {};
    for (const h of opts.horizons) {
      const u = usableAt(h);
      const y = u.map(({ o }) => outcome(o, h));
      br[h] = brier(
        u.map((x) => pWithin(x.f[model].pmf, h)),
        y,
      );
      const ref = brier(
        u.map((x) => pWithin(x.f['Kaplan–Meier'].pmf, h)),
        y,
      );
      bss[h] = ref > 0 ? 1 - br[h] / ref : NaN;
    }
    for (const h of opts.reliabilityHorizons) {
      const u = usableAt(h);
      reliability.push({
        model,
        horizon: h,
        bins: reliabilityTable(
          u.map((x) => pWithin(x.f[model].pmf, h)),
          u.map(({ o }) => outcome(o, h)),
          5,
        ),
      });
    }
    const covered = held.filter((x) => x.o.contact);
    const inside = covered.filter((x) => {
      const [lo, hi] = interval80(x.f[model].pmf);
      return x.o.month >= lo && x.o.month <= hi;
    }).length;
    const u12 = usableAt(12);
    rows.push({
      model,
      n: held.length,
      censored: held.filter((x) => !x.o.contact).length,
      crps,
      logScoreChannel: logScore(
        withChannel.map((x) => x.f[model].channel),
        withChannel.map((x) => CHANNELS.indexOf(x.o.channel!)),
        opts.channelFloor,
      ),
      nChannel: withChannel.length,
      brier: br,
      brierSkill: bss,
      coverage80: covered.length ? inside / covered.length : NaN,
      nCoverage: covered.length,
      pit: pitHistogram(held.map((x) => ({ pmf: x.f[model].pmf, o: x.o }))),
      meanP12: u12.reduce((s, x) => s + pWithin(x.f[model].pmf, 12), 0) / Math.max(1, u12.length),
      observedP12: u12.reduce((s, x) => s + outcome(x.o, 12), 0) / Math.max(1, u12.length),
    });
  }
  const byChannel = { secret: 0, mediated: 0, public: 0 } as Record<ContactChannel, number>;
  for (const o of obs) if (o.channel) byChannel[o.channel]++;
  const perCase: ContactCaseRecord[] = held.map(({ o, f }) => ({
    id: o.id,
    type: o.type,
    month: o.month,
    contact: o.contact,
    channel: o.channel,
    forecasts: Object.fromEntries(
      CONTACT_MODELS.map((m) => [
        m,
        {
          p1: pWithin(f[m].pmf, 1),
          p6: pWithin(f[m].pmf, 6),
          p12: pWithin(f[m].pmf, 12),
          median: medianMonth(f[m].pmf),
          channel: f[m].channel,
        },
      ]),
    ) as ContactCaseRecord['forecasts'],
  }));
  return {
    options: opts,
    cases: cases.length,
    observed: {
      contacts: obs.filter((o) => o.contact).length,
      preStart: obs.filter((o) => o.preStart).length,
      censored: obs.filter((o) => !o.contact).length,
      censoredOngoing: obs.filter((o) => !o.contact && o.ongoing).length,
      contactAfterEnd: obs.filter((o) => o.contactAfterEnd).length,
      byChannel,
      asOfYear,
    },
    split: {
      kind: opts.split,
      cutYear,
      train: opts.split === 'time' ? folds[0].train.length : obs.length - 1,
      test: held.length,
      folds: folds.length,
    },
    engineNoContact: held.filter((x) => !fitted.get(x.o.id)!.anyContact).length,
    fittedParameters: summariseChoices(chosen),
    ...(folds.length === 1 && lastFit ? { trainFit: lastFit } : {}),
    rows,
    reliability,
    perCase,
  };
}

function summariseChoices(
  chosen: readonly (GridPoint & ContactAnchor)[],
): ContactBacktestResult['fittedParameters'] {
  const out = {} as ContactBacktestResult['fittedParameters'];
  for (const g of chosen)
    for (const k of Object.keys(g) as (keyof typeof g)[]) {
      const v = String(Number(g[k].toPrecision(3)));
      (out[k] ??= {})[v] = (out[k][v] ?? 0) + 1;
    }
  return out;
}

/** The printed table: one line per model. */
export function formatContactTable(r: ContactBacktestResult): string {
  const hs = r.options.horizons;
  const head = [
    'model',
    'n',
    'cens',
    'CRPS',
    'logS(ch)',
    ...hs.map((h) => `BSS${h}`),
    'cov80',
    'P12',
    'obs12',
  ];
  const f = (x: number, d = 2) => (Number.isFinite(x) ? x.toFixed(d) : 'n/a');
  const lines = [head];
  for (const row of r.rows)
    lines.push([
      row.model,
      String(row.n),
      String(row.censored),
      f(row.crps, 1),
      f(row.logScoreChannel, 3),
      ...hs.map((h) => f(row.brierSkill[h])),
      f(row.coverage80),
      f(row.meanP12),
      f(row.observedP12),
    ]);
  const widths = head.map((_, i) => Math.max(...lines.map((l) => l[i].length)));
  const table = lines
    .map((l) => l.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  '))
    .join('\n');
  const pit = r.rows.map(
    (row) =>
      `${row.model.padEnd(widths[0])}  ${row.pit.map((x) => (x * 100).toFixed(0).padStart(3)).join(' ')}`,
  );
  const rel = r.options.reliabilityHorizons.flatMap((h) => [
    `Reliability of P(contact within ${h} months), fifths: mean forecast → observed share (cases)`,
    ...r.reliability
      .filter((x) => x.horizon === h)
      .map(
        (x) =>
          `${x.model.padEnd(widths[0])}  ${x.bins
            .filter((b) => b.n > 0)
            .map((b) => `${b.meanForecast.toFixed(2)}→${b.observedRate.toFixed(2)} (${b.n})`)
            .join('  ')}`,
      ),
  ]);
  return [
    table,
    '',
    'PIT histogram, % of held-out cases per tenth (flat = calibrated; 10 each):',
    ...pit,
    '',
    ...rel,
  ].join('\n');
}
