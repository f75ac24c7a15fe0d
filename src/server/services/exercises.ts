/**
 * Exercises over the API: the stored record (setup, decision log, decisions handed in for the
 * month, deadline) is the truth; the engine state is rebuilt from it by replay (same seed, same
 * log, same bytes), so an exercise survives a restart and any server can resume it. Live
 * exercises are cached (bounded); every change of one exercise is serialised here and saved
 * with an optimistic check, so two servers cannot both play the same month.
 */
import {
  DecisionError,
  Exercise,
  decisionEffects,
  rewindRecord,
  modelDistribution,
  outcomePercentiles,
  replay,
  standing,
  viewFor,
  type Decision,
  type DecisionEffect,
  type ExerciseReport,
  type ExerciseSetup,
  type Injection,
  type ModelDistribution,
  type RoleView,
  type Standing,
} from '../../exercise/index.ts';
import type { Scenario } from '../../model/index.ts';
import type { ExerciseRecord, ExerciseTokenMeta, Store } from '../../store/index.ts';
import { HttpError, httpError, notFound } from '../errors.ts';

/** Model runs the path is compared with (per exercise, computed once). */
export const EXERCISE_MODEL_RUNS = 500;
/** Other paths for "decisions that moved it most" (each decision replays this many + 1). */
export const EXERCISE_EFFECT_PATHS = 4;
/** Decisions examined at most for "decisions that moved it most" (bounds a report's work). */
export const EXERCISE_EFFECT_DECISIONS = 200;
/** Months the facilitator may play in one step. */
export const EXERCISE_MAX_STEP = 120;
const CACHE = 64;

type Live = {
  rec: ExerciseRecord;
  ex: Exercise;
  scenario: Scenario;
  dist?: ModelDistribution;
  /** The report's decision effects, computed once per stored state. */
  effects?: DecisionEffect[];
};

export class ExerciseService {
  private readonly live = new Map<string, Live>();
  private readonly queue = new Map<string, Promise<unknown>>();

  constructor(private readonly store: Store) {}

  async create(
    scenarioId: string,
    version: number | undefined,
    setup: ExerciseSetup,
    deadline: string | null,
  ): Promise<{ rec: ExerciseRecord; tokens: Record<string, string> }> {
    const v = await this.store.getScenario(scenarioId, version);
    if (!v) throw notFound(`scenario ${scenarioId}${version ? ` version ${version}` : ''}`);
    try {
      new Exercise(v.scenario, setup);
    } catch (e) {
      throw httpError(400, 'invalid_exercise', (e as Error).message, ['roles']);
    }
    const rec = await this.store.createExercise({
      scenarioId,
      scenarioVersion: v.version,
      setup,
      deadline,
    });
    const tokens: Record<string, string> = {};
    for (const role of ['facilitator', ...setup.roles])
      tokens[role] = (await this.store.createExerciseToken(rec.id, role)).token;
    return { rec, tokens };
  }

  /** The caller's role from its exercise token (401 when unknown or revoked). */
  async authorize(id: string, header: string | undefined): Promise<ExerciseTokenMeta> {
    const m = header && /^Bearer\s+(\S+)$/i.exec(header);
    if (!m)
      throw httpError(
        401,
        'unauthorized',
        'exercise routes need the exercise token of a role: Authorization: Bearer parleyx_…',
      );
    const meta = await this.store.verifyExerciseToken(id, m[1]);
    if (!meta) throw httpError(401, 'unauthorized', 'unknown or revoked exercise token');
    return meta;
  }

  /** The exercise rebuilt from its record (cached while the record is unchanged). */
  async load(id: string): Promise<Live> {
    const rec = await this.store.getExercise(id);
    if (!rec) throw notFound(`exercise ${id}`);
    const cached = this.live.get(id);
    if (cached && cached.rec.updatedAt === rec.updatedAt) return cached;
    const v = await this.store.getScenario(rec.scenarioId, rec.scenarioVersion);
    if (!v) throw notFound(`scenario ${rec.scenarioId} version ${rec.scenarioVersion}`);
    const live: Live = {
      rec,
      ex: replay(v.scenario, rec.setup, rec.log, rec.injections),
      scenario: v.scenario,
      dist: cached?.dist,
    };
    this.live.delete(id);
    this.live.set(id, live);
    if (this.live.size > CACHE) this.live.delete(this.live.keys().next().value!);
    return live;
  }

