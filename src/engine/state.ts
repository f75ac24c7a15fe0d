/**
 * Engine state for a block of Monte Carlo runs, as struct-of-arrays: one typed array per variable,
 * indexed by run, by run × 2 + party (party 0 = side A, 1 = side B), or per mediator, support line
 * or back channel (fields.ts). The engine declares only whether and how each war ended; the
 * scenario inputs (inputs.ts) and each mechanism declare and draw the fields they own, and the
 * State built once per block defines them all as plain properties; the monthly loop then only
 * reads and writes these arrays. `compile` resolves the scenario-level facts once.
 */
import {
  monthsBetweenDates,
  type Intervention,
  type Mediator,
  type Scenario,
  type Uncertain,
} from '../model/index.ts';
import type { MechanismParams } from '../model/index.ts';
import { ruinTable, type RuinTable } from './gamblersRuin.ts';
import { Rng } from './rng.ts';
import type { Decisions } from './decisions.ts';
import { slotsPerRun, type FieldOwner } from './fields.ts';
import { SCENARIO_INPUTS, belligerents } from './inputs.ts';
import { MECHANISMS } from './mechanisms/index.ts';
import { contactScaleMonths } from './mechanisms/contact.ts';
import type { Mechanism } from './mechanisms/mechanism.ts';

export { belligerents } from './inputs.ts';
export {
  Status,
  Outcome,
  OUTCOME_NAMES,
  OUTCOME_COUNT,
  Channel,
  CHANNEL_NAMES,
  CHANNEL_COUNT,
  Effort,
} from './codes.ts';
import { Channel, Outcome, Status } from './codes.ts';

export { MAX_MEDIATORS } from '../model/refs.ts';
import { MAX_MEDIATORS } from '../model/refs.ts';

/** Scenario-level facts the mechanisms need, resolved once. */
export interface Compiled {
  scenario: Scenario;
  params: MechanismParams;
  /** The month's steps in order (MECHANISMS unless a caller registers others); they own the state's fields. */
  mechanisms: readonly Mechanism[];
  /** Months simulated (settings.horizonMonths). */
  horizonMonths: number;
  K: number;
  ruin: RuinTable;
  partyIds: [string, string];
  /** Support lines (patron → belligerent). */
  lines: {
    party: 0 | 1;
    patron: string;
    fungible: boolean;
    minShare: number;
    opposesTalks: boolean;
  }[];
  /** attention[l * horizonMonths + t]: share of line l's aid that reaches the recipient in month t. */
  attention: Float64Array;
  /** The scenario's mediators in order; index j is mediator j in every per-mediator array. */
  mediators: {
    id: string;
    /** the scenario's mediation block (its uncertain inputs are sampled per run) */
    mediation: Mediator['mediation'];
    offerMonth: number;
    confidential: boolean;
    style: 0 | 1 | 2;
    /** mediation.bias.toward as a sign: +1 toward A, −1 toward B, 0 neutral. */
    biasToward: -1 | 0 | 1;
  }[];
  /** First month a back channel is available (Infinity if none). */
  secretFrom: number;
  /**
   * Every declared back channel, in declaration order: the month it becomes available and its
   * leak hazard per participant; `earliest` is the first declared of those available first.
   */
  secretChannels: { from: number; participants: number; hazard: Uncertain }[];
  earliestChannel: number;
  /** 1 in month t when a back channel other than the earliest becomes available. */
  channelOpensAt: Uint8Array;
  /** Scheduled events by month. */
  events: CompiledEvent[][];
  /**
   * Months on the contact clock at month 0: since the latest known contact (situation.lastContact)
   * or else since the war began (settings.warBegan), up to settings.startDate; 0 without dates.
   */
  contactClockStart: number;
  /**
   * The Weibull scale of contact for this war's type: contact.baselineScaleMonths times the type's
   * factor (contact.civilScaleFactor, …; 1 for an inter-state war).
   */
  contactScaleMonths: number;
  /** 1 for a civil or internationalized civil war (scenario `type`), else 0. */
  civilWar: number;
  /** Months the war had lasted at month 0 (settings.warBegan to settings.startDate; 0 without dates). */
  warMonthsAtStart: number;
  /**
   * 1 for an inter-state war begun after 1945 (settings.warBegan, else settings.startDate; a
   * scenario without dates is taken to be about the present), else 0: the era of the norm
   * against conquest and of UN ceasefire diplomacy (battle.postwarVictoryShare,
   * bargaining.postwarCeasefireFactor).
   */
  postwarInterstate: number;
  /** Channel of talks under way at month 0 (Channel code; 0 = none). */
  talksAtStart: number;
  /** Months those talks have run by month 0 (situation.talksSince; 0 without a date). */
  talkMonthsAtStart: number;
  /**
   * Outcome in force at month 0 (situation.inForce: Outcome.ceasefire or Outcome.settlement;
   * 0 = at war): every run starts ended that way and only its durability is simulated.
   */
  inForceAtStart: number;
}

