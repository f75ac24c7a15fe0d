/**
 * A two-player exercise in Chromium: two players (each in its own browser context, joined by
 * the link with its role token) and a facilitator play 6 months of bosnia-1995 through the web
 * pages. Checks: each player's page and every API answer it receives carry only its own side;
 * decisions handed in on the page are applied; the stored decision log replayed with the seed
 * gives the server's state byte for byte; the after-action report renders with its chart.
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- JSON answers are checked by expect */
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
  GOV = 'bosnian-government',
  US = 'united-states',
  SERBIA = 'serbia';
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

    it("every role's controls: leader, mediator, patron; the facilitator's steps, pause, injected event, rewind", async () => {
      const api = async (
        method: string,
        path: string,
        token: string,
        body?: unknown,
      ): Promise<any> => {
        const res = await fetch(server.url + path, {
          method,
          headers: {
            authorization: `Bearer ${token}`,
            ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          },
          body: body === undefined ? undefined : JSON.stringify(body),
        });
        return res.json();
      };
      const created = await api('POST', '/exercises', server.token, {
        scenarioId: 'bosnia-1995',
        run: 1,
        roles: [SERBS, GOV, US, SERBIA],
      });
      const id = created.exercise.id as string;
      const tokens = created.tokens as Record<string, string>;
      const b = await launchChromium();
      browsers.push(b);
      const open = async (role: string) => {
        const page = await b.context.newPage();
        await page.goto(`${server.url}/#/exercise/${id}/${tokens[role]}`);
        await page.getByTestId('month').waitFor();
        return page;
      };
      const store = server.app.parley.store;
      const rec = async () => (await store.getExercise(id))!;
      const handIn = async (page: Page) => {
        await page.getByRole('button', { name: 'Hand in' }).click();
        await page.getByTestId('pending').or(page.getByTestId('decision-errors')).waitFor();
      };

      // every control of a player's form has a label
      const labelled = async (page: Page) => {
        const controls = page.getByTestId('decide').locator('input, select');
        expect(await controls.count()).toBeGreaterThan(0);
        for (const c of await controls.all())
          expect(
            await c.evaluate(
              (el) => (el as unknown as { labels: { length: number } | null }).labels?.length ?? 0,
            ),
          ).toBe(1);
      };

      // a leader: out of range is refused with the API's message beside the field, nothing changes
      const gov = await open(GOV);
      await labelled(gov);
      await gov.getByLabel('Demand').fill('1.5');
      await handIn(gov);
      const demandField = gov.locator('.field.invalid', { has: gov.getByLabel('Demand') });
      // the same message the API gives any client for the same decision
      const direct = await api('POST', `/exercises/${id}/decisions`, tokens[GOV], {
        role: GOV,
        month: 0,
        decision: { demand: 1.5 },
      });
      expect(direct.issues[0].path).toEqual(['body', 'decision', 'demand']);
      await expect(demandField.textContent()).resolves.toContain(direct.issues[0].message);
      expect(await gov.getByLabel('Demand').getAttribute('aria-invalid')).toBe('true');
      expect((await rec()).pending).toEqual({});
      await gov.getByLabel('Demand').fill('0.6');
      await gov.getByLabel('Least acceptable share').fill('0.45');
      await gov.getByLabel('Effort').selectOption('hold');
      // keyboard: the form is handed in from the keyboard
      await gov.getByRole('button', { name: 'Hand in' }).focus();
      await gov.keyboard.press('Enter');
      await gov.getByTestId('pending').waitFor();

      // a mediator: offer, approach one side, carrots and sticks within its means, a proposal
      const us = await open(US);
      await labelled(us);
      await us.getByLabel('Carrots for Republic of Bosnia and Herzegovina').fill('2');
      await handIn(us);
      const carrots = us.locator('.field.invalid', {
        has: us.getByLabel('Carrots for Republic of Bosnia and Herzegovina'),
      });
      await expect(carrots.textContent()).resolves.toContain(direct.issues[0].message);
      await us.getByLabel('Carrots for Republic of Bosnia and Herzegovina').fill('0.5');
      await us.getByLabel('Sticks on Republika Srpska').fill('0.25');
      await us.getByLabel('Offer your services').selectOption('yes');
      await us.getByLabel('Approach').selectOption(SERBS);
      await us.getByLabel('Proposal').fill('0.55');
      await handIn(us);
      await us.getByTestId('pending').waitFor();

      // a patron: aid per recipient
      const serbia = await open(SERBIA);
      await labelled(serbia);
      await serbia.getByLabel('Aid to Republika Srpska').fill('0.4');
      await serbia.getByLabel('Least share Republika Srpska').fill('0.6');
      await serbia.getByLabel('Oppose Republika Srpska').selectOption('yes');
      await handIn(serbia);
      await serbia.getByTestId('pending').waitFor();

      // the other leader answers a mediator once one is present (next month)
      const serbs = await open(SERBS);
      await serbs.getByLabel('Posture').selectOption('secret');
      await serbs.getByLabel('Least acceptable share').fill('0.5');
      await handIn(serbs);
      await serbs.getByTestId('pending').waitFor();
      expect((await rec()).pending).toEqual({
        [GOV]: { effort: 'hold', demand: 0.6, leastAcceptable: 0.45 },
        [US]: {
          offerServices: true,
          approach: SERBS,
          proposal: 0.55,
          carrots: { [GOV]: 0.5 },
          sticks: { [SERBS]: 0.25 },
        },
        [SERBIA]: {
          aid: { [SERBS]: 0.4 },
          conditions: { [SERBS]: { minimumShare: 0.6, opposesTalks: true } },
        },
        [SERBS]: { posture: 'secret', leastAcceptable: 0.5 },
      });

      // the facilitator injects a shock, refused first for a leak without secret talks
      const fac = await open('facilitator');
      await fac.getByLabel('Event', { exact: true }).selectOption('leak');
      await fac.getByRole('button', { name: 'Inject' }).click();
      await fac.getByRole('alert').filter({ hasText: 'no secret talks are under way' }).waitFor();
      expect((await rec()).injections).toEqual([]);
      await fac.getByLabel('Event', { exact: true }).selectOption('show-of-strength');
      await fac.getByLabel('By', { exact: true }).selectOption(GOV);
      await fac.getByLabel('Size').fill('0.3');
      await fac.getByLabel('Note').fill('a counter-offensive');
      await fac.getByRole('button', { name: 'Inject' }).click();
      await fac.getByTestId('injected').filter({ hasText: 'show-of-strength' }).waitFor();
      await fac.getByRole('button', { name: 'Play the month' }).click();
      await fac.getByTestId('month').filter({ hasText: '1' }).waitFor();
      const r1 = await rec();
      expect(r1.log.filter((e) => e.month === 0).map((e) => [e.role, e.decision !== null])).toEqual(
        [
          [SERBS, true],
          [GOV, true],
          [US, true],
          [SERBIA, true],
        ],
      );
      await serbs
        .getByText(
          'injected by the facilitator: a show of strength by bosnian-government (a counter-offensive)',
        )
        .waitFor();

      // month 1: the leader may answer the mediator now present
      await serbs.getByTestId('month').filter({ hasText: '1' }).waitFor();
      await serbs.getByLabel('Mediator').selectOption('accept');
      await handIn(serbs);
      await serbs.getByTestId('pending').waitFor();

      // steps of N months; pause refuses to play; resume; rewind
      await fac.getByLabel('Months to play').fill('2');
      await fac.getByRole('button', { name: 'Play 2 months' }).click();
      await fac.getByTestId('month').filter({ hasText: '3' }).waitFor();
      const r3 = await rec();
      expect(r3.log.find((e) => e.month === 1 && e.role === SERBS)?.decision).toEqual({
        mediator: 'accept',
      });
      expect(r3.log.filter((e) => e.month === 2).every((e) => e.decision === null)).toBe(true);
      await fac.getByRole('button', { name: 'Pause' }).click();
      await fac.getByTestId('paused').waitFor();
      await fac.getByLabel('Months to play').fill('1');
      await fac.getByRole('button', { name: 'Play the month' }).click();
      await fac.getByRole('alert').filter({ hasText: 'the exercise is paused' }).waitFor();
      expect((await rec()).month).toBe(3);
      await fac.getByRole('button', { name: 'Resume' }).click();
      await fac.getByRole('button', { name: 'Pause' }).waitFor();
      // the month's deadline, set and cleared from the page
      await fac.getByLabel('Minutes from now').fill('30');
      await fac.getByRole('button', { name: 'Set the deadline' }).click();
      await fac.getByTestId('deadline').filter({ hasText: 'refused after' }).waitFor();
      const due = (await rec()).deadline;
      expect(due).not.toBeNull();
      const ahead = Date.parse(due!) - Date.now();
      expect(ahead).toBeGreaterThan(25 * 60_000);
      expect(ahead).toBeLessThan(31 * 60_000);
      await fac.getByRole('button', { name: 'Clear the deadline' }).click();
      await fac.getByTestId('deadline').filter({ hasText: 'No deadline' }).waitFor();
      expect((await rec()).deadline).toBeNull();
      await fac.getByLabel('Go back to month').fill('7');
      await fac.getByRole('button', { name: 'Rewind' }).click();
      await fac.getByRole('alert').filter({ hasText: 'from 0 to 2; found 7' }).waitFor();
      expect((await rec()).month).toBe(3);
      await fac.getByLabel('Go back to month').fill('1');
      await fac.getByRole('button', { name: 'Rewind' }).click();
      await fac.getByTestId('rewinds').filter({ hasText: 'from month 3 to 1' }).waitFor();
      await serbs.getByTestId('month').filter({ hasText: '1' }).waitFor();
      const back = await rec();
      expect(back.month).toBe(1);
      expect(back.log.every((e) => e.month < 1)).toBe(true);
      expect(back.rewinds[0].log.map((e) => e.month)).toEqual([1, 1, 1, 1, 2, 2, 2, 2]);
      const l = loadScenario('bosnia-1995').result;
      if (!l.ok) throw new Error('bosnia-1995 invalid');
      const st = await api('GET', `/exercises/${id}/state`, tokens.facilitator);
      expect(replay(l.value, back.setup, back.log, back.injections).fingerprint()).toBe(
        st.fingerprint,
      );
    }, 300_000);
  },
);