  /** Serialise the changes of one exercise (this process); the store's check guards the rest. */
  private serial<T>(id: string, fn: () => Promise<T>): Promise<T> {
    const before = this.queue.get(id) ?? Promise.resolve();
    const next = before.then(fn, fn);
    const tail = next.catch(() => undefined);
    this.queue.set(id, tail);
    void tail.then(() => {
      if (this.queue.get(id) === tail) this.queue.delete(id);
    });
    return next;
  }

  private async save(live: Live, p: Parameters<Store['saveExerciseProgress']>[1]) {
    const saved = await this.store.saveExerciseProgress(live.rec.id, p, {
      month: live.rec.month,
      updatedAt: live.rec.updatedAt,
    });
    if (!saved)
      throw httpError(409, 'conflict', 'the exercise changed meanwhile; read its state and retry');
    this.live.delete(live.rec.id);
    return saved;
  }

  /** Hand in `role`'s decision for `month` (replacing an earlier one for the same month). */
  decide(id: string, caller: ExerciseTokenMeta, role: string, month: number, decision: Decision) {
    return this.serial(id, async () => {
      if (caller.role !== role)
        throw httpError(
          403,
          'forbidden',
          `this token plays ${caller.role}; it cannot decide for ${role}`,
          ['role'],
        );
      const live = await this.load(id);
      const { rec, ex } = live;
      if (rec.status === 'finished' || ex.finished)
        throw httpError(409, 'finished', `the exercise is finished (${ex.outcome()})`);
      if (month !== rec.month)
        throw httpError(
          409,
          'wrong_month',
          `this decision is for month ${month}, but the exercise is at month ${rec.month}`,
          ['month'],
        );
      // a paused exercise's clock stands still at the pause (its deadline is frozen)
      const clock = rec.pausedAt !== null ? Date.parse(rec.pausedAt) : Date.now();
      if (rec.deadline !== null && clock > Date.parse(rec.deadline))
        throw httpError(
          409,
          'deadline_passed',
          `the deadline for month ${rec.month} passed at ${rec.deadline}; the model decides for ${role} unless the facilitator moves it`,
        );
      const problems = ex.check(role, decision);
      if (problems.length > 0)
        throw new HttpError(
          400,
          problems.map((message) => ({ code: 'invalid_decision', path: ['decision'], message })),
        );
      return this.save(live, { ...rec, pending: { ...rec.pending, [role]: decision } });
    });
  }

  /**
   * Play `months` months (facilitator): the decisions handed in for the first, the model for
   * every role in the others (logged as the model's choice); stops early when the war ends.
   */
  advance(id: string, months: number, nextDeadline: string | null) {
    return this.serial(id, async () => {
      const live = await this.load(id);
      const { rec, ex } = live;
      if (rec.status === 'finished' || ex.finished)
        throw httpError(409, 'finished', `the exercise is finished (${ex.outcome()})`);
      if (rec.pausedAt !== null)
        throw httpError(
          409,
          'paused',
          `the exercise is paused (since ${rec.pausedAt}); resume it to play on`,
        );
      const from = ex.month;
      // decisions were checked when handed in, against this same month's state
      ex.advance(rec.pending);
      for (let k = 1; k < months && !ex.finished; k++) ex.advance({});
      const saved = await this.save(live, {
        ...rec,
        log: ex.log,
        pending: {},
        month: ex.month,
        deadline: nextDeadline,
        status: ex.finished ? 'finished' : 'open',
      });
      return { rec: saved, from };
    });
  }

