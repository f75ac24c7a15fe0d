/**
 * A small typed client over the Parley HTTP API (README "HTTP API", /openapi.json). Reads are
 * open; writes send the session token. Failures come back as data ({ ok: false, issues }) with
 * the server's own messages, like every other Parley edge.
 */
import type { InputIssue, Scenario, ScenarioInput } from '../../src/model/index.ts';
import { sessionToken } from './session.ts';

export interface ScenarioVersionMeta {
  id: string;
  version: number;
  hash: string;
  name: string;
  createdAt: string;
}
export interface ScenarioSummary extends ScenarioVersionMeta {
  versions: number;
}
export interface SavedScenario extends ScenarioVersionMeta {
  scenario: Scenario;
}
export type ApiResult<T> =
  { ok: true; value: T } | { ok: false; status: number; issues: InputIssue[] };

async function call<T>(method: string, path: string, body?: unknown): Promise<ApiResult<T>> {
  const headers: Record<string, string> = {};
  const token = sessionToken();
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (e) {
    return {
      ok: false,
      status: 0,
      issues: [
        {
          code: 'network',
          path: [],
          message: `cannot reach the Parley server: ${(e as Error).message}`,
        },
      ],
    };
  }
  if (res.status === 204) return { ok: true, value: undefined as T };
  const text = await res.text();
  let data: unknown;
  try {
    data = text ? JSON.parse(text) : undefined;
  } catch {
    data = undefined;
  }
  if (res.ok) return { ok: true, value: data as T };
  const issues = (data as { issues?: InputIssue[] } | undefined)?.issues ?? [
    {
      code: `http_${res.status}`,
      path: [],
      message: `${method} ${path} failed: HTTP ${res.status}`,
    },
  ];
  return { ok: false, status: res.status, issues };
}

const enc = encodeURIComponent;

export const api = {
  listScenarios: () =>
    call<{ scenarios: ScenarioSummary[] }>('GET', '/scenarios').then((r) =>
      r.ok ? { ok: true as const, value: r.value.scenarios } : r,
    ),
  getScenario: (id: string, version?: number) =>
    call<SavedScenario>('GET', `/scenarios/${enc(id)}${version ? `?version=${version}` : ''}`),
  listVersions: (id: string) =>
    call<{ versions: ScenarioVersionMeta[] }>('GET', `/scenarios/${enc(id)}/versions`),
  /** Saves a scenario; the server keeps a new version when the content changed. */
  saveScenario: (scenario: Scenario | ScenarioInput) =>
    call<{ created: boolean; version: ScenarioVersionMeta }>('POST', '/scenarios', scenario),
  deleteScenario: (id: string) => call<undefined>('DELETE', `/scenarios/${enc(id)}`),
  /** JSON Schema of a scenario (the same document as `parley schema`). */
  schema: () => call<Record<string, unknown>>('GET', '/schema'),
};

/** Why saving is or is not possible, in words for the UI. */
export function writeAccess(): { canWrite: boolean; reason: string } {
  return sessionToken()
    ? { canWrite: true, reason: 'signed in with the session token from `parley serve`' }
    : {
        canWrite: false,
        reason:
          'saving is off: open the address that `parley serve` printed (it carries a session token after #token=), or run a what-if without saving',
      };
}
