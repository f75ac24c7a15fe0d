/** Computed, sourced insights from the case base (counts, intervals, the cases behind them). */
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { TOPICS } from '../../history/insights/index.ts';
import { ErrorSchema, InsightSchema } from '../schemas.ts';

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
