/**
 * How the zod schemas become /openapi.json: the shapes a client works with are named components
 * (`#/components/schemas/Scenario`, `RunResult`, `Case`, …), so a generated client gets named
 * types instead of anonymous inline objects, and every error status has its own description
 * (the shared error body says nothing about why a 401 or a 503 happens).
 */
import { z } from 'zod';
import type { SwaggerTransform } from '@fastify/swagger';
import {
  createJsonSchemaTransform,
  createJsonSchemaTransformObject,
} from 'fastify-type-provider-zod';
import { ScenarioSchema } from '../model/index.ts';
import { RunResultSchema } from '../engine/index.ts';
import { CaseSchema } from '../history/caseSchema.ts';
import {
  AnalogueSchema,
  CaseSummarySchema,
  ErrorSchema,
  InsightSchema,
  IssueSchema,
  RunRecordSchema,
  ScenarioSummarySchema,
  ScenarioVersionMetaSchema,
} from '../contracts/index.ts';

/** The named components. A request body gets the name with `Input` (zod's input type). */
export const API_SCHEMAS = z.registry<{ id: string }>();
for (const [schema, id] of [
  [ScenarioSchema, 'Scenario'],
  [RunResultSchema, 'RunResult'],
  [RunRecordSchema, 'RunRecord'],
  [CaseSchema, 'Case'],
  [CaseSummarySchema, 'CaseSummary'],
  [AnalogueSchema, 'Analogue'],
  [InsightSchema, 'Insight'],
  [IssueSchema, 'Issue'],
  [ErrorSchema, 'Error'],
  [ScenarioVersionMetaSchema, 'ScenarioVersion'],
  [ScenarioSummarySchema, 'ScenarioSummary'],
] as const)
  API_SCHEMAS.add(schema, { id });

/** What each error status means, whatever the route (a route may say more in its schema). */
export const ERROR_DESCRIPTIONS: Record<string, string> = {
  '400': 'the request is invalid: every problem found, each with its path',
  '401':
    'no API token, or one that is unknown or revoked (writes need `Authorization: Bearer parley_…`)',
  '403': 'the token may not do this',
  '404': 'no such resource',
  '409': 'the resource is not in a state that allows this (e.g. a run not finished yet)',
  '413': 'the request body is larger than the server accepts',
  '429': 'too many requests from this client; retry after the Retry-After header',
  '500': 'an internal error; the body carries one generic issue and never internals',
  '501': 'this server was started without what the request needs',
  '503': 'the server is busy or shutting down; retry after the Retry-After header',
};

const componentTransform = createJsonSchemaTransform({ schemaRegistry: API_SCHEMAS });
const errorBodyDescription = ErrorSchema.description;

/**
 * The route transform with named components; each error response refers to `Error` and carries
 * its status's description, or the route's own where its schema was described apart (a clone of
 * `Error` with `.describe(…)`), so that text is kept and the body still refers to `Error`.
 */
export const openapiTransform: SwaggerTransform = (doc) => {
  const out = componentTransform(doc);
  const zodResponses = (doc.schema as { response?: Record<string, unknown> } | undefined)?.response;
  const responses = (out.schema as { response?: Record<string, unknown> } | undefined)?.response;
  if (!zodResponses || !responses) return out;
  for (const [status, zodSchema] of Object.entries(zodResponses)) {
    if (!(status in ERROR_DESCRIPTIONS) || !isErrorBody(zodSchema)) continue;
    const own = (zodSchema as z.ZodType).description;
    responses[status] = {
      $ref: '#/components/schemas/Error',
      // @fastify/swagger makes a response schema's description the response's description
      description: own && own !== errorBodyDescription ? own : ERROR_DESCRIPTIONS[status],
    };
  }
  return out;
};

const addComponents = createJsonSchemaTransformObject({ schemaRegistry: API_SCHEMAS });

/**
 * Adds the named components to the document, keeping those some operation uses: every schema is
 * registered as output and as input (`…Input`), and a client needs, say, `RunResultInput` no more
 * than a reader does.
 */
export const openapiTransformObject: typeof addComponents = (doc) => {
  const out = addComponents(doc) as {
    paths?: unknown;
    components?: { schemas?: Record<string, unknown> };
  };
  const schemas = out.components?.schemas;
  if (!schemas) return out as ReturnType<typeof addComponents>;
  const used = new Set<string>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (node !== null && typeof node === 'object')
      for (const [k, v] of Object.entries(node)) {
        const name =
          k === '$ref' && typeof v === 'string'
            ? /^#\/components\/schemas\/(.+)$/.exec(v)?.[1]
            : undefined;
        if (name !== undefined && !used.has(name)) {
          used.add(name);
          visit(schemas[name]);
        } else visit(v);
      }
  };
  visit(out.paths);
  for (const name of Object.keys(schemas)) if (!used.has(name)) delete schemas[name];
  return out as ReturnType<typeof addComponents>;
};

/** `ErrorSchema` itself or a described copy of it (zod's `.describe` clones the schema). */
function isErrorBody(schema: unknown): boolean {
  return (
    schema === ErrorSchema || (schema instanceof z.ZodObject && schema.shape === ErrorSchema.shape)
  );
}
