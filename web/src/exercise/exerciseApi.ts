/**
 * The exercise pages' calls to /exercises with a role token, and where an API issue belongs on
 * a form: the pages show the API's own messages (the same as any other client gets), each next
 * to the field it is about.
 */
export interface ApiIssue {
  code: string;
  path: (string | number)[];
  message: string;
}

export type Answer<T> =
  { ok: true; value: T } | { ok: false; status: number; issues: ApiIssue[]; error: string };

export async function call<T>(
  method: string,
  path: string,
  token: string,
  body?: unknown,
): Promise<Answer<T>> {
  const res = await fetch(path, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = (await res.json().catch(() => null)) as unknown;
  if (res.ok) return { ok: true, value: json as T };
  const issues = (json as { issues?: ApiIssue[] } | null)?.issues ?? [];
  return {
    ok: false,
    status: res.status,
    issues,
    error: issues.map((i) => i.message).join('; ') || `HTTP ${res.status}`,
  };
}

/**
 * The field (dotted, e.g. "demand" or "carrots.alpha") an issue about `part` of the body is
 * about: from its path when the schema refused it (["body", part, "demand"]), or from the
 * "field: …" opening of a message when the role's check did (path [part]); null for neither.
 */
export function issueField(issue: ApiIssue, part: string): string | null {
  const p = issue.path.map(String);
  if (p[0] === 'body' && p[1] === part && p.length > 2) return p.slice(2).join('.');
  if (p[0] === part || p[0] === 'body') {
    const m = /^([A-Za-z]+(?:\.[\w-]+)*): /.exec(issue.message);
    if (m) return m[1];
  }
  return null;
}
