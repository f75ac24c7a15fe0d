/**
 * The report of a scenario as edited in the browser (Results → Export), without saving it: the
 * draft is validated as `parley validate` does, simulated here with the same engine and seed as
 * in the browser (so the numbers match the page), and answered as the HTML report or its A4 PDF.
 * Bounded: the body by the server's body limit, the runs by the synchronous-run limit, the work
 * by a slot of the compute queue.
 */
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { runScenarioParallel } from '../../jobs/localPool.ts';
import { boundIssues, validateScenario } from '../../model/index.ts';
import { htmlToPdf } from '../../report/pdf.ts';
import { clientSignal } from '../clientSignal.ts';
import { httpError, HttpError } from '../errors.ts';
import { draftReportSchema, ErrorSchema } from '../../contracts/index.ts';
import { REPORT_CSP } from '../securityHeaders.ts';
import { reportHtmlOf } from '../services/reports.ts';
import { applyOverrides } from '../services/runs.ts';

const STATUS = { pdf_unavailable: 501, pdf_timeout: 503, pdf_failed: 500 } as const;

const routes: FastifyPluginAsyncZod = (app) => {
  const { history, compute, config } = app.parley;

  app.post(
    '/reports',
    {
      config: { access: 'write' },
      schema: {
        tags: ['reports'],
        operationId: 'draftReport',
        summary: 'the report of a scenario as edited (not saved): HTML or A4 PDF',
        security: [{ bearerAuth: [] }],
        body: draftReportSchema(config),
        response: {
          200: z.string().describe('text/html or application/pdf'),
          400: ErrorSchema,
          401: ErrorSchema,
          500: ErrorSchema,
          501: ErrorSchema,
          503: ErrorSchema,
        },
      },
    },
    async (req, reply) => {
      const checked = validateScenario(req.body.scenario);
      // the issues with their paths under `scenario`, as the CLI names them in a file
      if (!checked.ok)
        throw new HttpError(
          400,
          boundIssues(checked.issues).map((i) => ({ ...i, path: ['scenario', ...i.path] })),
        );
      const s = checked.value;
      const runs = req.body.runs ?? Math.min(s.settings.runs, config.syncMaxRuns);
      const scenario = applyOverrides(s, { runs, explainMonth: req.body.explainMonth }, [
        'scenario',
      ]);
      const out = await compute.run(
        { kind: 'request', runs, what: 'a report', signal: clientSignal(reply) },
        async (signal) => {
          const result = await runScenarioParallel(scenario, {
            threads: config.threads,
            explainMonth: scenario.settings.explainMonth,
            signal,
          });
          signal.throwIfAborted();
          const html = await reportHtmlOf(
            result,
            scenario,
            `${s.id} as edited (not saved)`,
            history,
            [
              'This report is of the scenario as edited in the browser; it is not saved on the server.',
            ],
          );
          if (req.body.format === 'html') return { kind: 'html' as const, html };
          signal.throwIfAborted();
          return { kind: 'pdf' as const, pdf: await htmlToPdf(html) };
        },
      );
      if (out.kind === 'html')
        return reply
          .type('text/html; charset=utf-8')
          .header('content-security-policy', REPORT_CSP)
          .send(out.html);
      if (!out.pdf.ok) throw httpError(STATUS[out.pdf.code], out.pdf.code, out.pdf.message);
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="parley-${s.id}.pdf"`)
        .send(out.pdf.pdf as never);
    },
  );
  return Promise.resolve();
};
export default routes;
