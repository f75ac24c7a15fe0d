/**
 * Runs: start one (small runs answer with the result; large ones answer 202 and become a job),
 * follow a job's progress by server-sent events, read a run and its result.
 */
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { RunResultSchema } from '../../engine/index.ts';
import type { RunRecord } from '../../store/index.ts';
import { httpError, notFound } from '../errors.ts';
import {
  ErrorSchema,
  RunDoneSchema,
  RunIdParamsSchema,
  RunListQuerySchema,
  RunListSchema,
  RunQueuedSchema,
  RunWithResultSchema,
  startRunSchema,
} from '../../contracts/index.ts';
import type { JobEvent } from '../services/runs.ts';
import { JSON_TYPE, rawJson } from '../rawJson.ts';
import { clientSignal } from '../clientSignal.ts';
import { securityHeaders } from '../securityHeaders.ts';
import { decodeCursor, pageOf, TimeKeySchema, timeKey } from '../cursor.ts';

const routes: FastifyPluginAsyncZod = (app) => {
  const { store, runs, config, results, streams } = app.parley;

  app.post(
    '/runs',
    {
      config: { access: 'write' },
      schema: {
        tags: ['runs'],
        operationId: 'startRun',
        summary: 'simulate a saved scenario',
        description: `Runs up to ${config.syncMaxRuns} answer 201 with the result. Larger ones answer 202 at once; follow GET /runs/{id}/events, then read GET /runs/{id}.`,
        security: [{ bearerAuth: [] }],
        body: startRunSchema(config),
        response: {
          201: RunDoneSchema,
          202: RunQueuedSchema,
          400: ErrorSchema,
          401: ErrorSchema,
          404: ErrorSchema,
          503: ErrorSchema.describe(
            'the compute queue is full or the server is shutting down; see Retry-After',
          ),
        },
      },
    },
    async (req, reply) => {
      const { scenarioId, version, ...overrides } = req.body;
      const v = await store.getScenario(scenarioId, version);
      if (!v) throw notFound(`scenario ${scenarioId}${version ? ` version ${version}` : ''}`);
      const scenario = runs.prepare(v, overrides);
      if (runs.isSync(scenario)) {
        const { record, resultJson } = await runs.runNow(v, scenario, clientSignal(reply));
        return reply
          .code(201)
          .type(JSON_TYPE)
          .send(rawJson(`{"run":${JSON.stringify(record)},"result":${resultJson}}`));
      }
      const record = await runs.enqueue(v, scenario);
      return reply.code(202).send({ run: record, events: `/runs/${record.id}/events` });
    },
  );

  app.get(
    '/runs',
    {
      schema: {
        tags: ['runs'],
        operationId: 'listRuns',
        summary: 'recent runs, newest first (paged: follow nextCursor)',
        querystring: RunListQuerySchema,
        response: {
          200: RunListSchema,
          400: ErrorSchema,
        },
      },
    },
    async (req) => {
      const { scenarioId, limit, cursor } = req.query;
      const after = decodeCursor(cursor, TimeKeySchema);
      const { items, nextCursor } = await pageOf(
        limit,
        (n) => store.listRuns({ scenarioId, limit: n, after }),
        timeKey,
      );
      return { runs: items, nextCursor };
    },
  );

  app.get(
    '/runs/:id',
    {
      schema: {
        tags: ['runs'],
        operationId: 'getRun',
        summary: 'a run, with its result once done',
        params: RunIdParamsSchema,
        response: {
          200: RunWithResultSchema,
          400: ErrorSchema,
          404: ErrorSchema,
        },
      },
    },
    async (req, reply) => {
      const record = await store.getRun(req.params.id);
      if (!record) throw notFound(`run ${req.params.id}`);
      const result = record.status === 'done' ? await store.getRunResultJson(record.id) : undefined;
      return reply
        .type(JSON_TYPE)
        .send(rawJson(`{"run":${JSON.stringify(record)}${result ? `,"result":${result}` : ''}}`));
    },
  );

  app.get(
    '/runs/:id/result',
    {
      schema: {
        tags: ['runs'],
        operationId: 'getRunResult',
        summary: 'only the result of a finished run, as stored',
        params: RunIdParamsSchema,
        response: { 200: RunResultSchema, 400: ErrorSchema, 404: ErrorSchema, 409: ErrorSchema },
      },
    },
    async (req, reply) => {
      const cached = results.get(req.params.id);
      if (cached) return reply.type(JSON_TYPE).send(cached as never);
      const result = await store.getRunResultJson(req.params.id);
      if (result) return reply.type(JSON_TYPE).send(results.set(req.params.id, result) as never);
      const record = await store.getRun(req.params.id);
      if (!record) throw notFound(`run ${req.params.id}`);
      throw httpError(
        409,
        'not_ready',
        `run ${record.id} is ${record.status}${record.error ? `: ${record.error}` : ''}`,
      );
    },
  );

  app.get(
    '/runs/:id/events',
    {
      schema: {
        tags: ['runs'],
        operationId: 'runEvents',
        summary: 'progress of a run as server-sent events',
        description:
          'text/event-stream. Events: `progress` {done,total} (runs finished), then `done` {id} or `failed` {id,error}; the stream then ends.',
        params: RunIdParamsSchema,
        response: {
          200: z.string().describe('text/event-stream'),
          404: ErrorSchema,
          429: ErrorSchema.describe(
            `this address has ${config.maxStreamsPerAddress} streams open already`,
          ),
          503: ErrorSchema.describe(
            `this run has ${config.maxStreamsPerRun} streams open already (or the server ${config.maxStreams})`,
          ),
        },
      },
    },
    async (req, reply) => {
      const record = await store.getRun(req.params.id);
      if (!record) throw notFound(`run ${req.params.id}`);
      const release = streams.acquire(record.id, req.ip);
      reply.hijack();
      const res = reply.raw;
      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
        // a hijacked answer skips the onSend hook: its security headers are set here
        ...securityHeaders('text/event-stream'),
      });
      const send = (e: JobEvent) => {
        const { type, ...data } = e;
        res.write(`event: ${type}\ndata: ${JSON.stringify(data)}\n\n`);
      };
      res.once('close', release);
      const job = runs.job(record.id);
      if (!job) {
        send(finalEvent(record));
        res.end();
        return;
      }
      send(job.last);
      if (job.last.type !== 'progress') {
        res.end();
        return;
      }
      const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), 15_000);
      const onEvent = (e: JobEvent) => {
        send(e);
        if (e.type !== 'progress') stop();
      };
      const stop = () => {
        clearInterval(heartbeat);
        job.events.off('event', onEvent);
        res.end();
      };
      job.events.on('event', onEvent);
      req.raw.on('close', stop);
    },
  );
  return Promise.resolve();
};

/** What a stream opened on a run no longer live in this process reports. */
function finalEvent(r: RunRecord): JobEvent {
  if (r.status === 'done') return { type: 'done', id: r.id };
  if (r.status === 'failed') return { type: 'failed', id: r.id, error: r.error ?? 'failed' };
  return { type: 'failed', id: r.id, error: 'this run is not active on this server' };
}

export default routes;
