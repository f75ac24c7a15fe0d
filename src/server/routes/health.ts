/** Liveness (`/health`: the process answers) and readiness (`/ready`: the store answers). */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ENGINE_VERSION } from '../../engine/index.ts';
import { ErrorSchema, HealthSchema, ReadySchema } from '../../contracts/index.ts';

const routes: FastifyPluginAsyncZod = (app) => {
  app.get(
    '/health',
    {
      config: { access: 'public' },
      schema: {
        tags: ['health'],
        operationId: 'health',
        summary: 'liveness: the process answers',
        response: { 200: HealthSchema },
      },
    },
    () => ({ status: 'ok' as const, engineVersion: ENGINE_VERSION }),
  );
  app.get(
    '/ready',
    {
      config: { access: 'public' },
      schema: {
        tags: ['health'],
        operationId: 'ready',
        summary: 'readiness: the store answers',
        response: {
          200: ReadySchema,
          503: ErrorSchema,
        },
      },
    },
    async (_req, reply) => {
      try {
        await app.parley.store.ping();
        return { status: 'ready' as const, store: app.parley.store.kind };
      } catch {
        return reply.code(503).send({
          issues: [{ code: 'unavailable', path: [], message: 'the store does not answer' }],
        });
      }
    },
  );
  return Promise.resolve();
};
export default routes;
