/**
 * An exercise: one path of a scenario (one run of its seed) played month by month, with people
 * deciding for some parties and the model for the rest. Each month runs the engine's mechanisms
 * in the engine's order on a one-run State, exactly as simulateInto does (a test checks that an
 * exercise without decisions is the same run of the Monte Carlo engine), with the month's
 * decisions in `state.decisions`; what happened is kept as events, each visible to whom it
 * concerns. The same scenario, setup and decision log replay the same exercise to the bit.
 */
import {
  compile,
  compact,
  Decisions,
  State,
  Channel,
  CHANNEL_NAMES,
  OUTCOME_NAMES,
  Outcome,
  type Compiled,
} from '../engine/index.ts';
import { Effort, Status } from '../engine/state.ts';
import { sha256Hex } from '../engine/hash.ts';
import type { Scenario } from '../model/index.ts';
import type { Decision, ExerciseSetup, LogEntry } from './decision.ts';
import {
  applyConditions,
  applyDecision,
  checkDecision,
  findRole,
  lineConditionsOf,
  rolesOf,
  type LineConditions,
  type Role,
} from './roles.ts';
import {
  checkInjection,
  compileInjection,
  describeInjection,
  type Injection,
} from './injection.ts';

/** Something that happened in a month; `to` lists who learns of it ('all' = public). */
export interface ExerciseEvent {
  month: number;
  kind:
    | 'battle'
    | 'escalation'
    | 'signal'
    | 'talksOpened'
    | 'talksEnded'
    | 'leak'
    | 'mediatorArrived'
    | 'mediatorAccepted'
    | 'mediatorRefused'
    | 'mediatorMessage'
    | 'intervention'
    | 'injected'
    | 'warEnded';
  to: 'all' | string[];
  text: string;
}

/** A rejected decision: which role, and every problem found. */
export class DecisionError extends Error {
  constructor(
    readonly role: string,
    readonly problems: string[],
  ) {
    super(`invalid decision for ${role}: ${problems.join('; ')}`);
  }
}

export class Exercise {
  readonly c: Compiled;
  readonly state: State;
  readonly roles: Role[];
  readonly log: LogEntry[] = [];
  /** Events the facilitator injected, played and (for the next month) pending, in order. */
  readonly injections: Injection[] = [];
  readonly events: ExerciseEvent[] = [];
  /** Scratch decisions of the month being played (cleared after it). */
  private readonly decisions: Decisions;
  /** Support lines' conditions as they stand (a played patron changes them for good). */
  readonly lineConditions: LineConditions;

  constructor(
    readonly scenario: Scenario,
    readonly setup: ExerciseSetup,
  ) {
    this.c = compile(scenario);
    this.roles = rolesOf(this.c);
    for (const id of setup.roles)
      if (!this.roles.some((r) => r.id === id))
        throw new Error(
          `invalid exercise: roles: ${id} is not a party of ${scenario.id} (${this.roles.map((r) => r.id).join(', ')})`,
        );
    if (new Set(setup.roles).size !== setup.roles.length)
      throw new Error('invalid exercise: roles: a party is listed twice');
    this.state = new State(this.c, setup.run, 1);
    this.decisions = new Decisions(this.c.lines.length);
    this.lineConditions = lineConditionsOf(this.c);
    const s = this.state;
    s.active[0] = 0;
    s.nActive = 1;
  }

  /** The next month to play (months played so far). */
  get month(): number {
    return this.state.t + (this.started ? 1 : 0);
  }
  private started = false;

  get finished(): boolean {
    return this.state.status[0] !== Status.war || this.month >= this.c.horizonMonths;
  }

  role(id: string): Role {
    const r = findRole(this.c, id);
    if (!r) throw new Error(`no role ${id} in this exercise`);
    return r;
  }

  /** Whether a person plays role `id` (else the model does). */
  played(id: string): boolean {
    return this.setup.roles.includes(id);
  }

  /** Problems with `role`'s decision for the next month (nothing is changed). */
  check(roleId: string, d: Decision): string[] {
    if (this.finished) return [`the exercise is finished (${this.outcome()})`];
    const role = findRole(this.c, roleId);
    if (!role) return [`role: ${roleId} is not a party of this exercise`];
    if (!this.played(roleId)) return [`role: ${roleId} is played by the model, not by a person`];
    return checkDecision(this.state, role, d);
  }