  /** Pause (no month is played, the deadline is frozen) or resume (the deadline moves on by the pause). */
  setPaused(id: string, paused: boolean) {
    return this.serial(id, async () => {
      const live = await this.load(id);
      const { rec } = live;
      if (rec.status === 'finished') throw httpError(409, 'finished', 'the exercise is finished');
      if (paused === (rec.pausedAt !== null))
        throw httpError(
          409,
          paused ? 'paused' : 'not_paused',
          paused
            ? `the exercise is already paused (since ${rec.pausedAt})`
            : 'the exercise is not paused',
        );
      const now = Date.now();
      const deadline =
        !paused && rec.deadline !== null
          ? new Date(Date.parse(rec.deadline) + now - Date.parse(rec.pausedAt!)).toISOString()
          : rec.deadline;
      return this.save(live, {
        ...rec,
        deadline,
        pausedAt: paused ? new Date(now).toISOString() : null,
      });
    });
  }

  /**
   * Go back to `month` (facilitator): the decisions and injected events from that month on are
   * dropped and recorded as rewound, the decisions handed in are cleared, and the state is
   * replayed from the seed. A finished exercise reopens.
   */
  rewind(id: string, month: number) {
    return this.serial(id, async () => {
      const live = await this.load(id);
      const { rec, ex } = live;
      let kept: ReturnType<typeof rewindRecord>;
      try {
        kept = rewindRecord(rec.log, rec.injections, month, ex.month);
      } catch (e) {
        if (!(e instanceof DecisionError)) throw e;
        throw httpError(400, 'invalid_rewind', e.problems.join('; '), ['month']);
      }
      const back = replay(live.scenario, rec.setup, kept.log, kept.injections);
      return this.save(live, {
        ...rec,
        log: kept.log,
        injections: kept.injections,
        pending: {},
        month: back.month,
        deadline: null,
        status: back.finished ? 'finished' : 'open',
        rewinds: [
          ...rec.rewinds,
          { at: new Date().toISOString(), from: ex.month, to: month, ...kept.dropped },
        ],
      });
    });
  }

  /** Inject an event into the month being played (facilitator); checked now, played with it. */
  inject(id: string, event: Injection) {
    return this.serial(id, async () => {
      const live = await this.load(id);
      const { rec, ex } = live;
      if (rec.status === 'finished' || ex.finished)
        throw httpError(409, 'finished', `the exercise is finished (${ex.outcome()})`);
      const problems = ex.checkInjection(event);
      if (problems.length > 0)
        throw new HttpError(
          400,
          problems.map((message) => ({ code: 'invalid_event', path: ['event'], message })),
        );
      return this.save(live, { ...rec, injections: [...rec.injections, event] });
    });
  }

  setDeadline(id: string, deadline: string | null) {
    return this.serial(id, async () => {
      const live = await this.load(id);
      const { rec } = live;
      if (rec.status === 'finished') throw httpError(409, 'finished', 'the exercise is finished');
      return this.save(live, { ...rec, deadline });
    });
  }

  private distribution(live: Live): ModelDistribution {
    live.dist ??= modelDistribution(live.scenario, EXERCISE_MODEL_RUNS);
    return live.dist;
  }

  /** The path against the model after each month played so far. */
  standings(live: Live): Standing[] {
    const dist = this.distribution(live);
    const out: Standing[] = [];
    const { rec } = live;
    replay(live.scenario, rec.setup, rec.log, rec.injections, (ex) => out.push(standing(ex, dist)));
    return out;
  }

  report(live: Live, role: string): ExerciseReport {
    const dist = this.distribution(live);
    const { ex } = live;
    return {
      outcome: ex.outcome(),
      finished: ex.finished,
      month: ex.month,
      standing: this.standings(live),
      model: { runs: dist.runs, talksOpenedBy: dist.talksOpenedBy, endedBy: dist.endedBy },
      percentiles: ex.finished ? outcomePercentiles(ex, dist) : null,
      effects: ex.finished
        ? (live.effects ??= decisionEffects(
            ex,
            EXERCISE_EFFECT_PATHS,
            5,
            EXERCISE_EFFECT_DECISIONS,
          ))
        : [],
      view: viewFor(ex, role),
    };
  }

  view(live: Live, role: string): RoleView {
    return viewFor(live.ex, role);
  }
}
