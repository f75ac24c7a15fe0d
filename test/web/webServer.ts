/**
 * For the browser test: builds the web UI into a temporary folder (never touching web/dist) and
 * starts the real app over a fresh SQLite store seeded as `parley serve` seeds it, on an
 * ephemeral loopback port, with a session token as `parley serve` makes one.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/server/app.ts';
import { seedStore } from '../../src/server/seed.ts';
import { HistoryService } from '../../src/server/services/history.ts';
import { openSqliteStore } from '../../src/store/index.ts';

const repo = fileURLToPath(new URL('../..', import.meta.url));

/** `vite build` of web/ into outDir; returns the build log (sizes of the chunks). */
export function buildWebUi(outDir: string): string {
  return execFileSync(
    process.execPath,
    [
      join(repo, 'node_modules/vite/bin/vite.js'),
      'build',
      '--config',
      join(repo, 'web/vite.config.ts'),
      '--outDir',
      outDir,
      '--emptyOutDir',
    ],
    {
      cwd: repo,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NO_COLOR: '1' },
    },
  );
}

export interface WebServer {
  url: string;
  token: string;
  app: FastifyInstance;
  close: () => Promise<void>;
}

export async function startWebServer(distDir: string): Promise<WebServer> {
  const dir = mkdtempSync(join(tmpdir(), 'parley-web-'));
  const store = await openSqliteStore(join(dir, 'web.db'));
  const history = HistoryService.load();
  await seedStore(store, history);
  const { token } = await store.createToken('web-session-test');
  process.env.PARLEY_WEB_DIST = distDir;
  const app = await buildApp({ store, history, config: { rateLimit: false, threads: 1 } });
  delete process.env.PARLEY_WEB_DIST;
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    url,
    token,
    app,
    close: async () => {
      app.server.closeAllConnections(); // keep-alive or event-stream connections must not hold close()
      await app.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
