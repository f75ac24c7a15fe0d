/** Computed, sourced insights from the case base (counts, intervals, the cases behind them). */
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { TOPICS } from '../../history/insights/index.ts';
import { ErrorSchema } from '../schemas.ts';

const IntervalSchema = z
  .object({ low: z.number(), high: z.number(), method: z.enum(['wilson', 'bootstrap']) })
  .nullable();
const InsightSchema = z.object({
  id: z.string(),
  topic: z.enum(TOPICS),
  title: z.string(),
  finding: z.string(),
  measure: z.enum(['share', 'median']),
  compares: z.boolean(),
  numerator: z.number(),
  denominator: z.number(),
  estimate: z.number(),
  interval: IntervalSchema,
  breakdown: z.array(z.record(z.string(), z.unknown())),
  caseIds: z.array(z.string()),
  caveats: z.array(z.string()),
  source: z.string(),
});

const routes: FastifyPluginAsyncZod = (app) => {
  const { history } = app.parley;
  app.get(
    '/insights',
    {
      schema: {
        tags: ['history'],
        operationId: 'listInsights',
        summary:
          'findings computed from the case base and the standard datasets in the data folder (`parley serve --data DIR`)',
        querystring: z.object({ topic: z.enum(TOPICS).optional() }),
        response: {
          200: z.object({
            insights: z.array(InsightSchema),
            skipped: z.array(z.object({ id: z.string(), reason: z.string() })),
            datasets: z
              .object({ loaded: z.array(z.string()), missing: z.array(z.string()) })
              .describe('the standard datasets read from the data folder, and those not found'),
          }),
          400: ErrorSchema,
        },
      },
    },
    (req) => history.insights(req.query.topic),
  );
  return Promise.resolve();
};
export default routes;