export type CompiledEvent =
  | { kind: 'aid'; line: number; level: Uncertain }
  | { kind: 'mediator'; mediator: number }
  | { kind: 'incentive'; party: 0 | 1; size: Uncertain; onTalks: boolean }
  | { kind: 'ceasefire'; pressure: Uncertain }
  | { kind: 'strength'; party: 0 | 1; size: Uncertain };

/**
 * One intervention as the engine runs it; null for a back channel opening (resolved into
 * secretFrom by compile). `lineOf` gives the support line of an aid change (compile adds one for
 * a new patron; an exercise's injected event may only use an existing one).
 */
export function compileEvent(
  e: Intervention,
  partyIds: readonly [string, string],
  mediatorIds: readonly string[],
  lineOf: (party: 0 | 1, patron: string) => number,
): CompiledEvent | null {
  const partyOf = (id: string): 0 | 1 => (id === partyIds[0] ? 0 : 1);
  switch (e.kind) {
    case 'aid-change':
      return { kind: 'aid', line: lineOf(partyOf(e.recipient), e.patron), level: e.level };
    case 'mediator-entry':
      return { kind: 'mediator', mediator: mediatorIds.indexOf(e.mediator) };
    case 'incentive-offer':
      return {
        kind: 'incentive',
        party: partyOf(e.to),
        size: e.size,
        onTalks: e.conditionalOn === 'talks',
      };
    case 'ceasefire-proposal':
      return { kind: 'ceasefire', pressure: e.pressure };
    case 'show-of-strength':
      return { kind: 'strength', party: partyOf(e.party), size: e.size };
    case 'back-channel-open':
      return null;
  }
}

