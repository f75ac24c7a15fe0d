/**
 * Request validation with the zod schemas declared on routes. A scenario body goes through the
 * core's validateScenario (the same messages and codes as `parley validate`); every other part
 * through its schema, with issues prefixed by the request part (body, querystring, params).
 */
import type { FastifyReply, FastifyRequest, FastifySchemaCompiler } from 'fastify';
import type { z } from 'zod';
import {
  parseScenarioText,
  ScenarioSchema,
  validateScenario,
  type Result,
  type Scenario,
} from '../model/index.ts';
import { HttpError } from './errors.ts';
import type { Issue } from '../contracts/index.ts';

const PART: Record<string, string> = {
  body: 'body',
  querystring: 'query',
  params: 'params',
  headers: 'headers',
};

/** Scenario bodies the preValidation hook has already parsed and validated (off the event loop). */
const checkedBodies = new WeakSet<object>();

/**
 * Routes whose body is a scenario: parse and validate it before the (synchronous) validator runs,
 * in the app's ScenarioParser, so a large body never blocks the event loop.
 */
export async function scenarioBodyHook(req: FastifyRequest, reply: FastifyReply): Promise<void> {
  if (req.routeOptions.schema?.body !== ScenarioSchema) return;
  const r = await readScenarioBody(req, reply);
  if (!r.ok)
    throw new HttpError(
      400,
      r.issues.map((i) => ({ ...i, path: ['body', ...i.path] })),
    );
  checkedBodies.add(r.value);
  req.body = r.value;
}

/** The request's body (YAML text or parsed JSON) read by the app's ScenarioParser. */
export async function readScenarioBody(
  req: FastifyRequest,
  _reply?: FastifyReply,
): Promise<Result<Scenario>> {
  // a 503 (too many large bodies at once) carries its Retry-After (errors.ts)
  return req.server.parley.parser.check(
    req.body,
    Number(req.headers['content-length'] ?? Infinity),
  );
}

export const validatorCompiler: FastifySchemaCompiler<z.ZodType> =
  ({ schema, httpPart }) =>
  (data) => {
    const part = PART[httpPart ?? 'body'] ?? 'body';
    if (schema === ScenarioSchema) {
      const body: unknown = data;
      if (typeof body === 'object' && body !== null && checkedBodies.has(body))
        return { value: body };
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
