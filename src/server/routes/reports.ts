/**
 * Reports of a stored run: the self-contained HTML report, and each chart as SVG or PNG. Rendering
 * is computation (vega and resvg on this thread), so it takes a slot of the compute queue.
 */
import { z } from 'zod';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { RunResult } from '../../engine/index.ts';
import { httpError, notFound } from '../errors.ts';
import { clientSignal } from '../clientSignal.ts';
import { REPORT_CSP } from '../securityHeaders.ts';
import { ChartQuerySchema, ErrorSchema, RunIdParamsSchema } from '../../contracts/index.ts';
import { RUN_CHART_IDS } from '../../report/charts/index.ts';
import { chartPng, chartSvg, runReportHtml } from '../services/reports.ts';

const routes: FastifyPluginAsyncZod = (app) => {
  const { store, history, compute } = app.parley;

  /** Renders in a slot of the compute queue; skipped when the client left while it waited. */
  const rendering = <T>(what: string, reply: FastifyReply, fn: () => Promise<T>): Promise<T> =>
    compute.run({ kind: 'request', runs: 0, what, signal: clientSignal(reply) }, (signal) => {
      signal.throwIfAborted();
      return fn();
    });

  const doneRun = async (id: string) => {
    const run = await store.getRun(id);
    if (!run) throw notFound(`run ${id}`);
    const json = await store.getRunResultJson(id);
    if (!json) throw httpError(409, 'not_ready', `run ${id} is ${run.status}`);
    return { run, result: JSON.parse(json) as RunResult };
  };

  app.get(
    '/runs/:id/report',
    {
      schema: {
        tags: ['reports'],
        operationId: 'runReport',
        summary: 'self-contained HTML report of a finished run',
        params: RunIdParamsSchema,
        response: {
          200: z.string().describe('text/html'),
          404: ErrorSchema,
          409: ErrorSchema,
          503: ErrorSchema,
        },
      },
    },
    async (req, reply) => {
      const { run, result } = await doneRun(req.params.id);
      const v = await store.getScenario(run.scenarioId, run.scenarioVersion);
      if (!v) throw notFound(`scenario ${run.scenarioId} version ${run.scenarioVersion}`);
      const html = await rendering('a report', reply, () => runReportHtml(result, v, history));
      // a report loads nothing: its styles are inline and its charts inline SVG
      return reply
        .type('text/html; charset=utf-8')
        .header('content-security-policy', REPORT_CSP)
        .send(html);
    },
  );

  app.get(
    '/runs/:id/charts/:chart',
    {
      schema: {
        tags: ['reports'],
        operationId: 'runChart',
        summary: 'one chart of a finished run, as PNG (default) or SVG',
        params: RunIdParamsSchema.extend({ chart: z.enum(RUN_CHART_IDS) }),
        querystring: ChartQuerySchema,
        response: {
          200: z.string().describe('image/png or image/svg+xml'),
          400: ErrorSchema,
          404: ErrorSchema,
          409: ErrorSchema,
          503: ErrorSchema,
        },
      },
    },
    async (req, reply) => {
      const { result } = await doneRun(req.params.id);
      const { chart } = req.params;
      if (req.query.format === 'svg')
        return reply
          .type('image/svg+xml; charset=utf-8')
          .send(await rendering('a chart', reply, () => chartSvg(result, chart)));
      return reply
        .type('image/png')
        .send((await rendering('a chart', reply, () => chartPng(result, chart))) as never);
    },
  );
  return Promise.resolve();
};
export default routes;
