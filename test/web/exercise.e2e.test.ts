/**
 * A two-player exercise in Chromium: two players (each in its own browser context, joined by
 * the link with its role token) and a facilitator play 6 months of bosnia-1995 through the web
 * pages. Checks: each player's page and every API answer it receives carry only its own side;
 * decisions handed in on the page are applied; the stored decision log replayed with the seed
 * gives the server's state byte for byte; the after-action report renders with its chart.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { chromiumMissing, launchChromium } from './browser.ts';
import { buildWebUi, startWebServer, type WebServer } from './webServer.ts';
import { loadScenario } from '../../src/data/scenarios.ts';
import { replay } from '../../src/exercise/index.ts';

const SERBS = 'bosnian-serbs',
  GOV = 'bosnian-government';
/** Every number anywhere in a JSON answer. */
function numbersIn(x: unknown, out = new Set<number>()): Set<number> {
  if (typeof x === 'number') out.add(x);
  else if (x && typeof x === 'object') for (const v of Object.values(x)) numbersIn(v, out);
  return out;
}

const missing = chromiumMissing();
if (missing) console.log(`skipping the exercise browser test: ${missing}`);

describe.skipIf(missing !== undefined)(
  'exercise in Chromium: two players and a facilitator',
  () => {
    let dist: string;
    let server: WebServer;
    const browsers: Awaited<ReturnType<typeof launchChromium>>[] = [];

    beforeAll(async () => {
      dist = mkdtempSync(join(tmpdir(), 'parley-web-dist-'));
      buildWebUi(dist);
      server = await startWebServer(dist);
    }, 300_000);
    afterAll(async () => {
      for (const b of browsers) await b.close();
      await server?.close();
      rmSync(dist, { recursive: true, force: true });
    });

    it('plays 6 months; each player sees only its side; the log replays to the same state', async () => {
      const api = (method: string, path: string, token: string, body?: unknown) =>
        fetch(server.url + path, {
          method,
          headers: {
            authorization: `Bearer ${token}`,
            ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          },
          body: body === undefined ? undefined : JSON.stringify(body),
        });
      const created = await api('POST', '/exercises', server.token, {
        scenarioId: 'bosnia-1995',
        run: 1,
        roles: [SERBS, GOV],
      });
      expect(created.status).toBe(201);
      const { exercise, tokens } = (await created.json()) as {
        exercise: { id: string };
        tokens: Record<string, string>;
      };
      const id = exercise.id;

      const open = async (role: string): Promise<{ page: Page; answers: string[] }> => {
        const b = await launchChromium();
        browsers.push(b);
        const page = await b.context.newPage();
        const answers: string[] = [];
        page.on('response', (r) => {
          if (r.url().includes('/exercises/'))
            void r.text().then(
              (t) => answers.push(t),
              () => undefined,
            );
        });
        await page.goto(`${server.url}/#/exercise/${id}/${tokens[role]}`);
        await page.getByTestId('month').waitFor();
        return { page, answers };
      };
      const serbs = await open(SERBS);
      const gov = await open(GOV);
      const fac = await open('facilitator');
      const month = async (p: Page) => Number(await p.getByTestId('month').textContent());

      for (let m = 0; m < 6; m++) {
        expect(await month(fac.page)).toBe(m);
        const facState = (await (
          await api('GET', `/exercises/${id}/state`, tokens.facilitator)
        ).json()) as {
          exercise: { status: string };
          view: { talks: string };
        };
        if (facState.exercise.status === 'finished') break;
        for (const [player, decide] of [
          [serbs, { effort: 'hold', demand: '0.7' }],
          [gov, { effort: m % 2 === 0 ? 'escalate' : 'hold', demand: '' }],
        ] as const) {
          const { page } = player;
          await page.getByTestId('decide').waitFor();
          await page.getByLabel('effort').selectOption(decide.effort);
          if (decide.demand) await page.getByLabel('demand').fill(decide.demand);
          await page.getByRole('button', { name: 'Hand in' }).click();
          await page.getByTestId('pending').waitFor();
        }
        await fac.page.getByText(`Decisions handed in: ${SERBS}, ${GOV}`).waitFor();
        await fac.page.getByRole('button', { name: 'Play the month' }).click();
        for (const p of [serbs.page, gov.page, fac.page])
          await p
            .getByTestId('month')
            .filter({ hasText: String(m + 1) })
            .waitFor();
      }

      // the decisions were applied as handed in on the pages
      const store = server.app.parley.store;
      const rec = (await store.getExercise(id))!;
      expect(rec.status === 'finished' || rec.month === 6).toBe(true);
      expect(rec.log.length).toBe(2 * rec.month);
      expect(rec.log.find((e) => e.month === 0 && e.role === SERBS)?.decision).toEqual({
        effort: 'hold',
        demand: 0.7,
      });
      expect(rec.log.find((e) => e.month === 0 && e.role === GOV)?.decision).toEqual({
        effort: 'escalate',
      });

      // replaying the stored log with the seed reproduces the server's state byte for byte
      const l = loadScenario('bosnia-1995').result;
      if (!l.ok) throw new Error('bosnia-1995 invalid');
      const facState = (await (
        await api('GET', `/exercises/${id}/state`, tokens.facilitator)
      ).json()) as {
        fingerprint: string;
        view: { facilitator: { sides: Record<string, unknown>[]; why: Record<string, unknown>[] } };
      };
      expect(replay(l.value, rec.setup, rec.log).fingerprint()).toBe(facState.fingerprint);

      // each player's page and the answers it received carry only its own side
      const sides = facState.view.facilitator.sides;
      const why = facState.view.facilitator.why;
      for (const [player, p] of [
        [serbs, 0],
        [gov, 1],
      ] as const) {
        const text = (await player.page.locator('main').textContent()) ?? '';
        expect(text).not.toContain('Both sides');
        expect(text).not.toContain('strong type: ');
        expect(text).toContain('Your side');
        const mine = JSON.stringify(sides[p]) + JSON.stringify(why[p]);
        const theirs = { ...sides[1 - p], ...why[1 - p] };
        expect(player.answers.length).toBeGreaterThan(0);
        for (const answer of player.answers) {
          expect(answer).not.toContain('"strongType"');
          expect(answer).not.toContain('"sides"');
          const numbers = numbersIn(JSON.parse(answer));
          for (const [k, v] of Object.entries(theirs))
            if (typeof v === 'number' && v !== 0 && v !== 1 && !mine.includes(String(v)))
              expect(numbers.has(v), `the other side's ${k} (${v})`).toBe(false);
        }
      }
      expect(await fac.page.getByTestId('sides').textContent()).toContain('strong type');

      // the after-action report renders with its chart
      const html = await (
        await api('GET', `/exercises/${id}/report.html`, tokens.facilitator)
      ).text();
      const reportPage = await browsers[2].context.newPage();
      await reportPage.setContent(html);
      await expect(reportPage.locator('h1').textContent()).resolves.toBe('After-action report');
      expect(await reportPage.locator('figure svg path').count()).toBeGreaterThan(2);
      await reportPage.screenshot({ path: join(tmpdir(), `parley-exercise-report-${id}.png`) });
    }, 300_000);
  },
);
