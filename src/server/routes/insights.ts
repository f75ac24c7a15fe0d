/** Computed, sourced insights from the case base (counts, intervals, the cases behind them). */
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { TOPICS } from '../../history/insights/index.ts';
import { ErrorSchema, InsightsSchema } from '../../contracts/index.ts';

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
          200: InsightsSchema,
          400: ErrorSchema,
        },
      },
    },
    (req) => history.insights(req.query.topic),
  );
  return Promise.resolve();
};
export default routes;
