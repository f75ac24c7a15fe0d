/**
 * Prints a self-contained HTML report to an A4 PDF with Debian's Chromium through playwright-core
 * (never a browser downloaded at install or run time, which fails offline). One browser at a time, a fresh profile each time,
 * and a time bound; failures come back as data so the CLI and the API can word them.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const CHROMIUM_PATH = '/usr/bin/chromium';

// root needs --no-sandbox; the rest stop Chromium's background calls to hosts it cannot reach
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export type PdfOutcome =
  | { ok: true; pdf: Buffer; ms: number }
  | { ok: false; code: 'pdf_unavailable' | 'pdf_timeout' | 'pdf_failed'; message: string };

export type PdfOptions = { executablePath?: string; timeoutMs?: number };

type Page = {
  setContent: (html: string, o: { waitUntil: 'load'; timeout: number }) => Promise<void>;
  pdf: (o: object) => Promise<Buffer>;
};
type Context = { newPage: () => Promise<Page>; close: () => Promise<void> };
type Playwright = {
  chromium: {
    launchPersistentContext: (userDataDir: string, o: object) => Promise<Context>;
  };
};

/** playwright-core is a development dependency; a production install may lack it. */
async function loadPlaywright(): Promise<Playwright | undefined> {
  const name = 'playwright-core';
  try {
    return (await import(name)) as Playwright;
  } catch {
    return undefined;
  }
}

/** Why a PDF cannot be made here, or undefined when it can be tried. */
export async function pdfUnavailable(executablePath = CHROMIUM_PATH): Promise<string | undefined> {
  if (!existsSync(executablePath))
    return `PDF export needs Chromium at ${executablePath}, which is not installed here (apt-get install chromium); the HTML report is available`;
  if (!(await loadPlaywright()))
    return 'PDF export needs the playwright-core package, which is not installed here; the HTML report is available';
  return undefined;
}

// a chain of promises: the next print starts when the previous one has closed its browser
let queue: Promise<unknown> = Promise.resolve();

/** Prints `html` to an A4 PDF (backgrounds printed). Never throws. */
export function htmlToPdf(html: string, opts: PdfOptions = {}): Promise<PdfOutcome> {
  const next = queue.then(() => printOnce(html, opts));
  queue = next.catch(() => undefined);
  return next;
}

async function printOnce(html: string, opts: PdfOptions): Promise<PdfOutcome> {
  const executablePath = opts.executablePath ?? CHROMIUM_PATH;
  const timeoutMs = opts.timeoutMs ?? 30_000;
  const why = await pdfUnavailable(executablePath);
  if (why) return { ok: false, code: 'pdf_unavailable', message: why };
  const playwright = (await loadPlaywright())!;
  const t0 = performance.now();
  const profile = mkdtempSync(join(tmpdir(), 'parley-pdf-'));
  let context: Context | undefined;
  let timer: NodeJS.Timeout | undefined;
  let abandoned = false;
  const timedOut = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), timeoutMs);
  });
  const work = (async () => {
    context = await playwright.chromium.launchPersistentContext(profile, {
      executablePath,
      headless: true,
      args: CHROMIUM_ARGS,
      timeout: timeoutMs,
    });
    if (abandoned) throw new Error('abandoned after the time limit');
    const page = await context.newPage();
    await page.setContent(html, { waitUntil: 'load', timeout: timeoutMs });
    return page.pdf({
      format: 'A4',
      printBackground: true,
      margin: { top: '12mm', bottom: '12mm', left: '10mm', right: '10mm' },
    });
  })();
  try {
    const r = await Promise.race([work, timedOut]);
    if (r === 'timeout')
      return {
        ok: false,
        code: 'pdf_timeout',
        message: `printing the report to PDF took longer than ${Math.round(timeoutMs / 1000)} s and was stopped`,
      };
    return { ok: true, pdf: r, ms: Math.round(performance.now() - t0) };
  } catch (e) {
    const first = (e instanceof Error ? e.message : String(e)).split('\n')[0].slice(0, 200);
    return {
      ok: false,
      code: 'pdf_failed',
      message: `Chromium could not print the report: ${first}`,
    };
  } finally {
    clearTimeout(timer);
    abandoned = true;
    // closing the browser aborts a print in flight; a launch in flight is closed when it lands
    if (!context) await work.catch(() => undefined);
    await context?.close().catch(() => undefined);
    rmSync(profile, { recursive: true, force: true });
  }
}
