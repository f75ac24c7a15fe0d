/**
 * The history endpoints of the Parley API (README "HTTP API"): cases, one case, analogues,
 * insights, and the run report export. Shapes are the server's own (the case is the core's
 * CaseSchema type); failures come back as data with the server's message.
 */
import type { Case } from '../../../src/history/caseSchema.ts';
import type { Insight } from '../../../src/history/insights/insight.ts';

export type { Case, Insight };

export interface CaseSummary {
  id: string;
  name: string;
  type: string;
  region: string | null;
  start: string;
  end: string | null;
  outcome: string;
}

export interface AnalogueComparison {
  name: string;
  label: string;
  distance: number | null;
  query: string | number | boolean | null;
  analogue: string | number | boolean | null;
}

export interface Analogue {
  caseId: string;
  name: string;
  distance: number;
  similarity: number;
  matched: string[];
  differed: string[];
  unknown: string[];
  negotiation: string;
  outcome: string;
  comparisons: AnalogueComparison[];
}

export interface AnaloguesAnswer {
  query: { kind: 'scenario' | 'case'; id: string };
  features: Record<string, string | number | boolean | null>;
  analogues: Analogue[];
}

export interface InsightsAnswer {
  insights: Insight[];
  skipped: { id: string; reason: string }[];
  /** the standard datasets the server read, and those it did not find */
  datasets?: { loaded: string[]; missing: string[] };
}

export type Loaded<T> = { ok: true; value: T } | { ok: false; status: number; message: string };

/** GET a JSON document; a failure carries the server's first issue, or the network error. */
export async function getJson<T>(path: string, signal?: AbortSignal): Promise<Loaded<T>> {
  let res: Response;
  let text: string;
  // reading the body is inside the try too: an abort while it streams rejects there
  try {
    res = await fetch(path, { signal });
    text = await res.text();
  } catch (e) {
    return {
      ok: false,
      status: 0,
      message: `cannot reach the Parley server: ${(e as Error).message}`,
    };
  }
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }
  if (res.ok) return { ok: true, value: body as T };
  const issue = (body as { issues?: { message: string }[] } | undefined)?.issues?.[0];
  return {
    ok: false,
    status: res.status,
    message: issue?.message ?? `GET ${path}: HTTP ${res.status}`,
  };
}

export interface CaseQuery {
  type?: string;
  outcome?: string;
  mediation?: 'yes' | 'no';
  channel?: string;
}

export function casesPath(q: CaseQuery): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) if (v) params.set(k, v as string);
  const s = params.toString();
  return s ? `/cases?${s}` : '/cases';
}