export function compile(
  scenario: Scenario,
  mechanisms: readonly Mechanism[] = MECHANISMS,
): Compiled {
  const bel = belligerents(scenario);
  const partyIds: [string, string] = [bel[0].id, bel[1].id];
  const horizonMonths = scenario.settings.horizonMonths;
  const params = scenario.mechanisms;
  const lines: Compiled['lines'] = [];
  const lineIndex = new Map<string, number>();
  bel.forEach((b, p) =>
    b.support.forEach((s) => {
      lineIndex.set(`${p}:${s.patron}`, lines.length);
      lines.push({
        party: p as 0 | 1,
        patron: s.patron,
        fungible: s.fungible,
        minShare: central(s.conditions.minimumShare),
        opposesTalks: s.conditions.opposesTalks,
      });
    }),
  );
  const attention = new Float64Array(Math.max(1, lines.length) * horizonMonths).fill(1);
  let l = 0;
  for (const b of bel)
    for (const s of b.support) {
      for (const shock of s.attentionShocks)
        for (
          let t = shock.month;
          t < Math.min(horizonMonths, shock.month + shock.durationMonths);
          t++
        )
          attention[l * horizonMonths + t] *= 1 - central(shock.drop);
      l++;
    }
  const mediatorParties = scenario.parties.filter((p): p is Mediator => p.role === 'mediator');
  if (mediatorParties.length > MAX_MEDIATORS)
    throw new Error(`invalid scenario: at most ${MAX_MEDIATORS} mediators are simulated`);
  const mediators: Compiled['mediators'] = mediatorParties.map((m) => ({
    id: m.id,
    mediation: m.mediation,
    offerMonth: m.mediation.offerMonth ?? Infinity,
    confidential: m.mediation.confidential,
    style: m.mediation.style === 'facilitation' ? 0 : m.mediation.style === 'formulation' ? 1 : 2,
    biasToward:
      m.mediation.bias.toward === 'neutral' ? 0 : m.mediation.bias.toward === partyIds[0] ? 1 : -1,
  }));
  const events: CompiledEvent[][] = Array.from({ length: horizonMonths }, () => []);
  let secretFrom = Infinity;
  let earliestChannel = -1;
  const secretChannels: Compiled['secretChannels'] = scenario.backChannels.map((c, k) => {
    const opened = scenario.interventions.find(
      (e) => e.kind === 'back-channel-open' && e.channel === c.id,
    );
    const from = opened ? opened.month : c.openFrom;
    if (from < secretFrom) {
      secretFrom = from;
      earliestChannel = k;
    }
    return { from, participants: c.participants, hazard: c.leakHazardPerParticipant };
  });
  const channelOpensAt = new Uint8Array(horizonMonths);
  secretChannels.forEach((ch, k) => {
    if (k !== earliestChannel && ch.from < horizonMonths) channelOpensAt[ch.from] = 1;
  });
  const lineOf = (party: 0 | 1, patron: string): number => {
    const key = `${party}:${patron}`;
    let line = lineIndex.get(key);
    if (line === undefined) {
      // aid from a patron not yet supporting: a new line starting at level 0
      line = lines.length;
      lineIndex.set(key, line);
      lines.push({ party, patron, fungible: false, minShare: 0, opposesTalks: false });
    }
    return line;
  };
  const mediatorIds = mediators.map((m) => m.id);
  for (const e of scenario.interventions) {
    const ce = compileEvent(e, partyIds, mediatorIds, lineOf);
    if (ce !== null) events[e.month].push(ce);
  }
  const clockFrom = scenario.situation?.lastContact ?? scenario.settings.warBegan;
  const startDate = scenario.settings.startDate;
  const contactClockStart =
    clockFrom !== undefined && startDate !== undefined
      ? Math.max(0, monthsBetweenDates(clockFrom, startDate))
      : 0;
  const warBegan = scenario.settings.warBegan;
  const warMonthsAtStart =
    warBegan !== undefined && startDate !== undefined
      ? Math.max(0, monthsBetweenDates(warBegan, startDate))
      : 0;
  // the year the war began (a scenario without dates is taken to be about the present)
  const warYear = Number((warBegan ?? startDate ?? '9999').slice(0, 4));
  const underWay = scenario.situation?.talksUnderWay;
  const talksAtStart = underWay === undefined ? 0 : Channel[underWay];
  const talksSince = scenario.situation?.talksSince;
  const talkMonthsAtStart =
    talksAtStart !== 0 && talksSince !== undefined && startDate !== undefined
      ? Math.max(0, Math.floor(monthsBetweenDates(talksSince, startDate)))
      : 0;
  const inForce = scenario.situation?.inForce?.kind;
  const inForceAtStart =
    inForce === 'ceasefire' ? Outcome.ceasefire : inForce === 'agreement' ? Outcome.settlement : 0;
  const attentionAll =
    lines.length * horizonMonths > attention.length
      ? extend(attention, lines.length * horizonMonths)
      : attention;
  return {
    scenario,
    params,
    mechanisms,
    horizonMonths,
    K: scenario.front.positions,
    ruin: ruinTable(
      scenario.front.positions,
      params.battle.enabled ? params.battle.drawProbability : 0,
    ),
    partyIds,
    lines,
    attention: attentionAll,
    mediators,
    secretFrom,
    secretChannels,
    earliestChannel,
    channelOpensAt,
    events,
    contactClockStart,
    contactScaleMonths: contactScaleMonths(params.contact, scenario.type, warYear),
    civilWar: scenario.type === 'civil' || scenario.type === 'internationalized-civil' ? 1 : 0,
    warMonthsAtStart,
    postwarInterstate: scenario.type === 'interstate' && warYear > 1945 ? 1 : 0,
    talksAtStart,
    talkMonthsAtStart,
    inForceAtStart,
  };
}

function extend(a: Float64Array, n: number): Float64Array {
  const b = new Float64Array(n).fill(1);
  b.set(a);
  return b;
}

const central = (u: Uncertain): number =>
  typeof u === 'number' ? u : 'mean' in u ? u.mean : 'mode' in u ? u.mode : (u.low + u.high) / 2;

type NumberArray = Float64Array | Int32Array | Int16Array | Int8Array | Uint8Array;

