/**
 * Access control: writes need an API token (`Authorization: Bearer parley_…`, from
 * `parley token create`); reads are open or need a token, by configuration; health, readiness
 * and the API documents are public.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { httpError } from './errors.ts';

const PUBLIC_PREFIXES = ['/docs', '/openapi.json'];

export function accessOf(req: FastifyRequest): 'public' | 'read' | 'write' {
  const declared = req.routeOptions.config?.access;
  if (declared) return declared;
  const url = req.routeOptions.url ?? '';
  if (PUBLIC_PREFIXES.some((p) => url.startsWith(p))) return 'public';
  return req.method === 'GET' || req.method === 'HEAD' ? 'read' : 'write';
}

export function registerAuth(app: FastifyInstance): void {
  app.addHook('onRequest', async (req) => {
    const access = accessOf(req);
    if (access === 'public') return;
    if (access === 'read' && app.parley.config.reads === 'open') return;
    const header = req.headers.authorization;
    const m = header && /^Bearer\s+(\S+)$/i.exec(header);
    if (!m)
      throw httpError(
        401,
        'unauthorized',
        `${access === 'write' ? 'writes' : 'reads'} need an API token: Authorization: Bearer <token> (create one with \`parley token create\`)`,
      );
    const token = await app.parley.store.verifyToken(m[1]);
    if (!token) throw httpError(401, 'unauthorized', 'unknown or revoked API token');
  });
}
