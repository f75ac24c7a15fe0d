/**
 * For the browser tests: the web UI built into a temporary folder, served by the real app
 * (webServer.ts) and opened in one Chromium page that collects page errors; close() undoes it all.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchChromium } from './browser.ts';
import { buildWebUi, startWebServer, type WebServer } from './webServer.ts';

export interface WebUiSession {
  server: WebServer;
  page: Page;
  /** uncaught errors of the page, in order */
  pageErrors: string[];
  close: () => Promise<void>;
}

export async function openWebUi(): Promise<WebUiSession> {
  const dist = mkdtempSync(join(tmpdir(), 'parley-web-dist-'));
  buildWebUi(dist);
  const server = await startWebServer(dist);
  const browser = await launchChromium();
  const page = await browser.context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  return {
    server,
    page,
    pageErrors,
    close: async () => {
      await browser.close();
      await server.close();
      rmSync(dist, { recursive: true, force: true });
    },
  };
}
