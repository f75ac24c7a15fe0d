/**
 * Analyses of a saved scenario: paired comparison of its variants, tornado sensitivity and
 * bounded sweeps (computed now and saved), and the saved analyses (`parley sweep --store` too).
 */
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { METRIC_IDS } from '../../analysis/index.ts';
import { notFound } from '../errors.ts';
import { clientSignal } from '../clientSignal.ts';
import {
  CursorQuerySchema,
  decodeCursor,
  encodeCursor,
  NextCursorSchema,
  pageOf,
  TimeKeySchema,
  timeKey,
} from '../cursor.ts';
import { ErrorSchema, ScenarioParamsSchema } from '../../contracts/index.ts';

const AnalysisKindSchema = z.enum(['comparison', 'sensitivity', 'sweep']);

const AnalysisSchema = z.object({
  id: z.string(),
  kind: AnalysisKindSchema,
  scenarioId: z.string(),
  scenarioVersion: z.number().int(),
  params: z.unknown(),
  summary: z.unknown(),
  rowCount: z.number().int(),
  createdAt: z.string(),
});

const routes: FastifyPluginAsyncZod = (app) => {
  const { store, analyses, config } = app.parley;
  const common = {
    version: z.number().int().min(1).optional().describe('scenario version; latest when omitted'),
    runs: z
      .number()
      .int()
      .min(1)
      .max(config.maxRuns)
      .optional()
      .describe('runs per variant or point'),
    seed: z
      .number()
      .int()
      .min(0)
      .max(2 ** 32 - 1)
      .optional(),
  };
  const errors = {
    400: ErrorSchema,
    401: ErrorSchema,
    404: ErrorSchema,
    503: ErrorSchema.describe(
      'the compute queue is full or the server is shutting down; see Retry-After',
    ),
  };

  const scenarioOf = async (id: string, version?: number) => {
    const v = await store.getScenario(id, version);
    if (!v) throw notFound(`scenario ${id}${version ? ` version ${version}` : ''}`);
    return v;
  };

  app.post(
    '/scenarios/:id/compare',
    {
      config: { access: 'write' },
      schema: {
        tags: ['analyses'],
        operationId: 'compareVariants',
        summary: "compare the scenario's variants on common random numbers (saved)",
        security: [{ bearerAuth: [] }],
        params: ScenarioParamsSchema,
        body: z
          .object({ ...common, bootstrap: z.number().int().min(0).max(2000).optional() })
          .strict(),
        response: {
          201: z.object({
            analysis: AnalysisSchema,
            comparison: z.record(z.string(), z.unknown()),
          }),
          ...errors,
        },
      },
    },
    async (req, reply) => {
      const v = await scenarioOf(req.params.id, req.body.version);
      const { analysis, comparison } = await analyses.compare(v, req.body, {
        signal: clientSignal(reply),
      });
      return reply.code(201).send({ analysis, comparison: { ...comparison } });
    },
  );

  app.post(
    '/scenarios/:id/sensitivity',
    {
      config: { access: 'write' },
      schema: {
        tags: ['analyses'],
        operationId: 'sensitivity',
        summary: 'which uncertain inputs move an outcome most: tornado or Morris screening (saved)',
        security: [{ bearerAuth: [] }],
        params: ScenarioParamsSchema,
        body: z
          .object({
            ...common,
            outcome: z.enum(METRIC_IDS).default('settlement24'),
            method: z.enum(['tornado', 'morris']).default('tornado'),
            trajectories: z
              .number()
              .int()
              .min(2)
              .max(50)
              .default(10)
              .describe('Morris trajectories'),
          })
          .strict(),
        response: {
          201: z.object({
            analysis: AnalysisSchema,
            tornado: z.record(z.string(), z.unknown()).optional(),
            morris: z.record(z.string(), z.unknown()).optional(),
          }),
          ...errors,
        },
      },
    },
    async (req, reply) => {
      const v = await scenarioOf(req.params.id, req.body.version);
      const { analysis, tornado, morris } = await analyses.sensitivity(v, req.body, {
        signal: clientSignal(reply),
      });
      return reply
        .code(201)
        .send({ analysis, tornado: tornado && { ...tornado }, morris: morris && { ...morris } });
    },
  );

  app.post(
    '/scenarios/:id/sweep',
    {
      config: { access: 'write' },
      schema: {
        tags: ['analyses'],
        operationId: 'sweep',
        summary:
          'run a grid or seeded random design over scenario inputs (saved; read rows at /analyses/{id})',
        security: [{ bearerAuth: [] }],
        params: ScenarioParamsSchema,
        body: z
          .object({
            ...common,
            params: z
              .array(z.string().min(3).max(500))
              .min(1)
              .max(10)
              .describe(
                'grid: path=v1,v2,…; with random: path=low:high (as `parley sweep --param`)',
              ),
            random: z.number().int().min(1).max(200).optional().describe('number of random points'),
          })
          .strict(),
        response: {
          201: z.object({ analysis: AnalysisSchema, cells: z.number().int() }),
          ...errors,
        },
      },
    },
    async (req, reply) => {
      const v = await scenarioOf(req.params.id, req.body.version);
      return reply
        .code(201)
        .send(await analyses.sweep(v, req.body, { signal: clientSignal(reply) }));
    },
  );

  app.get(
    '/analyses',
    {
      schema: {
        tags: ['analyses'],
        operationId: 'listAnalyses',
        summary:
          'saved comparisons, sensitivity analyses and sweeps, newest first (paged: follow nextCursor)',
        querystring: z.object({
          kind: AnalysisKindSchema.optional(),
          scenarioId: z.string().max(100).optional(),
          limit: z.coerce.number().int().min(1).max(1000).default(1000),
          cursor: CursorQuerySchema,
        }),
        response: {
          200: z.object({ analyses: z.array(AnalysisSchema), nextCursor: NextCursorSchema }),
          400: ErrorSchema,
        },
      },
    },
    async (req) => {
      const { kind, scenarioId, limit, cursor } = req.query;
      const after = decodeCursor(cursor, TimeKeySchema);
      const { items, nextCursor } = await pageOf(
        limit,
        (n) => store.listAnalyses({ kind, scenarioId, limit: n, after }),
        timeKey,
      );
      return { analyses: items, nextCursor };
    },
  );

  app.get(
    '/analyses/:id',
    {
      schema: {
        tags: ['analyses'],
        operationId: 'getAnalysis',
        summary: 'a saved analysis with a page of its rows (variants, bars or sweep cells)',
        params: z.object({ id: z.uuid() }),
        querystring: z.object({
          offset: z.coerce.number().int().min(0).default(0),
          limit: z.coerce.number().int().min(1).max(10_000).default(1000),
          cursor: CursorQuerySchema.describe(
            'opaque: the `nextCursor` of the previous page (instead of offset)',
          ),
        }),
        response: {
          200: z.object({
            analysis: AnalysisSchema,
            rows: z.array(z.unknown()),
            nextCursor: NextCursorSchema,
          }),
          400: ErrorSchema,
          404: ErrorSchema,
        },
      },
    },
    async (req) => {
      const analysis = await store.getAnalysis(req.params.id);
      if (!analysis) throw notFound(`analysis ${req.params.id}`);
      // rows are saved once, in order: their index is a stable key
      const offset =
        decodeCursor(req.query.cursor, z.object({ row: z.number().int().min(0) }))?.row ??
        req.query.offset;
      const rows = await store.getAnalysisRows(analysis.id, { offset, limit: req.query.limit });
      const end = offset + rows.length;
      return {
        analysis,
        rows,
        nextCursor: end < analysis.rowCount ? encodeCursor({ row: end }) : null,
      };
    },
  );
  return Promise.resolve();
};
export default routes;
