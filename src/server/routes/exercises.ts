/**
 * Exercises (issue 20): people play parties of a saved scenario month by month against the
 * model. Creating one needs an API token and answers with one exercise token per played role
 * and one for the facilitator (shown once). Every other route takes an exercise token: a
 * player reads only its own role's view and decides only for its role; the facilitator sees
 * everything, plays the month, sets deadlines and revokes or issues tokens.
 */
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdSchema } from '../../model/index.ts';
import {
  DecisionSchema,
  ExerciseSetupSchema,
  InjectionSchema,
  LogEntrySchema,
  RewindSchema,
  RoleViewSchema,
} from '../../exercise/index.ts';
import type { ExerciseRecord, ExerciseTokenMeta } from '../../store/index.ts';
import { httpError } from '../errors.ts';
import { ErrorSchema } from '../../contracts/index.ts';
import { EXERCISE_MAX_STEP, ExerciseService } from '../services/exercises.ts';
import { briefingHtml, exerciseReportHtml } from '../../report/exerciseHtml.ts';
import { htmlToPdf } from '../../report/pdf.ts';
import { REPORT_CSP } from '../securityHeaders.ts';
import { clientSignal } from '../clientSignal.ts';
import type { FastifyReply } from 'fastify';

const PDF_STATUS = { pdf_unavailable: 501, pdf_timeout: 503, pdf_failed: 500 } as const;
const FormatQuerySchema = z.object({ format: z.enum(['html', 'pdf']).default('html') }).strict();

const ExerciseParamsSchema = z.object({ id: z.string().uuid().describe('exercise id') }).strict();
const DeadlineSchema = z
  .string()
  .datetime()
  .nullable()
  .describe('ISO time after which decisions for the month are refused; null for none');

const ExerciseSummarySchema = z.object({
  id: z.string(),
  scenarioId: z.string(),
  scenarioVersion: z.number().int(),
  setup: ExerciseSetupSchema,
  month: z.number().int().describe('the next month to play'),
  deadline: z.string().nullable(),
  status: z.enum(['open', 'finished']),
  pausedAt: z
    .string()
    .nullable()
    .describe('when the facilitator paused it (no month is played, the deadline is frozen)'),
  createdAt: z.string(),
  updatedAt: z.string(),
});
const summary = (r: ExerciseRecord) => ({
  id: r.id,
  scenarioId: r.scenarioId,
  scenarioVersion: r.scenarioVersion,
  setup: r.setup,
  month: r.month,
  deadline: r.deadline,
  status: r.status,
  pausedAt: r.pausedAt,
  createdAt: r.createdAt,
  updatedAt: r.updatedAt,
});
const TokenMetaSchema = z.object({
  id: z.string(),
  role: z.string(),
  createdAt: z.string(),
  revokedAt: z.string().nullable(),
});

const StandingSchema = z.object({
  month: z.number().int(),
  path: z.object({ talksOpened: z.boolean(), ended: z.boolean() }),
  model: z.object({ talksOpened: z.number(), ended: z.number() }),
});
const PercentileSchema = z.object({ path: z.number(), percentile: z.number() });

const errors = { 400: ErrorSchema, 401: ErrorSchema, 403: ErrorSchema, 404: ErrorSchema };
const exerciseAuth = [{ exerciseToken: [] }];

/** The role a request's exercise token speaks for (set before validation, see the hook below). */
const WHO = new WeakMap<object, ExerciseTokenMeta>();
const whoOf = (req: object): ExerciseTokenMeta => {
  const who = WHO.get(req);
  if (!who) throw new Error('exercise route without its token check');
  return who;
};

