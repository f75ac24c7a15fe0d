/**
 * The exercise pages' calls to /exercises with a role token, and where an API issue belongs on
 * a form: the pages show the API's own messages (the same as any other client gets), each next
 * to the field it is about.
 */
import type { Issue } from '../../../src/contracts/index.ts';
import { call as apiCall } from '../api.ts';

/** An issue as the API reports it (the shared client's shape). */
export type ApiIssue = Issue;

export type Answer<T> =
  { ok: true; value: T } | { ok: false; status: number; issues: ApiIssue[]; error: string };

/** The shared client (../api.ts) with the role's token; a failure joins every issue's message. */
export async function call<T>(
  method: string,
  path: string,
  token: string,
  body?: unknown,
): Promise<Answer<T>> {
  const r = await apiCall<T>(method, path, { token, body });
  if (r.ok) return r;
  return {
    ok: false,
    status: r.status,
    issues: r.issues,
    error: r.issues.map((i) => i.message).join('; ') || r.message,
  };
}
