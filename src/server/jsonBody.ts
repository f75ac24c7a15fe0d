/**
 * JSON request bodies, read with JSON.parse. Fastify's default parser refuses a body holding a
 * `__proto__` key with "Body is not valid JSON", which hides the reason; JSON.parse keeps such a
 * key as an ordinary own property (it never touches a prototype), so the scenario check refuses
 * it by name (`reserved_key` at its path) and the strict request schemas as an unknown field.
 */
import type { FastifyInstance } from 'fastify';
import { httpError } from './errors.ts';

export function registerJsonBodies(app: FastifyInstance, bodyLimit: number): void {
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser(
    'application/json',
    { parseAs: 'string', bodyLimit },
    (_req, body: string, done) => {
      if (body.length === 0) return done(httpError(400, 'bad_request', 'the JSON body is empty'));
      try {
        done(null, JSON.parse(body));
      } catch (e) {
        done(httpError(400, 'bad_request', `the body is not valid JSON: ${(e as Error).message}`));
      }
    },
  );
}
