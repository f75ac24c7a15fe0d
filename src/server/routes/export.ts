/**
 * Report export: the run report printed to an A4 PDF by Chromium (src/report/pdf.ts), where
 * Chromium is installed; 501 with the reason where it is not. The HTML is GET /runs/{id}/report.
 */
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { RunResult } from '../../engine/index.ts';
import { htmlToPdf } from '../../report/pdf.ts';
import { httpError, notFound } from '../errors.ts';
import { clientSignal } from '../clientSignal.ts';
import { ErrorSchema, PdfQuerySchema, RunIdParamsSchema } from '../../contracts/index.ts';
import { runReportHtml } from '../services/reports.ts';

const STATUS = { pdf_unavailable: 501, pdf_timeout: 503, pdf_failed: 500 } as const;

const routes: FastifyPluginAsyncZod = (app) => {
  const { store, history, compute } = app.parley;

  app.get(
    '/runs/:id/report.pdf',
    {
      schema: {
        tags: ['reports'],
        operationId: 'runReportPdf',
        summary: 'the HTML report of a finished run printed to an A4 PDF (needs Chromium)',
        params: RunIdParamsSchema,
        querystring: PdfQuerySchema,
        response: {
          200: z.string().describe('application/pdf'),
          404: ErrorSchema,
          409: ErrorSchema,
          500: ErrorSchema,
          501: ErrorSchema,
          503: ErrorSchema,
        },
      },
    },
    async (req, reply) => {
      const run = await store.getRun(req.params.id);
      if (!run) throw notFound(`run ${req.params.id}`);
      const json = await store.getRunResultJson(run.id);
      if (!json) throw httpError(409, 'not_ready', `run ${run.id} is ${run.status}`);
      const v = await store.getScenario(run.scenarioId, run.scenarioVersion);
      if (!v) throw notFound(`scenario ${run.scenarioId} version ${run.scenarioVersion}`);
      // rendering and printing are computation: one slot of the compute queue, skipped when the
      // client left while it waited
      const out = await compute.run(
        { kind: 'request', runs: 0, what: 'a PDF', signal: clientSignal(reply) },
        async (signal) => {
          signal.throwIfAborted();
          const html = await runReportHtml(JSON.parse(json) as RunResult, v, history);
          signal.throwIfAborted();
          return htmlToPdf(html);
        },
      );
      if (!out.ok) {
        // a failure inside Chromium is logged whole; the client gets the short reason
        if (out.code === 'pdf_failed') {
          req.log.error({ reason: out.message }, 'pdf export failed');
          throw httpError(
            500,
            out.code,
            'Chromium could not print the report (see the server log)',
          );
        }
        throw httpError(STATUS[out.code], out.code, out.message);
      }
      if (req.query.download === '1')
        void reply.header(
          'content-disposition',
          `attachment; filename="parley-${run.scenarioId}-${run.id.slice(0, 8)}.pdf"`,
        );
      return reply.type('application/pdf').send(out.pdf as never);
    },
  );
  return Promise.resolve();
};
export default routes;