  /** Problems with injecting `e` into the next month (nothing is changed). */
  checkInjection(e: Injection): string[] {
    if (this.finished) return [`the exercise is finished (${this.outcome()})`];
    return checkInjection(this.state, this.month, e);
  }

  /** Inject an event into the next month (played with it when the month is played). */
  inject(e: Injection): void {
    const problems = this.checkInjection(e);
    if (problems.length > 0) throw new DecisionError('facilitator', problems);
    this.injections.push(structuredClone(e));
  }

  /**
   * Play one month. `decisions` holds the played roles' decisions (a played role missing from
   * it is logged as the model's choice). Every decision is checked before anything changes.
   */
  advance(decisions: Record<string, Decision | undefined> = {}): void {
    for (const [id, d] of Object.entries(decisions)) {
      if (d === undefined) continue;
      const problems = this.check(id, d);
      if (problems.length > 0) throw new DecisionError(id, problems);
    }
    if (this.finished)
      throw new DecisionError('*', [`the exercise is finished (${this.outcome()})`]);
    const t = this.month;
    this.decisions.clear();
    for (const id of this.setup.roles) {
      const d = decisions[id];
      this.log.push({ month: t, role: id, decision: d ?? null });
      if (d === undefined) continue;
      applyDecision(this.c, this.decisions, this.role(id), d);
      // standing conditions are state of the one run, not a decision of the month
      applyConditions(this.state, this.lineConditions, this.role(id), d);
    }
    const scheduled = this.c.events[t].length;
    for (const e of this.injections) {
      if (e.month !== t) continue;
      const event = compileInjection(this.c, e);
      if (event === null) this.decisions.leak = 1;
      else this.c.events[t].push(event);
      this.note(t, 'injected', 'all', describeInjection(e));
    }
    this.state.decisions = this.decisions;
    try {
      this.playMonth(t, scheduled);
    } finally {
      this.state.decisions = null;
    }
  }

  /** The month's mechanisms in the engine's order (as simulateInto), noting events as they happen. */
  private playMonth(t: number, scheduled: number): void {
    const s = this.state;
    const c = this.c;
    const [A, B] = c.partyIds;
    const talksBefore = s.talks[0];
    const leaksBefore = s.leaks[0];
    const presentBefore = s.mediatorsPresent[0];
    const acceptedBefore = [s.accepted[0], s.accepted[1]];
    const beliefBefore = [0, 0];
    let talksOpened = 0;
    s.t = t;
    this.started = true;
    s.nEndedNow = 0;
    if (t === 0 && c.inForceAtStart !== 0) compact(s);
    for (const mech of c.mechanisms) {
      if (mech.id === 'mediatorInformation') {
        beliefBefore[0] = s.belief[0];
        beliefBefore[1] = s.belief[1];
      }
      mech.step(s);
      if (mech.endsWars) compact(s);
      if (mech.id === 'conversation' && talksBefore === 0)
        for (let p = 0; p < 2; p++)
          if (s.posture[p] !== Channel.closed && s.status[0] === Status.war)
            this.note(
              t,
              'signal',
              [c.partyIds[p], c.partyIds[1 - p]],
              `${name(this, p)} signalled willingness to talk (${CHANNEL_NAMES[s.posture[p]]})`,
            );
      if (mech.id === 'contact' && talksBefore === 0) talksOpened = s.talks[0];
      if (mech.id === 'mediatorInformation')
        for (let p = 0; p < 2; p++)
          if (s.belief[p] !== beliefBefore[p])
            this.note(
              t,
              'mediatorMessage',
              [c.partyIds[p]],
              `the mediator's account makes the enemy look ${s.belief[p] > beliefBefore[p] ? 'stronger' : 'weaker'} than you thought (belief it is strong ${pct(beliefBefore[p])} → ${pct(s.belief[p])})`,
            );
    }
    for (const e of c.events[t].slice(0, scheduled))
      this.note(
        t,
        'intervention',
        'all',
        `scheduled: ${e.kind}${'party' in e ? ` (${c.partyIds[e.party]})` : ''}`,
      );
    for (let m = 0; m < c.mediators.length; m++) {
      const bit = 1 << m;
      if (s.mediatorsPresent[0] & bit && !(presentBefore & bit))
        this.note(t, 'mediatorArrived', 'all', `${c.mediators[m].id} offers to mediate`);
      for (let p = 0; p < 2; p++) {
        if (s.accepted[p] & bit && !(acceptedBefore[p] & bit))
          this.note(
            t,
            'mediatorAccepted',
            'all',
            `${name(this, p)} accepts ${c.mediators[m].id} as mediator`,
          );
        if (!(s.accepted[p] & bit) && acceptedBefore[p] & bit)
          this.note(
            t,
            'mediatorRefused',
            'all',
            `${name(this, p)} withdraws its acceptance of ${c.mediators[m].id}`,
          );
      }
    }
    for (let p = 0; p < 2; p++)
      if (s.effort[p] === Effort.escalate)
        this.note(t, 'escalation', 'all', `${name(this, p)} escalates`);
    const moved = s.lastBattle[0];
    this.note(
      t,
      'battle',
      'all',
      moved === 0
        ? 'the front holds'
        : `${name(this, moved > 0 ? 0 : 1)} gains ground (front ${s.front[0]}/${c.K})`,
    );
    const belligerents = [A, B];
    const talksTo = (ch: number) => (ch === Channel.secret && !s.leaked[0] ? belligerents : 'all');
    if (talksOpened !== 0)
      this.note(
        t,
        'talksOpened',
        talksTo(talksOpened),
        `talks open (${CHANNEL_NAMES[talksOpened]})`,
      );
    if (s.talks[0] === 0 && talksBefore !== 0 && s.status[0] === Status.war)
      this.note(
        t,
        'talksEnded',
        talksTo(talksBefore),
        `talks break down (${CHANNEL_NAMES[talksBefore]})`,
      );
    if (s.leaks[0] > leaksBefore)
      this.note(t, 'leak', 'all', 'the secret talks leak to the public');
    if (s.status[0] !== Status.war)
      this.note(t, 'warEnded', 'all', `the war ends: ${this.outcome()}`);
  }

