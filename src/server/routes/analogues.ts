/** Historical analogues of a saved scenario or of a case (weighted Gower distance). */
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdSchema } from '../../model/index.ts';
import { httpError, notFound } from '../errors.ts';
import { AnaloguesSchema, ErrorSchema } from '../../contracts/index.ts';

const routes: FastifyPluginAsyncZod = (app) => {
  const { history, store } = app.parley;
  app.get(
    '/analogues',
    {
      schema: {
        tags: ['history'],
        operationId: 'findAnalogues',
        summary: 'historical cases most like a saved scenario (scenarioId) or a case (caseId)',
        querystring: z.object({
          scenarioId: IdSchema.optional(),
          version: z.coerce.number().int().min(1).optional(),
          caseId: z
            .string()
            .regex(/^[a-z0-9][a-z0-9-]*$/)
            .max(100)
            .optional(),
          top: z.coerce.number().int().min(1).max(50).default(10),
        }),
        response: {
          200: AnaloguesSchema,
          400: ErrorSchema,
          404: ErrorSchema,
        },
      },
    },
    async (req) => {
      const { scenarioId, caseId, version, top } = req.query;
      if ((scenarioId === undefined) === (caseId === undefined))
        throw httpError(400, 'invalid_query', 'give exactly one of scenarioId and caseId', [
          'query',
        ]);
      if (caseId !== undefined) {
        const c = history.getCase(caseId);
        if (!c) throw notFound(`case ${caseId}`);
        return { query: { kind: 'case' as const, id: caseId }, ...history.analoguesOfCase(c, top) };
      }
      const v = await store.getScenario(scenarioId!, version);
      if (!v) throw notFound(`scenario ${scenarioId}`);
      return {
        query: { kind: 'scenario' as const, id: v.id },
        ...history.analoguesOfScenario(v.scenario, top),
      };
    },
  );
  return Promise.resolve();
};
export default routes;
