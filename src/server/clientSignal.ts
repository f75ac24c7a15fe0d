/**
 * A signal that aborts when the client of a request goes away before its answer is sent, so the
 * compute queue drops its waiting work and stops its running work (computeQueue.ts). The
 * response's 'close' is used, not the request's: a request stream closes as soon as its body is
 * read, while the response closes when the answer is sent or the connection is lost.
 */
import type { FastifyReply } from 'fastify';

export function clientSignal(reply: FastifyReply): AbortSignal {
  const controller = new AbortController();
  const res = reply.raw;
  if (res.destroyed && !res.writableFinished) controller.abort();
  else
    res.once('close', () => {
      if (!res.writableFinished) controller.abort();
    });
  return controller.signal;
}
