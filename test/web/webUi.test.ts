/**
 * The UI's files are served cross-origin isolated (COOP same-origin, COEP require-corp), so the
 * page gets SharedArrayBuffer and the what-if workers claim runs from a shared counter
 * (web/src/engine/client.ts). Needs no browser: a stand-in build in a temp folder.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import webUi from '../../src/server/webUi.ts';

describe('web UI files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'parley-web-ui-'));
  const app = Fastify();

  beforeAll(async () => {
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><script src="./assets/index.js">');
    writeFileSync(join(dir, 'assets/index.js'), 'export {};');
    writeFileSync(join(dir, 'assets/engine.worker-x.js'), 'export {};');
    process.env.PARLEY_WEB_DIST = dir;
    await app.register(webUi);
    delete process.env.PARLEY_WEB_DIST;
    await app.ready();
  });

  afterAll(async () => {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it.each(['/', '/index.html', '/assets/index.js', '/assets/engine.worker-x.js'])(
    '%s is cross-origin isolated',
    async (url) => {
      const res = await app.inject({ url });
      expect(res.statusCode).toBe(200);
      expect(res.headers['cross-origin-opener-policy']).toBe('same-origin');
      expect(res.headers['cross-origin-embedder-policy']).toBe('require-corp');
    },
  );
});
