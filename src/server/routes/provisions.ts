/**
 * Provisions of comparable peace agreements for a saved scenario or a case (issue 21): what
 * comparable PA-X agreements contained, durability with and without each provision, published
 * findings, and for a scenario a draft term sheet from a bounded engine run. Answers are bounded
 * by `top` (≤ 100 agreements) and `runs` (≤ 2000).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { settlementTerms } from '../../analysis/settlementTerms.ts';
import { runScenario } from '../../engine/index.ts';
import {
  PAX_STAGES,
  provisionsOfCase,
  provisionsOfScenario,
  type QueryOptions,
} from '../../history/provisions/index.ts';
import { clientSignal } from '../clientSignal.ts';
import { httpError, notFound } from '../errors.ts';
import {
  CaseIdParamsSchema,
  ErrorSchema,
  ProvisionsQuerySchema,
  ProvisionsReportSchema,
  ScenarioParamsSchema,
  ScenarioProvisionsQuerySchema,
  type ProvisionsQuery,
} from '../../contracts/index.ts';
import { provisionsService } from '../services/provisions.ts';

const decimalYear = (d: Date) => d.getUTCFullYear() + (d.getUTCMonth() + d.getUTCDate() / 31) / 12;

function options(q: ProvisionsQuery): QueryOptions {
  let stages: QueryOptions['stages'];
  if (q.stages !== undefined) {
    const items = q.stages.split(',').map((s) => s.trim());
    const bad = items.filter((s) => !(PAX_STAGES as readonly string[]).includes(s));
    if (bad.length > 0 || items.length === 0)
      throw httpError(
        400,
        'invalid_enum_value',
        `unknown stage(s) ${bad.join(', ')}; use ${PAX_STAGES.join(', ')}`,
        ['query', 'stages'],
      );
    stages = items as QueryOptions['stages'];
  }
  return { top: q.top, perProcess: q.perProcess, stages, region: q.region };
}

const routes: FastifyPluginAsyncZod = (app) => {
  const { store, history, compute } = app.parley;
  const service = provisionsService();
  const response = {
    200: ProvisionsReportSchema,
    400: ErrorSchema,
    404: ErrorSchema,
    503: ErrorSchema,
  };

  app.get(
    '/cases/:id/provisions',
    {
      schema: {
        tags: ['history'],
        operationId: 'getCaseProvisions',
        summary:
          'provisions of agreements comparable to a case, and how long peace held with and without each',
        params: CaseIdParamsSchema,
        querystring: ProvisionsQuerySchema,
        response,
      },
    },
    (req) => {
      const c = history.getCase(req.params.id);
      if (!c) throw notFound(`case ${req.params.id}`);
      const o = options(req.query);
      const tables = service.load();
      return provisionsOfCase(c, history.cases, tables, decimalYear(new Date()), o);
    },
  );

  app.get(
    '/scenarios/:id/provisions',
    {
      schema: {
        tags: ['history'],
        operationId: 'getScenarioProvisions',
        summary:
          'provisions of agreements comparable to a saved scenario, with a draft term sheet (a starting point, not advice)',
        params: ScenarioParamsSchema,
        querystring: ScenarioProvisionsQuerySchema,
        response,
      },
    },
    async (req, reply) => {
      const v = await store.getScenario(req.params.id, req.query.version);
      if (!v) throw notFound(`scenario ${req.params.id}`);
      const o = options(req.query);
      const tables = service.load();
      const runs = req.query.runs;
      return compute.run(
        {
          kind: 'request',
          runs,
          what: `provisions with a run of ${runs}`,
          signal: clientSignal(reply),
        },
        (signal) => {
          signal.throwIfAborted();
          const s = v.scenario;
          const terms =
            runs > 0
              ? settlementTerms(runScenario({ ...s, settings: { ...s.settings, runs } }))
              : undefined;
          return Promise.resolve(
            provisionsOfScenario(
              s,
              { id: v.id, label: s.name },
              history.cases,
              tables,
              decimalYear(new Date()),
              o,
              terms,
            ),
          );
        },
      );
    },
  );
  return Promise.resolve();
};
export default routes;
