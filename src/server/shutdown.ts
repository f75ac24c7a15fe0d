/**
 * Graceful shutdown of the API: from the moment the app starts closing, every new request is
 * answered 503 with Retry-After and `Connection: close` (our JSON issue, not Fastify's own
 * body), while the work already running finishes within the grace period (RunService.drain).
 * Only then does the HTTP server close, and only after its last connection the store and pools
 * (server.ts), so no request in flight meets a closed store (which answered 500 before).
 */
import type { FastifyInstance } from 'fastify';
import { shuttingDown } from './services/computeQueue.ts';
import type { RunService } from './services/runs.ts';

export function registerShutdown(app: FastifyInstance, runs: RunService): void {
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
    await runs.drain();
  });
  // registered before auth and rate limits, so a closing server answers before any other work
  app.addHook('onRequest', (_req, _reply, done) => done(closing ? shuttingDown() : undefined));
}
