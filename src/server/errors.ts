/**
 * Errors at the API edge (docs/architecture.md, Conventions): 4xx answers carry `{ issues }` with codes and paths;
 * 5xx answers carry one generic issue and never a message, stack or SQL from inside.
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { boundIssues } from '../model/index.ts';
import type { Issue } from '../contracts/index.ts';

/** A user-facing HTTP error with its issues. */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly issues: Issue[],
    /** seconds, sent as Retry-After (every 503 gets one) */
    readonly retryAfterSec?: number,
  ) {
    super(issues[0]?.message ?? `HTTP ${statusCode}`);
    this.name = 'HttpError';
  }
}

export const httpError = (
  statusCode: number,
  code: string,
  message: string,
  path: Issue['path'] = [],
) => new HttpError(statusCode, [{ code, path, message }]);

/** A 503 tells the client when to try again; this when nothing more precise is known. */
export const DEFAULT_RETRY_AFTER_SEC = 5;

export const notFound = (what: string) => httpError(404, 'not_found', `${what} not found`);

const CODES: Record<number, string> = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  406: 'not_acceptable',
  409: 'conflict',
  413: 'too_large',
  415: 'unsupported_media_type',
  429: 'rate_limited',
  503: 'unavailable',
};

export function errorHandler(err: FastifyError, req: FastifyRequest, reply: FastifyReply): void {
  if (err instanceof HttpError) {
    if (err.statusCode === 503 || err.retryAfterSec !== undefined)
      void reply.header('retry-after', String(err.retryAfterSec ?? DEFAULT_RETRY_AFTER_SEC));
    void reply.code(err.statusCode).send({ issues: boundIssues(err.issues) });
    return;
  }
  const status = err.statusCode ?? 500;
  if (status >= 400 && status < 500) {
    const issues = (err as { issues?: Issue[] }).issues;
    void reply.code(status).send({
      issues: issues ?? [
        { code: CODES[status] ?? 'bad_request', path: [], message: publicMessage(err, status) },
      ],
    });
    return;
  }
  if (status === 503) {
    // Fastify's own 503 (a request on a connection while the server closes)
    void reply.header('retry-after', String(DEFAULT_RETRY_AFTER_SEC));
    void reply.code(503).send({
      issues: [{ code: 'unavailable', path: [], message: 'service unavailable; try again later' }],
    });
    return;
  }
  req.log.error({ err }, 'request failed');
  void reply.code(500).send({
    issues: [{ code: 'internal', path: [], message: `internal error (request ${req.id})` }],
  });
}

/** Fastify's own 4xx messages are safe and helpful (e.g. body too large); keep them short. */
function publicMessage(err: FastifyError, status: number): string {
  if (status === 413) return 'request body is too large';
  if (status === 429) return 'too many requests; slow down';
  return err.message.split('\n')[0].slice(0, 300);
}

export function notFoundHandler(req: FastifyRequest, reply: FastifyReply): void {
  void reply.code(404).send({
    issues: [
      {
        code: 'not_found',
        path: [],
        message: `no route ${req.method} ${req.url.split('?')[0].slice(0, 200)}`,
      },
    ],
  });
}
