/**
 * Security headers on every answer: the UI, its scripts and workers, the reports, the API docs
 * and every API answer. No page of Parley may be framed (clickjacking), no answer sniffed into
 * another type, no URL (which may carry a run id) sent on as a referrer. The Content-Security-
 * Policy fits what each answer is:
 *   - the web UI (HTML and its scripts: a module worker's policy is its own script's) and the
 *     docs: scripts, workers and requests only from this origin; no eval (vega runs its
 *     expressions through its interpreter, web/src/Chart.tsx); inline styles, which React, vega
 *     and swagger-ui set as attributes;
 *   - a report: nothing to load at all but its own inline styles and data: images;
 *   - anything else (JSON, images, PDF): nothing.
 * The UI's cross-origin isolation headers (webUi.ts) are set there and kept.
 */
import type { FastifyInstance } from 'fastify';

const COMMON = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
} as const;

export const UI_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self'",
  "connect-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export const REPORT_CSP = [
  "default-src 'none'",
  "style-src 'unsafe-inline'",
  'img-src data:',
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export const API_CSP = "default-src 'none'; frame-ancestors 'none'";

/** The headers of an answer of this content type (an explicit policy set by the route wins). */
export function securityHeaders(contentType: string): Record<string, string> {
  const ui = /^text\/(html|javascript|css)|^application\/javascript/.test(contentType);
  return { ...COMMON, 'content-security-policy': ui ? UI_CSP : API_CSP };
}

export function registerSecurityHeaders(app: FastifyInstance): void {
  app.addHook('onSend', (_req, reply, payload, done) => {
    const type = String(reply.getHeader('content-type') ?? '');
    for (const [name, value] of Object.entries(securityHeaders(type)))
      if (!reply.hasHeader(name)) void reply.header(name, value);
    done(null, payload);
  });
}