  private note(
    month: number,
    kind: ExerciseEvent['kind'],
    to: ExerciseEvent['to'],
    text: string,
  ): void {
    this.events.push({ month, kind, to, text });
  }

  /** How the path stands: an outcome name, with A's share if settled. */
  outcome(): string {
    const s = this.state;
    const o = OUTCOME_NAMES[s.outcome[0]];
    if (s.outcome[0] === Outcome.settlement)
      return `${o} in month ${s.endMonth[0]} (${this.c.partyIds[0]} keeps ${pct(s.terms[0])})`;
    return s.status[0] === Status.war ? 'ongoing' : `${o} in month ${s.endMonth[0]}`;
  }

  /** SHA-256 of the whole engine state (every per-run array and the random streams) and the log. */
  fingerprint(): string {
    const parts: Uint8Array[] = [];
    for (const v of Object.values(this.state) as unknown[])
      if (ArrayBuffer.isView(v)) parts.push(new Uint8Array(v.buffer, v.byteOffset, v.byteLength));
    parts.push(new Uint8Array(this.state.rng.s.buffer));
    parts.push(
      new TextEncoder().encode(
        JSON.stringify([this.state.t, this.log, this.injections, this.events]),
      ),
    );
    const total = parts.reduce((n, p) => n + p.length, 0);
    const all = new Uint8Array(total);
    let o = 0;
    for (const p of parts) {
      all.set(p, o);
      o += p.length;
    }
    return sha256Hex(all);
  }
}

const pct = (x: number) => `${Math.round(100 * x)} %`;
const name = (ex: Exercise, p: number) =>
  ex.scenario.parties.find((x) => x.id === ex.c.partyIds[p])?.name ?? ex.c.partyIds[p];

/**
 * Create an exercise and replay a decision log and the injected events into it (month by month,
 * in log order); `onMonth` sees the exercise after each month played. Injections for the month
 * after the last one logged stay pending, as they were.
 */
export function replay(
  scenario: Scenario,
  setup: ExerciseSetup,
  log: readonly LogEntry[],
  injections: readonly Injection[] = [],
  onMonth?: (ex: Exercise) => void,
): Exercise {
  const ex = new Exercise(scenario, setup);
  const months = new Map<number, Record<string, Decision | undefined>>();
  let last = -1;
  for (const e of log) {
    if (!months.has(e.month)) months.set(e.month, {});
    if (e.decision !== null) months.get(e.month)![e.role] = e.decision;
    last = Math.max(last, e.month);
  }
  for (let t = 0; !ex.finished; t++) {
    for (const e of injections) if (e.month === t) ex.inject(e);
    if (t > last) break;
    ex.advance(months.get(t) ?? {});
    onMonth?.(ex);
  }
  return ex;
}
