/**
 * Request validation with the zod schemas declared on routes. A scenario body goes through the
 * core's validateScenario (the same messages and codes as `parley validate`); every other part
 * through its schema, with issues prefixed by the request part (body, querystring, params).
 */
import type { FastifySchemaCompiler } from 'fastify';
import type { z } from 'zod';
import { parseScenarioText, ScenarioSchema, validateScenario } from '../model/index.ts';
import { HttpError } from './errors.ts';
import type { Issue } from './schemas.ts';

const PART: Record<string, string> = {
  body: 'body',
  querystring: 'query',
  params: 'params',
  headers: 'headers',
};

export const validatorCompiler: FastifySchemaCompiler<z.ZodType> =
  ({ schema, httpPart }) =>
  (data) => {
    const part = PART[httpPart ?? 'body'] ?? 'body';
    if (schema === ScenarioSchema) {
      // YAML text (Content-Type application/yaml) gets line and column numbers too
      const r = typeof data === 'string' ? parseScenarioText(data) : validateScenario(data);
      if (r.ok) return { value: r.value };
      return {
        error: new HttpError(
          400,
          r.issues.map((i) => ({ ...i, path: [part, ...i.path] })),
        ),
      };
    }
    const r = schema.safeParse(data);
    if (r.success) return { value: r.data };
    const issues: Issue[] = r.error.issues.map((i) => ({
      code: i.code,
      path: [part, ...i.path.map((p) => (typeof p === 'number' ? p : String(p)))],
      message: i.message,
    }));
    return { error: new HttpError(400, issues) };
  };
