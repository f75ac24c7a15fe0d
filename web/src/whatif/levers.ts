/**
 * What-if levers as scenario edits: each setting of the panel becomes a change to a copy of the
 * scenario (the same fields a scenario file or a `variants:` overlay would change), and the edited
 * scenario is validated again with the core schema. Pure, so the worker, the compare view and the
 * tests use the same edits.
 *
 * Levers follow the source article's questions: who mediates (none, neutral, or leaning toward a
 * side) and from which month, confidential or public, a back channel, reconstruction money tied
 * to talks, how fast outside aid wanes, and a demonstration of strength.
 */
import { variantEdits, type ScenarioEdit } from '../../../src/analysis/index.ts';
import { belligerents } from '../../../src/engine/index.ts';
import {
  validateScenario,
  type Intervention,
  type Mediator,
  type Result,
  type Scenario,
  type Uncertain,
} from '../../../src/model/index.ts';

export type MediatorMode = 'as-written' | 'none' | 'neutral' | 'toward-A' | 'toward-B';

export interface Levers {
  /** The lean of the mediator the panel controls (the scenario's first); the others are kept. */
  mediator: MediatorMode;
  /** Only the controlled mediator mediates: the others' offers, arrivals and entries removed. */
  othersStayOut: boolean;
  /** Month the controlled mediator (the scenario's first) offers its services; null = as written. */
  mediationMonth: number | null;
  confidential: boolean;
  /** 'as-written' keeps the scenario's channels; 'off' removes them; 'on' opens one at month 0 when none exists. */
  backChannel: 'as-written' | 'on' | 'off';
  /** Reconstruction aid to side B's belligerent for opening talks, as a share of the stake (0 = none added). */
  reconstructionAid: number;
  /** Multiplier on the waning rate of every support line to side B (1 = as written). */
  aidWaning: number;
  /** Demonstration of strength: who, when, how large (0 = none). */
  strengthSide: 'A' | 'B';
  strengthMonth: number;
  strengthSize: number;
}

export const NEUTRAL_LEVERS: Levers = {
  mediator: 'as-written',
  othersStayOut: false,
  mediationMonth: null,
  confidential: true,
  backChannel: 'as-written',
  reconstructionAid: 0,
  aidWaning: 1,
  strengthSide: 'A',
  strengthMonth: 0,
  strengthSize: 0,
};

/** Bias strength of a mediator "leaning toward" a side (0 none … 1 fully). */
export const LEANING = 0.6;

export const WHATIF_CHANNEL = 'what-if-channel';
export const WHATIF_MEDIATOR = 'what-if-mediator';

/** Levers as the scenario describes itself (so the panel starts where the scenario is). */
export function leversOf(s: Scenario): Levers {
  const mediator = s.parties.find((p): p is Mediator => p.role === 'mediator');
  return {
    ...NEUTRAL_LEVERS,
    mediationMonth: mediator?.mediation.offerMonth ?? null,
    confidential: mediator?.mediation.confidential ?? true,
  };
}

