/**
 * The web's one client of the Parley HTTP API (README "HTTP API", /openapi.json). Answers are
 * typed with the server's own shapes (src/contracts); every failure — an error answer, a network
 * failure, an abort — comes back as data in one shape, `{ ok: false, status, issues, message }`,
 * with the server's issues and the first one's message for a one-line notice.
 */
import type {
  Issue,
  RunDone,
  RunList,
  RunListQuery,
  RunQueued,
  Saved,
  SavedScenario,
  ScenarioList,
  StartRun,
  VersionList,
} from '../../src/contracts/index.ts';
import type { Scenario, ScenarioInput } from '../../src/model/index.ts';
import { sessionToken } from './session.ts';

export type ApiFailure = { ok: false; status: number; issues: Issue[]; message: string };
export type ApiResult<T> = { ok: true; value: T } | ApiFailure;

const failure = (status: number, issues: Issue[]): ApiFailure => ({
  ok: false,
  status,
  issues,
  message: issues[0]?.message ?? `HTTP ${status}`,
});

export interface RequestOptions {
  body?: unknown;
  signal?: AbortSignal;
  /** the bearer token; the session's (from `parley serve`) when omitted */
  token?: string;
}

/** The answer as a Response when it is a success; the issues of the error body otherwise. */
export async function request(
  method: string,
  path: string,
  { body, signal, token = sessionToken() }: RequestOptions = {},
): Promise<ApiResult<Response>> {
  const headers: Record<string, string> = {};
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers,
      signal,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (e) {
    return failure(0, [
      {
        code: 'network',
        path: [],
        message: `cannot reach the Parley server: ${(e as Error).message}`,
      },
    ]);
  }
  if (res.ok) return { ok: true, value: res };
  const data = await readJson(res);
  return failure(
    res.status,
    (data as { issues?: Issue[] } | undefined)?.issues ?? [
      {
        code: `http_${res.status}`,
        path: [],
        message: `${method} ${path} failed: HTTP ${res.status}`,
      },
    ],
  );
}

/** The JSON of an answer; undefined when it has none or it is not JSON. */
async function readJson(res: Response): Promise<unknown> {
  const text = await res.text().catch(() => '');
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return undefined;
  }
}

/** A request whose answer is JSON of type T (204: undefined). */
export async function call<T>(
  method: string,
  path: string,
  opts: RequestOptions = {},
): Promise<ApiResult<T>> {
  const r = await request(method, path, opts);
  if (!r.ok) return r;
  // reading the body can fail too: an abort while it streams rejects there
  try {
    return { ok: true, value: (await readJson(r.value)) as T };
  } catch (e) {
    return failure(0, [
      { code: 'network', path: [], message: `the answer was cut: ${(e as Error).message}` },
    ]);
  }
}

/** GET a JSON document. */
export const getJson = <T>(path: string, signal?: AbortSignal) => call<T>('GET', path, { signal });

const enc = encodeURIComponent;

const query = (q: Record<string, string | number | undefined>): string => {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) if (v !== undefined && v !== '') params.set(k, String(v));
  const s = params.toString();
  return s ? `?${s}` : '';
};

export const api = {
  listScenarios: (signal?: AbortSignal) =>
    getJson<ScenarioList>('/scenarios', signal).then((r) =>
      r.ok ? { ok: true as const, value: r.value.scenarios } : r,
    ),
  getScenario: (id: string, version?: number) =>
    getJson<SavedScenario>(`/scenarios/${enc(id)}${query({ version })}`),
  listVersions: (id: string) => getJson<VersionList>(`/scenarios/${enc(id)}/versions`),
  /** Saves a scenario; the server keeps a new version when the content changed. */
  saveScenario: (scenario: Scenario | ScenarioInput) =>
    call<Saved>('POST', '/scenarios', { body: scenario }),
  deleteScenario: (id: string) => call<undefined>('DELETE', `/scenarios/${enc(id)}`),
  /** JSON Schema of a scenario (the same document as `parley schema`). */
  schema: () => getJson<Record<string, unknown>>('/schema'),
  listRuns: (q: { scenarioId?: RunListQuery['scenarioId']; limit?: number }) =>
    getJson<RunList>(`/runs${query(q)}`),
  /** Runs a saved scenario on the server: 201 with the result, or 202 and a job to follow. */
  startRun: (body: StartRun) => call<RunDone | RunQueued>('POST', '/runs', { body }),
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
