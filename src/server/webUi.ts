/**
 * Serves the built web UI (web/dist, from `npm run build:web`) at `/`: every file of the build
 * becomes a public GET route (index.html at `/`, hashed assets cached for a year). Only files
 * present when the server starts are served, so no request path ever reaches the file system,
 * and unknown paths still get the API's JSON 404. When the UI is not built, `/` says how to
 * build it. PARLEY_WEB_DIST names another build folder (the browser test builds into a temp one).
 * Every file is served cross-origin isolated (COOP same-origin, COEP require-corp): the what-if
 * workers then share a SharedArrayBuffer counter to split runs (web/src/engine/client.ts). The UI
 * loads nothing from another origin (assets, workers and the API are all same-origin).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';

export const WEB_DIST = fileURLToPath(new URL('../../web/dist', import.meta.url));

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.map': 'application/json; charset=utf-8',
};

const NOT_BUILT = `<!doctype html><html lang="en"><meta charset="utf-8"><title>Parley</title>
<body style="font-family:sans-serif;max-width:40rem;margin:3rem auto">
<h1>Parley API is running; the web UI is not built</h1>
<p>Build it with <code>npm run build:web</code> (or start with <code>npm start</code>, which builds it first), then reload.</p>
<p>The API is here: <a href="/docs">/docs</a>, <a href="/openapi.json">/openapi.json</a>.</p></body></html>`;

/** Files under dir, relative, with forward slashes. */
function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.push(relative(dir, p).split(sep).join('/'));
    }
  };
  walk(dir);
  return out;
}

/** Headers that make the UI's pages and workers cross-origin isolated (crossOriginIsolated). */
export const ISOLATION_HEADERS = {
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-embedder-policy': 'require-corp',
} as const;

export function webUiDir(): string {
  return process.env.PARLEY_WEB_DIST ?? WEB_DIST;
}

/** True when a built UI is there to serve. */
export function webUiBuilt(dir = webUiDir()): boolean {
  try {
    return statSync(join(dir, 'index.html')).isFile();
  } catch {
    return false;
  }
}

export default function webUi(
  app: FastifyInstance,
  _opts: unknown,
  done: (err?: Error) => void,
): void {
  const dir = webUiDir();
  const route = { config: { access: 'public' as const }, schema: { hide: true } };
  let files: string[] = [];
  try {
    files = webUiBuilt(dir) ? listFiles(dir) : [];
  } catch {
    files = []; // a build in progress: serve what can be read
  }
  const served = new Set<string>();
  for (const file of files) {
    let body: Buffer;
    try {
      body = readFileSync(join(dir, file));
    } catch {
      continue;
    }
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    const cache = file.startsWith('assets/') ? 'public, max-age=31536000, immutable' : 'no-cache';
    const urls = file === 'index.html' ? ['/', '/index.html'] : [`/${file}`];
    for (const url of urls) {
      served.add(url);
      app.get(url, route, (_req, reply) =>
        reply
          .type(type)
          .header('cache-control', cache)
          .header('x-content-type-options', 'nosniff')
          .headers(ISOLATION_HEADERS)
          .send(body),
      );
    }
  }
  if (!served.has('/'))
    app.get('/', route, (_req, reply) => reply.code(503).type(TYPES['.html']).send(NOT_BUILT));
  done();
}