/** The scenario with the levers applied, validated again (same messages as the CLI). */
export function applyLevers(base: Scenario, l: Levers): Result<Scenario> {
  const s = structuredClone(base);
  const [a, b] = belligerents(s);
  const last = s.settings.horizonMonths - 1;
  const month = (m: number) => Math.max(0, Math.min(last, Math.round(m)));
  let interventions: Intervention[] = s.interventions;

  const mediators = s.parties.filter((p): p is Mediator => p.role === 'mediator');
  // 'none' silences every mediator; the others (all but the first, the mediator the panel
  // controls) stay out only when asked: a lean names one mediator and changes only that one
  const silenced = l.mediator === 'none' ? mediators : l.othersStayOut ? mediators.slice(1) : [];
  for (const m of silenced) {
    m.mediation.offerMonth = null;
    m.mediation.arrivalRate = 0;
  }
  // no mediator at all: nor a third party the scenario does not name (contact.ts)
  if (l.mediator === 'none') s.mechanisms.contact.unnamedMediatorFactor = 0;
  const quiet = new Set(silenced.map((m) => m.id));
  interventions = interventions.filter(
    (e) => !(e.kind === 'mediator-entry' && quiet.has(e.mediator)),
  );
  let controlled: Mediator | undefined = l.mediator === 'none' ? undefined : mediators[0];
  if (!controlled && l.mediator !== 'none' && l.mediator !== 'as-written') {
    controlled = {
      id: WHATIF_MEDIATOR,
      name: 'What-if mediator',
      role: 'mediator',
      kind: 'state',
      mediation: structuredClone(DEFAULT_MEDIATION),
    };
    s.parties.push(controlled);
  }
  if (controlled) {
    const m = controlled.mediation;
    if (l.mediationMonth !== null) {
      m.offerMonth = month(l.mediationMonth);
      m.arrivalRate = 0;
    } else if (l.mediator !== 'as-written' && m.offerMonth === null) m.offerMonth = 0;
    if (l.mediator === 'neutral') m.bias = { toward: 'neutral', strength: 0 };
    else if (l.mediator === 'toward-A' || l.mediator === 'toward-B')
      m.bias = { toward: l.mediator === 'toward-A' ? a.id : b.id, strength: LEANING };
    m.confidential = l.confidential;
  }

  if (l.backChannel === 'off') {
    // no secret line at all: nor emissaries outside a declared channel (contact.ts)
    s.mechanisms.backChannel.enabled = false;
    s.backChannels = [];
    interventions = interventions.filter((e) => e.kind !== 'back-channel-open');
  } else if (l.backChannel === 'on' && s.backChannels.length === 0) {
    s.backChannels = [
      { id: WHATIF_CHANNEL, openFrom: 0, participants: 4, leakHazardPerParticipant: 0.01 },
    ];
  } else if (l.backChannel === 'on') {
    s.backChannels = s.backChannels.map((c) => ({ ...c, openFrom: 0 }));
    interventions = interventions.filter((e) => e.kind !== 'back-channel-open');
  }

  if (l.reconstructionAid > 0) {
    const from =
      s.parties.find((p) => p.role === 'mediator') ??
      s.parties.find((p) => p.role === 'patron' && p.side === b.side) ??
      a;
    interventions = [
      ...interventions,
      {
        kind: 'incentive-offer',
        month: month(controlled?.mediation.offerMonth ?? 0),
        from: from.id,
        to: b.id,
        incentive: 'reconstruction-aid',
        size: clamp01(l.reconstructionAid),
        conditionalOn: 'talks',
        note: 'what-if: reconstruction aid for opening talks',
      },
    ];
  }

  if (l.aidWaning !== 1)
    for (const line of b.support) line.waningRate = scale(line.waningRate, l.aidWaning);

  if (l.strengthSize > 0)
    interventions = [
      ...interventions,
      {
        kind: 'show-of-strength',
        month: month(l.strengthMonth),
        party: l.strengthSide === 'A' ? a.id : b.id,
        size: clamp01(l.strengthSize),
        note: 'what-if: demonstration of strength',
      },
    ];
  s.interventions = interventions;
  return validateScenario(s);
}

const DEFAULT_MEDIATION: Mediator['mediation'] = {
  bias: { toward: 'neutral', strength: 0 },
  informationQuality: 0.3,
  offerMonth: 0,
  arrivalRate: 0,
  confidential: true,
  style: 'facilitation',
  guarantee: 0,
  carrots: [],
  sticks: [],
};

const clamp01 = (x: number) => Math.max(0, Math.min(1, x));

/** Multiplies an uncertain share (point, range, triangle or normal), kept inside [0, 1]. */
export function scale(u: Uncertain, k: number): Uncertain {
  if (typeof u === 'number') return clamp01(u * k);
  if ('mean' in u) return { mean: clamp01(u.mean * k), sd: Math.min(1, u.sd * k) };
  if ('mode' in u)
    return { low: clamp01(u.low * k), mode: clamp01(u.mode * k), high: clamp01(u.high * k) };
  return { low: clamp01(u.low * k), high: clamp01(u.high * k) };
}

/** A short name for a lever setting (compare view labels). */
export function describeLevers(s: Scenario, l: Levers): string {
  const [a, b] = belligerents(s);
  const start = leversOf(s);
  const parts: string[] = [];
  const first = s.parties.find((p) => p.role === 'mediator')?.name ?? 'a what-if mediator';
  if (l.mediator === 'none') parts.push('no mediator');
  else if (l.mediator !== 'as-written')
    parts.push(
      `${first} ${l.mediator === 'neutral' ? 'neutral' : `leaning toward ${(l.mediator === 'toward-A' ? a : b).name}`}`,
    );
  if (l.mediator !== 'none' && l.othersStayOut) parts.push(`only ${first} mediates`);
  if (
    l.mediator !== 'none' &&
    l.mediationMonth !== start.mediationMonth &&
    l.mediationMonth !== null
  )
    parts.push(`mediation from month ${l.mediationMonth}`);
  if (l.mediator !== 'none' && l.confidential !== start.confidential)
    parts.push(l.confidential ? 'confidential mediation' : 'public mediation');
  if (l.backChannel !== 'as-written') parts.push(`back channel ${l.backChannel}`);
  if (l.reconstructionAid > 0)
    parts.push(`reconstruction aid ${Math.round(l.reconstructionAid * 100)}% to ${b.name}`);
  if (l.aidWaning !== 1) parts.push(`aid to ${b.name} wanes ×${l.aidWaning}`);
  if (l.strengthSize > 0)
    parts.push(
      `show of strength by ${(l.strengthSide === 'A' ? a : b).name} (${l.strengthSize}) at month ${l.strengthMonth}`,
    );
  return parts.length ? parts.join(', ') : 'the scenario as written';
}

/** The edits the levers make to the scenario (`path: before → after`), or the issues. */
export function leverEdits(base: Scenario, l: Levers): Result<ScenarioEdit[]> {
  const r = applyLevers(base, l);
  return r.ok ? { ok: true, value: variantEdits(base, r.value) } : r;
}
