/** `/schema`: JSON Schema of scenario files (the same document as `parley schema`). */
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { scenarioJsonSchema } from '../../model/index.ts';
import { JSON_TYPE, rawJson } from '../rawJson.ts';

const routes: FastifyPluginAsyncZod = (app) => {
  const body = JSON.stringify(scenarioJsonSchema());
  app.get(
    '/schema',
    {
      schema: {
        tags: ['scenarios'],
        operationId: 'getScenarioJsonSchema',
        summary: 'JSON Schema (draft 2020-12) of a scenario',
        response: { 200: z.record(z.string(), z.unknown()) },
      },
    },
    async (_req, reply) => reply.type(JSON_TYPE).send(rawJson(body)),
  );
  return Promise.resolve();
};
export default routes;
