/**
 * Starts the real app on a real listening socket (127.0.0.1, port 0) over a fresh SQLite store
 * in a temporary folder, with one saved scenario and an API token; `close` ends all of it.
 * Requests go through fetch, as a client's would.
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- JSON answers are checked by expect */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/server/app.ts';
import { HistoryService } from '../../src/server/services/history.ts';
import type { ServerConfig } from '../../src/server/config.ts';
import { openSqliteStore, type Store } from '../../src/store/index.ts';
import { build } from '../engine/fixtures.ts';

export const SMALL_ID = 'small-war';
/** A quick scenario: 36 months, 200 runs by default. */
export const smallScenario = (over: Record<string, unknown> = {}) =>
  build({
    id: SMALL_ID,
    name: 'A small test war',
    settings: { runs: 200, horizonMonths: 36, seed: 3 },
    ...over,
  });

// the case base is read once for every test server of a file
let history: HistoryService | undefined;

export type TestServer = {
  url: string;
  token: string;
  app: FastifyInstance;
  store: Store;
  auth: Record<string, string>;
  close: () => Promise<void>;
};

export async function startTestServer(
  config: Partial<ServerConfig> = {},
  wrapStore: (s: Store) => Store = (s) => s,
): Promise<TestServer> {
  const dir = mkdtempSync(join(tmpdir(), 'parley-api-'));
  const store = await openSqliteStore(join(dir, 'api.db'));
  await store.saveScenario(smallScenario());
  const { token } = await store.createToken('test');
  const app = await buildApp({
    store: wrapStore(store),
    history: (history ??= HistoryService.load()),
    config: { rateLimit: false, threads: 2, ...config },
  });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    url,
    token,
    app,
    store,
    auth: { authorization: `Bearer ${token}` },
    close: async () => {
      await app.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function call(
  s: TestServer,
  method: string,
  path: string,
  opts: { body?: unknown; raw?: string; type?: string; token?: boolean | string } = {},
): Promise<{ status: number; body: any; headers: Headers; text: string }> {
  const headers: Record<string, string> = {};
  if (opts.token) headers.authorization = `Bearer ${opts.token === true ? s.token : opts.token}`;
  let payload: string | undefined;
  if (opts.raw !== undefined) {
    payload = opts.raw;
    headers['content-type'] = opts.type ?? 'application/json';
  } else if (opts.body !== undefined) {
    payload = JSON.stringify(opts.body);
    headers['content-type'] = 'application/json';
  }
  const res = await fetch(s.url + path, { method, headers, body: payload });
  const text = await res.text();
  let body: any;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = text;
  }
  return { status: res.status, body, headers: res.headers, text };
}

type SseEvent = { event: string; data: any };

/** Opens a server-sent event stream; resolves once connected, with the events to its end. */
export async function openEvents(
  url: string,
  headers: Record<string, string> = {},
): Promise<{ events: Promise<SseEvent[]> }> {
  const res = await fetch(url, { headers });
  if (res.status !== 200) throw new Error(`events: HTTP ${res.status}`);
  const events = res.text().then((text) =>
    text
      .split('\n\n')
      .filter((block) => block.startsWith('event:'))
      .map((block) => {
        const [ev, data] = block.split('\n');
        return { event: ev.slice('event: '.length), data: JSON.parse(data.slice('data: '.length)) };
      }),
  );
  return { events };
}

/** Reads a server-sent event stream to its end. */
export async function readEvents(
  url: string,
  headers: Record<string, string> = {},
): Promise<SseEvent[]> {
  return (await openEvents(url, headers)).events;
}
