/**
 * Scenarios: create (a new version when the content changed), list, get (any version),
 * versions, validate, delete. Bodies are JSON (or YAML with Content-Type application/yaml).
 */
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { inputHash, scenarioHash, settingsHash } from '../../engine/index.ts';
import { ScenarioSchema } from '../../model/index.ts';
import { readScenarioBody } from '../validation.ts';
import { notFound } from '../errors.ts';
import {
  CreatedSchema,
  ErrorSchema,
  PageQuerySchema,
  SavedScenarioSchema,
  ScenarioListSchema,
  ScenarioParamsSchema,
  UnchangedSchema,
  ValidationSchema,
  VersionListSchema,
  VersionQuerySchema,
} from '../../contracts/index.ts';
import { JSON_TYPE, rawJson } from '../rawJson.ts';
import { decodeCursor, pageOf } from '../cursor.ts';

const write = [{ bearerAuth: [] }];

const routes: FastifyPluginAsyncZod = (app) => {
  const { store } = app.parley;

  app.post(
    '/scenarios',
    {
      config: { access: 'write' },
      schema: {
        tags: ['scenarios'],
        operationId: 'createScenario',
        summary: 'save a scenario; a new version when its content changed',
        security: write,
        body: ScenarioSchema,
        response: {
          200: UnchangedSchema,
          201: CreatedSchema,
          400: ErrorSchema,
          401: ErrorSchema,
        },
      },
    },
    async (req, reply) => {
      const saved = await store.saveScenario(req.body);
      return saved.created
        ? reply.code(201).send({ created: true, version: saved.version })
        : reply.code(200).send({ created: false, version: saved.version });
    },
  );

  app.get(
    '/scenarios',
    {
      schema: {
        tags: ['scenarios'],
        operationId: 'listScenarios',
        summary: 'the latest version of every saved scenario, by id (paged: follow nextCursor)',
        querystring: PageQuerySchema,
        response: {
          200: ScenarioListSchema,
          400: ErrorSchema,
        },
      },
    },
    async (req) => {
      const afterId = decodeCursor(req.query.cursor, z.object({ id: z.string().max(200) }))?.id;
      const { items, nextCursor } = await pageOf(
        req.query.limit,
        (n) => store.listScenarios({ limit: n, afterId }),
        (last) => ({ id: last.id }),
      );
      return { scenarios: items, nextCursor };
    },
  );

  app.get(
    '/scenarios/:id',
    {
      schema: {
        tags: ['scenarios'],
        operationId: 'getScenario',
        summary: 'a saved scenario (latest version unless ?version=)',
        params: ScenarioParamsSchema,
        querystring: VersionQuerySchema,
        response: {
          200: SavedScenarioSchema,
          400: ErrorSchema,
          404: ErrorSchema,
        },
      },
    },
    async (req, reply) => {
      const v = await store.getScenario(req.params.id, req.query.version);
      if (!v)
        throw notFound(
          `scenario ${req.params.id}${req.query.version ? ` version ${req.query.version}` : ''}`,
        );
      return reply.type(JSON_TYPE).send(rawJson(JSON.stringify(v)));
    },
  );

  app.get(
    '/scenarios/:id/versions',
    {
      schema: {
        tags: ['scenarios'],
        operationId: 'listScenarioVersions',
        summary: 'every saved version of a scenario, oldest first (paged: follow nextCursor)',
        params: ScenarioParamsSchema,
        querystring: PageQuerySchema,
        response: {
          200: VersionListSchema,
          400: ErrorSchema,
          404: ErrorSchema,
        },
      },
    },
    async (req) => {
      const afterVersion = decodeCursor(
        req.query.cursor,
        z.object({ version: z.number().int().min(0) }),
      )?.version;
      const { items, nextCursor } = await pageOf(
        req.query.limit,
        (n) => store.listScenarioVersions(req.params.id, { limit: n, afterVersion }),
        (last) => ({ version: last.version }),
      );
      if (items.length === 0 && afterVersion === undefined)
        throw notFound(`scenario ${req.params.id}`);
      return { versions: items, nextCursor };
    },
  );

  app.delete(
    '/scenarios/:id',
    {
      config: { access: 'write' },
      schema: {
        tags: ['scenarios'],
        operationId: 'deleteScenario',
        summary: 'delete a scenario with every version, run and analysis',
        security: write,
        params: ScenarioParamsSchema,
        response: { 204: z.null(), 401: ErrorSchema, 404: ErrorSchema },
      },
    },
    async (req, reply) => {
      if (!(await store.deleteScenario(req.params.id))) throw notFound(`scenario ${req.params.id}`);
      app.parley.results.clear();
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/scenarios/validate',
    {
      // validating stores nothing: a read
      config: { access: 'read' },
      schema: {
        tags: ['scenarios'],
        operationId: 'validateScenario',
        summary: 'check a scenario without saving it; every problem at once',
        body: z
          .unknown()
          .describe('a scenario (JSON, or YAML text with Content-Type application/yaml)'),
        response: {
          200: ValidationSchema,
        },
      },
    },
    async (req, reply) => {
      const r = await readScenarioBody(req, reply);
      return r.ok
        ? {
            valid: true,
            hash: inputHash(r.value),
            scenarioHash: scenarioHash(r.value),
            settingsHash: settingsHash(r.value),
            issues: [],
          }
        : { valid: false, issues: r.issues };
    },
  );
  return Promise.resolve();
};
export default routes;