/** The per-run arrays a mechanism may read or write (the run lists are the engine's own). */
export type StateField = {
  [K in keyof State]: State[K] extends NumberArray ? K : never;
}[Exclude<keyof State, 'active' | 'endedNow'>];

/** All per-run arrays for runs [firstRun, firstRun + runs). */
export class State {
  /** Runs held now (≤ the capacity the arrays were allocated for). */
  n: number;
  readonly rng: Rng;
  t = 0;
  /** Runs still at war this month (compacted list, rebuilt monthly). */
  readonly active: Int32Array;
  nActive = 0;
  /** Runs whose war ended this month (for the durability follow-up). */
  readonly endedNow: Int32Array;
  nEndedNow = 0;
  /** This month's decisions taken by people (exercise mode); null: the model decides everything. */
  decisions: Decisions | null = null;

  // The engine's own per-run fields: whether and how each war ended (set by any mechanism that
  // ends it, read by the engine's compaction, the aggregate and durability).
  readonly status: Uint8Array;
  readonly outcome: Uint8Array;
  /** Month the war ended, −1 while it goes on. */
  readonly endMonth: Int16Array;

  /** Every per-run array and its starting value (reset refills them). */
  private readonly starts: [NumberArray, number][] = [];
  /** The scenario inputs, then the mechanisms: who owns the other fields, in sampling order. */
  private readonly owners: readonly FieldOwner[];

  constructor(
    readonly c: Compiled,
    /** Global index of local run 0. */
    public firstRun: number,
    runs: number,
  ) {
    const n = (this.n = runs);
    this.rng = new Rng(c.scenario.settings.seed, firstRun, runs);
    this.active = new Int32Array(n);
    this.endedNow = new Int32Array(n);
    this.status = new Uint8Array(n);
    this.outcome = new Uint8Array(n);
    this.endMonth = new Int16Array(n);
    this.starts.push([this.status, 0], [this.outcome, 0], [this.endMonth, -1]);
    this.owners = [SCENARIO_INPUTS, ...c.mechanisms];
    for (const owner of this.owners) this.allocate(owner, n);
    for (const [array, init] of this.starts) if (init !== 0) array.fill(init);
    this.start();
  }

  /**
   * One array per field the owner declares, defined as a plain property: V8 keeps properties
   * added by defineProperty in fast mode (assigning ~100 computed names would turn the object
   * into a dictionary), so kernels index `s.field[i]` as fast as a field the class declared.
   */
  private allocate(owner: FieldOwner, n: number): void {
    for (const [name, spec] of Object.entries(owner.fields ?? {})) {
      if (name in this)
        throw new Error(`invalid mechanism ${owner.id}: state field ${name} is already declared`);
      const array = new spec.array(n * slotsPerRun(spec.slots, this.c));
      // the attributes a class field gets (TypeScript keeps it read-only)
      Object.defineProperty(this, name, {
        value: array,
        enumerable: true,
        writable: true,
        configurable: true,
      });
      this.starts.push([array, spec.init]);
    }
  }

  /**
   * Reuse the arrays for runs [firstRun, firstRun + runs) (runs ≤ the capacity): every array back
   * to its starting value, then fresh inputs sampled. Saves allocating ~100 arrays per cache block.
   */
  reset(firstRun: number, runs: number): void {
    if (runs > this.active.length)
      throw new Error(`invalid reset: ${runs} runs exceed the capacity ${this.active.length}`);
    this.firstRun = firstRun;
    this.n = runs;
    this.t = 0;
    this.nActive = 0;
    this.nEndedNow = 0;
    for (const [array, init] of this.starts) array.fill(init);
    this.rng.reset(firstRun, runs);
    this.start();
  }

  /**
   * Starting values that depend on the scenario, then every owner's inputs drawn in a fixed order
   * (common random numbers): the scenario inputs, then the mechanisms in list order.
   */
  private start(): void {
    const held = this.c.inForceAtStart;
    if (held !== 0)
      for (let r = 0; r < this.n; r++) {
        // a ceasefire or agreement in force on the forecast date: the run starts from it
        this.status[r] = Status.ended;
        this.outcome[r] = held;
        this.endMonth[r] = 0;
      }
    for (const owner of this.owners) owner.sample?.(this);
  }
}
