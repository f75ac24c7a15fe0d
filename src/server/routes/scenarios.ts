/**
 * Scenarios: create (a new version when the content changed), list, get (any version),
 * versions, validate, delete. Bodies are JSON (or YAML with Content-Type application/yaml).
 */
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { scenarioHash } from '../../engine/index.ts';
import { ScenarioSchema } from '../../model/index.ts';
import { readScenarioBody } from '../validation.ts';
import { notFound } from '../errors.ts';
import {
  ErrorSchema,
  IssueSchema,
  ScenarioParamsSchema,
  ScenarioSummarySchema,
  ScenarioVersionMetaSchema,
  VersionQuerySchema,
} from '../schemas.ts';
import { JSON_TYPE, rawJson } from '../rawJson.ts';

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
          200: z.object({ created: z.literal(false), version: ScenarioVersionMetaSchema }),
          201: z.object({ created: z.literal(true), version: ScenarioVersionMetaSchema }),
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
        summary: 'the latest version of every saved scenario',
        response: { 200: z.object({ scenarios: z.array(ScenarioSummarySchema) }) },
      },
    },
    async () => ({ scenarios: await store.listScenarios() }),
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
          200: ScenarioVersionMetaSchema.extend({ scenario: ScenarioSchema }),
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
        summary: 'every saved version of a scenario, oldest first',
        params: ScenarioParamsSchema,
        response: {
          200: z.object({ versions: z.array(ScenarioVersionMetaSchema) }),
          404: ErrorSchema,
        },
      },
    },
    async (req) => {
      const versions = await store.listScenarioVersions(req.params.id);
      if (versions.length === 0) throw notFound(`scenario ${req.params.id}`);
      return { versions };
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
          200: z.object({
            valid: z.boolean(),
            hash: z.string().optional().describe('scenario hash when valid'),
            issues: z.array(IssueSchema),
          }),
        },
      },
    },
    async (req, reply) => {
      const r = await readScenarioBody(req, reply);
      return r.ok
        ? { valid: true, hash: scenarioHash(r.value), issues: [] }
        : { valid: false, issues: r.issues };
    },
  );
  return Promise.resolve();
};
export default routes;