const routes: FastifyPluginAsyncZod = (app) => {
  const { store, compute, history } = app.parley;

  /** HTML as it is, or printed to PDF by Chromium in one slot of the compute queue. */
  const document = async (
    reply: FastifyReply,
    format: 'html' | 'pdf',
    make: () => Promise<string>,
  ) => {
    const out = await compute.run(
      { kind: 'request', runs: 0, what: 'an exercise document', signal: clientSignal(reply) },
      async (signal) => {
        signal.throwIfAborted();
        const html = await make();
        return format === 'pdf' ? { html, pdf: await htmlToPdf(html) } : { html, pdf: undefined };
      },
    );
    if (!out.pdf)
      return reply
        .type('text/html; charset=utf-8')
        .header('content-security-policy', REPORT_CSP)
        .send(out.html);
    if (!out.pdf.ok) throw httpError(PDF_STATUS[out.pdf.code], out.pdf.code, out.pdf.message);
    return reply.type('application/pdf').send(out.pdf.pdf);
  };
  const exercises = new ExerciseService(store);
  // a role's token is checked before the body is validated, so a request without one learns
  // nothing about what a valid decision looks like (401 first, as for the API token)
  /** The exercise whose report the token may read: the facilitator's any time, players' at the end. */
  const reportable = async (req: { params: { id: string } }) => {
    const live = await exercises.load(req.params.id);
    if (whoOf(req).role !== 'facilitator' && !live.ex.finished)
      throw httpError(409, 'not_finished', 'players see the report once the exercise is finished');
    return live;
  };
  app.addHook('onRequest', async (req) => {
    if (req.routeOptions.schema?.security !== exerciseAuth) return;
    const { id } = req.params as { id: string };
    WHO.set(req, await exercises.authorize(id, req.headers.authorization));
  });
  const facilitatorOnly = (who: ExerciseTokenMeta, what: string) => {
    if (who.role !== 'facilitator')
      throw httpError(403, 'forbidden', `only the facilitator can ${what}`);
  };

  app.post(
    '/exercises',
    {
      config: { access: 'write' },
      schema: {
        tags: ['exercises'],
        operationId: 'createExercise',
        summary: 'create an exercise from a saved scenario',
        description:
          'Answers with one exercise token per played role and one for the facilitator; they are shown once. Give each player the link with its token.',
        security: [{ bearerAuth: [] }],
        body: z
          .object({
            scenarioId: IdSchema,
            version: z.number().int().min(1).optional(),
            deadline: DeadlineSchema.optional(),
          })
          .merge(ExerciseSetupSchema)
          .strict(),
        response: {
          201: z.object({
            exercise: ExerciseSummarySchema,
            tokens: z.record(z.string(), z.string()).describe('role → exercise token'),
          }),
          ...errors,
        },
      },
    },
    async (req, reply) => {
      const { scenarioId, version, deadline, ...setup } = req.body;
      const { rec, tokens } = await exercises.create(scenarioId, version, setup, deadline ?? null);
      return reply.code(201).send({ exercise: summary(rec), tokens });
    },
  );

  app.get(
    '/exercises/:id/state',
    {
      config: { access: 'public' },
      schema: {
        tags: ['exercises'],
        operationId: 'exerciseState',
        summary: "the exercise as the token's role sees it",
        description:
          "A player gets only its own side's information; the facilitator gets everything and the path against the model.",
        security: exerciseAuth,
        params: ExerciseParamsSchema,
        response: {
          200: z.object({
            exercise: ExerciseSummarySchema,
            view: RoleViewSchema,
            pending: z
              .record(z.string(), DecisionSchema)
              .describe('decisions handed in for the month (a player: its own only)'),
            standing: z.array(StandingSchema).nullable().describe('facilitator only'),
            injections: z
              .array(InjectionSchema)
              .nullable()
              .describe('facilitator only: the events injected (played, and pending this month)'),
            rewinds: z
              .array(RewindSchema)
              .nullable()
              .describe(
                'facilitator only: the rewinds, with the decisions and events each dropped',
              ),
            fingerprint: z
              .string()
              .nullable()
              .describe(
                'facilitator only: SHA-256 of the engine state and log (a replay of the log with the seed gives the same)',
              ),
          }),
          ...errors,
        },
      },
    },
    async (req) => {
      const who = whoOf(req);
      const live = await exercises.load(req.params.id);
      const fac = who.role === 'facilitator';
      const pending = fac
        ? live.rec.pending
        : who.role in live.rec.pending
          ? { [who.role]: live.rec.pending[who.role] }
          : {};
      return {
        exercise: summary(live.rec),
        view: exercises.view(live, who.role),
        pending,
        standing: fac ? exercises.standings(live) : null,
        injections: fac ? live.rec.injections : null,
        rewinds: fac ? live.rec.rewinds : null,
        fingerprint: fac ? live.ex.fingerprint() : null,
      };
    },
  );

  app.post(
    '/exercises/:id/decisions',
    {
      config: { access: 'public' },
      schema: {
        tags: ['exercises'],
        operationId: 'decide',
        summary: "hand in the token's role's decision for the month",
        description:
          'Refused (and nothing changes) when out of range for the month (400), for another role (403), after the deadline, for another month or on a finished exercise (409).',
        security: exerciseAuth,
        params: ExerciseParamsSchema,
        body: z
          .object({
            role: z.string().min(1).max(64),
            month: z.number().int().min(0).max(10_000),
            decision: DecisionSchema,
          })
          .strict(),
        response: {
          200: z.object({ exercise: ExerciseSummarySchema, pending: DecisionSchema }),
          409: ErrorSchema,
          ...errors,
        },
      },
    },
    async (req) => {
      const who = whoOf(req);
      const { role, month, decision } = req.body;
      const rec = await exercises.decide(req.params.id, who, role, month, decision);
      return { exercise: summary(rec), pending: rec.pending[role] };
    },
  );

  app.post(
    '/exercises/:id/advance',
    {
      config: { access: 'public' },
      schema: {
        tags: ['exercises'],
        operationId: 'advanceExercise',
        summary:
          'play the month, or N months (facilitator): decisions handed in, the model for the rest',
        description:
          'The decisions handed in count for the first month; in the further months the model decides for every role (logged as its choice). Stops early when the war ends. Refused while paused (409).',
        security: exerciseAuth,
        params: ExerciseParamsSchema,
        body: z
          .object({
            nextDeadline: DeadlineSchema.optional(),
            months: z
              .number()
              .int()
              .min(1)
              .max(EXERCISE_MAX_STEP)
              .default(1)
              .describe('months to play in this step'),
          })
          .strict()
          .optional(),
        response: {
          200: z.object({ exercise: ExerciseSummarySchema, log: z.array(LogEntrySchema) }),
          409: ErrorSchema,
          ...errors,
        },
      },
    },
    async (req) => {
      const who = whoOf(req);
      facilitatorOnly(who, 'play the month');
      const { rec, from } = await exercises.advance(
        req.params.id,
        req.body?.months ?? 1,
        req.body?.nextDeadline ?? null,
      );
      return { exercise: summary(rec), log: rec.log.filter((e) => e.month >= from) };
    },
  );

  app.put(
    '/exercises/:id/pause',
    {
      config: { access: 'public' },
      schema: {
        tags: ['exercises'],
        operationId: 'pauseExercise',
        summary: 'pause or resume the exercise (facilitator)',
        description:
          'While paused no month is played and the deadline is frozen; on resuming it moves on by the time paused. Players may still hand in decisions.',
        security: exerciseAuth,
        params: ExerciseParamsSchema,
        body: z.object({ paused: z.boolean() }).strict(),
        response: { 200: ExerciseSummarySchema, 409: ErrorSchema, ...errors },
      },
    },
    async (req) => {
      facilitatorOnly(whoOf(req), 'pause or resume the exercise');
      return summary(await exercises.setPaused(req.params.id, req.body.paused));
    },
  );

  app.post(
    '/exercises/:id/rewind',
    {
      config: { access: 'public' },
      schema: {
        tags: ['exercises'],
        operationId: 'rewindExercise',
        summary: 'go back to an earlier month (facilitator)',
        description:
          'The decisions and injected events of that month and after are dropped (kept in the record as rewound), the decisions handed in are cleared, the deadline is cleared, and the state is replayed from the seed. A finished exercise reopens.',
        security: exerciseAuth,
        params: ExerciseParamsSchema,
        body: z
          .object({
            month: z.number().int().min(0).max(10_000).describe('the month to go back to'),
          })
          .strict(),
        response: { 200: ExerciseSummarySchema, 409: ErrorSchema, ...errors },
      },
    },
    async (req) => {
      facilitatorOnly(whoOf(req), 'rewind the exercise');
      return summary(await exercises.rewind(req.params.id, req.body.month));
    },
  );

  app.post(
    '/exercises/:id/events',
    {
      config: { access: 'public' },
      schema: {
        tags: ['exercises'],
        operationId: 'injectExerciseEvent',
        summary: 'inject an event into the month being played (facilitator)',
        description:
          "A leak of secret talks under way, or one of the scenario's intervention kinds (show-of-strength, aid-change on an existing support line, incentive-offer, ceasefire-proposal, mediator-entry) with `month` the month being played. It is played with that month, shown to everyone then, and replayed with the log.",
        security: exerciseAuth,
        params: ExerciseParamsSchema,
        body: z.object({ event: InjectionSchema }).strict(),
        response: {
          200: z.object({ exercise: ExerciseSummarySchema, injections: z.array(InjectionSchema) }),
          409: ErrorSchema,
          ...errors,
        },
      },
    },
    async (req) => {
      facilitatorOnly(whoOf(req), 'inject events');
      const rec = await exercises.inject(req.params.id, req.body.event);
      return { exercise: summary(rec), injections: rec.injections };
    },
  );

  app.put(
    '/exercises/:id/deadline',
    {
      config: { access: 'public' },
      schema: {
        tags: ['exercises'],
        operationId: 'setExerciseDeadline',
        summary: "set or clear the month's deadline (facilitator)",
        security: exerciseAuth,
        params: ExerciseParamsSchema,
        body: z.object({ deadline: DeadlineSchema }).strict(),
        response: { 200: ExerciseSummarySchema, 409: ErrorSchema, ...errors },
      },
    },
    async (req) => {
      const who = whoOf(req);
      facilitatorOnly(who, 'set deadlines');
      return summary(await exercises.setDeadline(req.params.id, req.body.deadline));
    },
  );

  app.get(
    '/exercises/:id/tokens',
    {
      config: { access: 'public' },
      schema: {
        tags: ['exercises'],
        operationId: 'listExerciseTokens',
        summary: "the exercise's tokens (facilitator; no secrets)",
        security: exerciseAuth,
        params: ExerciseParamsSchema,
        response: { 200: z.array(TokenMetaSchema), ...errors },
      },
    },
    async (req) => {
      const who = whoOf(req);
      facilitatorOnly(who, 'list tokens');
      return (await store.listExerciseTokens(req.params.id)).map(
        ({ id, role, createdAt, revokedAt }) => ({ id, role, createdAt, revokedAt }),
      );
    },
  );

  app.post(
    '/exercises/:id/tokens',
    {
      config: { access: 'public' },
      schema: {
        tags: ['exercises'],
        operationId: 'issueExerciseToken',
        summary: 'issue a new token for a played role (facilitator), e.g. after revoking one',
        security: exerciseAuth,
        params: ExerciseParamsSchema,
        body: z.object({ role: z.string().min(1).max(64) }).strict(),
        response: {
          201: z.object({ id: z.string(), role: z.string(), token: z.string() }),
          ...errors,
        },
      },
    },
    async (req, reply) => {
      const who = whoOf(req);
      facilitatorOnly(who, 'issue tokens');
      const live = await exercises.load(req.params.id);
      const { role } = req.body;
      if (role !== 'facilitator' && !live.rec.setup.roles.includes(role))
        throw httpError(
          400,
          'invalid_role',
          `${role} is not played in this exercise (${live.rec.setup.roles.join(', ')})`,
          ['role'],
        );
      const { token, meta } = await store.createExerciseToken(req.params.id, role);
      return reply.code(201).send({ id: meta.id, role, token });
    },
  );

  app.delete(
    '/exercises/:id/tokens/:tokenId',
    {
      config: { access: 'public' },
      schema: {
        tags: ['exercises'],
        operationId: 'revokeExerciseToken',
        summary: 'revoke a token (facilitator)',
        security: exerciseAuth,
        params: ExerciseParamsSchema.extend({ tokenId: z.string().regex(/^[0-9a-f]{12}$/) }),
        response: { 204: z.null(), ...errors },
      },
    },
    async (req, reply) => {
      const who = whoOf(req);
      facilitatorOnly(who, 'revoke tokens');
      if (!(await store.revokeExerciseToken(req.params.id, req.params.tokenId)))
        throw httpError(
          404,
          'not_found',
          `token ${req.params.tokenId} not found or already revoked`,
        );
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/exercises/:id/report',
    {
      config: { access: 'public' },
      schema: {
        tags: ['exercises'],
        operationId: 'exerciseReport',
        summary:
          'the after-action report data: the path against the model, percentiles, decisions that moved it most',
        description:
          'The facilitator may read it at any time; players once the exercise is finished (with their own view). Decisions that moved it most are estimated by dropping each one (the first 200 at most) and replaying on common random numbers over the played path and 4 others (approximate).',
        security: exerciseAuth,
        params: ExerciseParamsSchema,
        response: {
          200: z.object({
            outcome: z.string(),
            finished: z.boolean(),
            month: z.number().int(),
            standing: z.array(StandingSchema),
            model: z.object({
              runs: z.number().int(),
              talksOpenedBy: z.array(z.number()),
              endedBy: z.array(z.number()),
            }),
            percentiles: z
              .object({
                warMonths: PercentileSchema,
                deaths: PercentileSchema,
                termsA: PercentileSchema.nullable(),
              })
              .nullable(),
            effects: z.array(
              z.object({
                month: z.number().int(),
                role: z.string(),
                decision: DecisionSchema,
                warMonthsOnPath: z.number(),
                warMonthsMean: z.number(),
                deathsOnPath: z.number(),
                outcomeWithout: z.string(),
              }),
            ),
            view: RoleViewSchema,
          }),
          409: ErrorSchema,
          ...errors,
        },
      },
    },
    async (req, reply) => {
      const who = whoOf(req);
      const live = await reportable(req);
      // replaying the war per decision is computation: one slot of the compute queue
      return compute.run(
        { kind: 'request', runs: 0, what: 'an exercise report', signal: clientSignal(reply) },
        (signal) => {
          signal.throwIfAborted();
          return Promise.resolve(exercises.report(live, who.role));
        },
      );
    },
  );
  app.get(
    '/exercises/:id/briefing',
    {
      config: { access: 'public' },
      schema: {
        tags: ['exercises'],
        operationId: 'exerciseBriefing',
        summary: "the briefing packet of the token's role (HTML, or PDF with ?format=pdf)",
        description:
          "Situation, the role's interests and constraints, the known history and the historical analogues; only that side's own inputs.",
        security: exerciseAuth,
        params: ExerciseParamsSchema,
        querystring: FormatQuerySchema,
        response: {
          200: z.string().describe('text/html or application/pdf'),
          ...errors,
          501: ErrorSchema,
          503: ErrorSchema,
        },
      },
    },
    async (req, reply) => {
      const who = whoOf(req);
      if (who.role === 'facilitator')
        throw httpError(400, 'invalid_role', 'briefings are per role; use a player token');
      const live = await exercises.load(req.params.id);
      return document(reply, req.query.format, () =>
        Promise.resolve(
          briefingHtml({
            scenario: live.scenario,
            role: who.role,
            view: exercises.view(live, who.role),
            analogues: history.analoguesOfScenario(live.scenario, 5).analogues,
          }),
        ),
      );
    },
  );

  app.get(
    '/exercises/:id/report.html',
    {
      config: { access: 'public' },
      schema: {
        tags: ['exercises'],
        operationId: 'exerciseReportDocument',
        summary: 'the after-action report (HTML with its chart, or PDF with ?format=pdf)',
        security: exerciseAuth,
        params: ExerciseParamsSchema,
        querystring: FormatQuerySchema,
        response: {
          200: z.string().describe('text/html or application/pdf'),
          409: ErrorSchema,
          ...errors,
          501: ErrorSchema,
          503: ErrorSchema,
        },
      },
    },
    async (req, reply) => {
      const who = whoOf(req);
      const live = await reportable(req);
      return document(reply, req.query.format, () =>
        exerciseReportHtml({
          scenario: live.scenario,
          report: exercises.report(live, who.role),
          log:
            who.role === 'facilitator'
              ? live.rec.log
              : live.rec.log.filter((e) => e.role === who.role),
          analogues: history.analoguesOfPath(live.ex, 5).analogues,
          rewinds: who.role === 'facilitator' ? live.rec.rewinds : [],
        }),
      );
    },
  );
  return Promise.resolve();
};

export default routes;
