/**
 * Analyses of a saved scenario: paired comparison of its variants, tornado sensitivity and
 * bounded sweeps (computed now and saved), and the saved analyses (`parley sweep --store` too).
 */
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { notFound } from '../errors.ts';
import { clientSignal } from '../clientSignal.ts';
import { decodeCursor, encodeCursor, pageOf, TimeKeySchema, timeKey } from '../cursor.ts';
import {
  AnalysisIdParamsSchema,
  AnalysisListQuerySchema,
  AnalysisListSchema,
  AnalysisRowsQuerySchema,
  AnalysisRowsSchema,
  ComparedSchema,
  compareSchema,
  ErrorSchema,
  ScenarioParamsSchema,
  SensitivitySchema,
  sensitivitySchema,
  SweptSchema,
  sweepSchema,
} from '../../contracts/index.ts';

const routes: FastifyPluginAsyncZod = (app) => {
  const { store, analyses, config } = app.parley;
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
        body: compareSchema(config),
        response: {
          201: ComparedSchema,
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
        body: sensitivitySchema(config),
        response: {
          201: SensitivitySchema,
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
        body: sweepSchema(config),
        response: {
          201: SweptSchema,
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
        querystring: AnalysisListQuerySchema,
        response: {
          200: AnalysisListSchema,
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
        params: AnalysisIdParamsSchema,
        querystring: AnalysisRowsQuerySchema,
        response: {
          200: AnalysisRowsSchema,
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
