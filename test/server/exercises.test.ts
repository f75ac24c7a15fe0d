/**
 * Exercises over the real API on a listening socket, over SQLite and (when
 * PARLEY_TEST_DATABASE_URL is set) PostgreSQL: tokens per role, each player's answers carry only
 * its own side (checked on the wire), bad decisions are refused and change nothing, the
 * exercise survives a server restart, and the stored log replays to the server's state.
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- JSON answers are checked by expect */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/server/app.ts';
import { HistoryService } from '../../src/server/services/history.ts';
import { openPostgresStore, openSqliteStore, type Store } from '../../src/store/index.ts';
import { loadScenario } from '../../src/data/scenarios.ts';
import { replay } from '../../src/exercise/index.ts';

const PG_URL = process.env.PARLEY_TEST_DATABASE_URL;
const SERBS = 'bosnian-serbs',
  GOV = 'bosnian-government',
  US = 'united-states';

function bosnia() {
  const l = loadScenario('bosnia-1995').result;
  if (!l.ok) throw new Error('bosnia-1995 invalid');
  return l.value;
}

type Backend = {
  name: string;
  skip?: string;
  open: () => Promise<Store>;
  cleanup: () => Promise<void>;
};

function sqliteBackend(): Backend {
  const dir = mkdtempSync(join(tmpdir(), 'parley-ex-'));
  return {
    name: 'sqlite',
    open: () => openSqliteStore(join(dir, 'ex.db')),
    cleanup: () => Promise.resolve(rmSync(dir, { recursive: true, force: true })),
  };
}
function pgBackend(): Backend {
  const schema = `t_${randomBytes(6).toString('hex')}`;
  return {
    name: 'postgres',
    skip: PG_URL ? undefined : 'PARLEY_TEST_DATABASE_URL is not set',
    open: () => openPostgresStore(PG_URL!, { schema, max: 4 }),
    cleanup: async () => {
      const c = new pg.Client(PG_URL);
      await c.connect();
      await c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await c.end();
    },
  };
}

const history = HistoryService.load();

/** Every number anywhere in a JSON answer. */
function numbersIn(x: unknown, out = new Set<number>()): Set<number> {
  if (typeof x === 'number') out.add(x);
  else if (x && typeof x === 'object') for (const v of Object.values(x)) numbersIn(v, out);
  return out;
}

async function serve(store: Store): Promise<{ url: string; app: FastifyInstance }> {
  const app = await buildApp({ store, history, config: { rateLimit: false, threads: 1 } });
  return { url: await app.listen({ port: 0, host: '127.0.0.1' }), app };
}

async function call(url: string, method: string, path: string, token?: string, body?: unknown) {
  const headers: Record<string, string> = {};
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(url + path, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, text, body: text ? JSON.parse(text) : null };
}

for (const backend of [sqliteBackend(), pgBackend()])
  describe.skipIf(backend.skip !== undefined)(`exercises over the API (${backend.name})`, () => {
    afterAll(() => backend.cleanup());

    it('create, join, see only your side, decide, advance, restart, finish, report', async () => {
      let store = await backend.open();
      await store.saveScenario(bosnia());
      const { token: api } = await store.createToken('facilitator');
      let server = await serve(store);
      try {
        const openapi = (await call(server.url, 'GET', '/openapi.json')).body;
        for (const p of [
          '/exercises',
          '/exercises/{id}/state',
          '/exercises/{id}/decisions',
          '/exercises/{id}/advance',
          '/exercises/{id}/report',
        ])
          expect(Object.keys(openapi.paths)).toContain(p);

        expect(
          (
            await call(server.url, 'POST', '/exercises', undefined, {
              scenarioId: 'bosnia-1995',
              roles: [SERBS],
            })
          ).status,
        ).toBe(401);
        const bad = await call(server.url, 'POST', '/exercises', api, {
          scenarioId: 'bosnia-1995',
          roles: ['nobody'],
        });
        expect(bad.status).toBe(400);
        expect(bad.body.issues[0].message).toContain('nobody is not a party');

        const created = await call(server.url, 'POST', '/exercises', api, {
          scenarioId: 'bosnia-1995',
          run: 2,
          roles: [SERBS, GOV, US],
        });
        expect(created.status, created.text).toBe(201);
        const id = created.body.exercise.id as string;
        const tokens = created.body.tokens as Record<string, string>;
        expect(Object.keys(tokens).sort()).toEqual([
          'bosnian-government',
          'bosnian-serbs',
          'facilitator',
          'united-states',
        ]);
        const ex = (p: string) => `/exercises/${id}${p}`;

        // without or with a wrong token: 401
        expect((await call(server.url, 'GET', ex('/state'))).status).toBe(401);
        expect((await call(server.url, 'GET', ex('/state'), api)).status).toBe(401);

        // play three months with decisions, checking the wire each month
        for (let m = 0; m < 3; m++) {
          const fac = (await call(server.url, 'GET', ex('/state'), tokens.facilitator)).body;
          const a = await call(server.url, 'GET', ex('/state'), tokens[SERBS]);
          expect(a.status).toBe(200);
          expect(a.body.view.kind).toBe('leader');
          expect(a.body.view.facilitator).toBeNull();
          expect(a.body.standing).toBeNull();
          expect(a.body.fingerprint).toBeNull();
          for (const key of ['strongType', 'sides', 'enemyStrongBelief'])
            expect(a.text).not.toContain(`"${key}"`);
          // none of B's private numbers is on A's wire (values A's side shares are not telling)
          const mine =
            JSON.stringify(fac.view.facilitator.sides[0]) +
            JSON.stringify(fac.view.facilitator.why[0]);
          const theirs = {
            ...fac.view.facilitator.sides[1],
            ...fac.view.facilitator.why[1],
            belief: fac.view.facilitator.enemyStrongBelief[1],
          };
          for (const [k, v] of Object.entries(theirs))
            if (typeof v === 'number' && v !== 0 && v !== 1 && !mine.includes(String(v)))
              expect(numbersIn(a.body).has(v), `B's ${k} (${v})`).toBe(false);
          const med = (await call(server.url, 'GET', ex('/state'), tokens[US])).body;
          expect(med.view.own).toBeNull();
          expect(med.view.beliefEnemyStrong).toBeNull();
          expect(med.view.mediatorMeans).not.toBeNull();

          const month = a.body.exercise.month;
          const talks = a.body.view.talks;
          const ok = await call(server.url, 'POST', ex('/decisions'), tokens[SERBS], {
            role: SERBS,
            month,
            decision: { posture: talks === 'closed' ? 'secret' : talks, demand: 0.6 },
          });
          expect(ok.status, ok.text).toBe(200);
          await call(server.url, 'POST', ex('/decisions'), tokens[GOV], {
            role: GOV,
            month,
            decision: { effort: 'hold' },
          });
          // a changed mind replaces the earlier decision
          const again = await call(server.url, 'POST', ex('/decisions'), tokens[GOV], {
            role: GOV,
            month,
            decision: { effort: 'hold', leastAcceptable: 0.5 },
          });
          expect(again.body.pending).toEqual({ effort: 'hold', leastAcceptable: 0.5 });

          // refused, and nothing changes
          const before = (await call(server.url, 'GET', ex('/state'), tokens.facilitator)).body;
          const refusals: [string, string | undefined, unknown, number, RegExp][] = [
            [
              'for another role',
              tokens[SERBS],
              { role: GOV, month, decision: { effort: 'escalate' } },
              403,
              /plays bosnian-serbs; it cannot decide for bosnian-government/,
            ],
            [
              'out of range',
              tokens[SERBS],
              { role: SERBS, month, decision: { demand: 1.5 } },
              400,
              /demand/,
            ],
            [
              'a field of another kind of role',
              tokens[SERBS],
              { role: SERBS, month, decision: { aid: { [SERBS]: 1 } } },
              400,
              /aid: a leader/,
            ],
            [
              'for another month',
              tokens[SERBS],
              { role: SERBS, month: month + 1, decision: {} },
              409,
              /for month \d+, but the exercise is at month/,
            ],
            [
              'a revoked or foreign token',
              'parleyx_000000000000_' + 'a'.repeat(32),
              { role: SERBS, month, decision: {} },
              401,
              /unknown or revoked/,
            ],
          ];
          for (const [what, token, body, status, message] of refusals) {
            const r = await call(server.url, 'POST', ex('/decisions'), token, body);
            expect(r.status, what).toBe(status);
            expect(
              r.body.issues.map((i: any) => `${i.path.join('.')}: ${i.message}`).join(' '),
              what,
            ).toMatch(message);
          }
          const after = (await call(server.url, 'GET', ex('/state'), tokens.facilitator)).body;
          expect(after.pending).toEqual(before.pending);
          expect(after.fingerprint).toBe(before.fingerprint);
          expect(after.exercise.updatedAt).toBe(before.exercise.updatedAt);

          expect((await call(server.url, 'POST', ex('/advance'), tokens[SERBS], {})).status).toBe(
            403,
          );
          const adv = await call(server.url, 'POST', ex('/advance'), tokens.facilitator, {});
          expect(adv.status, adv.text).toBe(200);
          expect(adv.body.log.find((e: any) => e.role === US).decision).toBeNull();
          expect(adv.body.log.find((e: any) => e.role === GOV).decision).toEqual({
            effort: 'hold',
            leastAcceptable: 0.5,
          });
          if (adv.body.exercise.status === 'finished') break;
        }

        // a deadline in the past refuses decisions for the month
        const st = (await call(server.url, 'GET', ex('/state'), tokens.facilitator)).body;
        if (st.exercise.status === 'open') {
          const dl = await call(server.url, 'PUT', ex('/deadline'), tokens.facilitator, {
            deadline: '2000-01-01T00:00:00Z',
          });
          expect(dl.status).toBe(200);
          const late = await call(server.url, 'POST', ex('/decisions'), tokens[SERBS], {
            role: SERBS,
            month: st.exercise.month,
            decision: { effort: 'hold' },
          });
          expect(late.status).toBe(409);
          expect(late.body.issues[0].message).toMatch(/deadline for month \d+ passed/);
          await call(server.url, 'PUT', ex('/deadline'), tokens.facilitator, { deadline: null });
        }

        // tokens are revocable; a new one can be issued
        const list = (await call(server.url, 'GET', ex('/tokens'), tokens.facilitator))
          .body as any[];
        const serbsToken = list.find((t) => t.role === SERBS);
        expect(
          (await call(server.url, 'DELETE', ex(`/tokens/${serbsToken.id}`), tokens.facilitator))
            .status,
        ).toBe(204);
        expect((await call(server.url, 'GET', ex('/state'), tokens[SERBS])).status).toBe(401);
        const issued = await call(server.url, 'POST', ex('/tokens'), tokens.facilitator, {
          role: SERBS,
        });
        expect(issued.status).toBe(201);
        tokens[SERBS] = issued.body.token;
        expect((await call(server.url, 'GET', ex('/state'), tokens[SERBS])).status).toBe(200);

        // restart: a new server over the same database resumes the exercise as it was
        const beforeRestart = (await call(server.url, 'GET', ex('/state'), tokens.facilitator))
          .body;
        await server.app.close();
        await store.close();
        store = await backend.open();
        server = await serve(store);
        const afterRestart = (await call(server.url, 'GET', ex('/state'), tokens.facilitator)).body;
        expect(afterRestart).toEqual(beforeRestart);
        // the stored log replayed with the seed gives the server's state byte for byte
        const rec = (await store.getExercise(id))!;
        expect(replay(bosnia(), rec.setup, rec.log).fingerprint()).toBe(afterRestart.fingerprint);

        // play to the end
        for (let k = 0; k < 80; k++) {
          const r = await call(server.url, 'POST', ex('/advance'), tokens.facilitator, {});
          if (r.status === 409) {
            expect(r.body.issues[0].code).toBe('finished');
            break;
          }
          expect(r.status, r.text).toBe(200);
        }
        const end = (await call(server.url, 'GET', ex('/state'), tokens[GOV])).body;
        expect(end.exercise.status).toBe('finished');
        const late = await call(server.url, 'POST', ex('/decisions'), tokens[GOV], {
          role: GOV,
          month: end.exercise.month,
          decision: { effort: 'hold' },
        });
        expect(late.status).toBe(409);
        expect(late.body.issues[0].message).toMatch(/finished/);

        // on a finished exercise the facilitator's controls are refused, except a rewind
        const finishedRefusals: [string, string, unknown][] = [
          [
            'POST',
            '/events',
            {
              event: { kind: 'show-of-strength', month: end.exercise.month, party: GOV, size: 0.2 },
            },
          ],
          ['PUT', '/pause', { paused: true }],
          ['POST', '/advance', { months: 3 }],
        ];
        for (const [method, path, body] of finishedRefusals) {
          const r = await call(server.url, method, ex(path), tokens.facilitator, body);
          expect(r.status, path).toBe(409);
          expect(r.body.issues[0].code, path).toBe('finished');
        }
        expect((await call(server.url, 'GET', ex('/state'), tokens[GOV])).body).toEqual(end);

        const report = await call(server.url, 'GET', ex('/report'), tokens[GOV]);
        expect(report.status, report.text).toBe(200);
        expect(report.body.finished).toBe(true);
        expect(report.body.percentiles.warMonths.percentile).toBeGreaterThanOrEqual(0);
        expect(report.body.standing.length).toBe(end.exercise.month);
        expect(report.body.view.facilitator).toBeNull();
        expect(report.text).not.toContain('"strongType"');

        // briefing packets and the after-action report, as HTML and (Chromium) PDF
        const brief = await fetch(`${server.url}${ex('/briefing')}`, {
          headers: { authorization: `Bearer ${tokens[GOV]}` },
        });
        expect(brief.status).toBe(200);
        const briefHtml = await brief.text();
        expect(briefHtml).toContain('Briefing: Republic of Bosnia and Herzegovina');
        expect(briefHtml).toContain('Your constraints');
        expect(briefHtml).toContain('Historical analogues');
        expect(briefHtml).not.toContain('Your means');
        const medBrief = await fetch(`${server.url}${ex('/briefing')}`, {
          headers: { authorization: `Bearer ${tokens[US]}` },
        });
        expect(await medBrief.text()).toContain('Your means');
        const html = await fetch(`${server.url}${ex('/report.html')}`, {
          headers: { authorization: `Bearer ${tokens.facilitator}` },
        });
        expect(html.status).toBe(200);
        const htmlText = await html.text();
        for (const part of [
          'After-action report',
          '<svg',
          'Timeline of decisions and events',
          'Turning points',
          'Historical cases that resemble',
        ])
          expect(htmlText).toContain(part);
        if (backend.name === 'sqlite') {
          const pdf = await fetch(`${server.url}${ex('/report.html')}?format=pdf`, {
            headers: { authorization: `Bearer ${tokens.facilitator}` },
          });
          expect([200, 501]).toContain(pdf.status);
          if (pdf.status === 200) {
            expect(pdf.headers.get('content-type')).toBe('application/pdf');
            expect(
              Buffer.from(await pdf.arrayBuffer())
                .subarray(0, 5)
                .toString(),
            ).toBe('%PDF-');
          }
        }

        // a rewind reopens a finished exercise
        const reopened = await call(server.url, 'POST', ex('/rewind'), tokens.facilitator, {
          month: 1,
        });
        expect(reopened.status, reopened.text).toBe(200);
        expect(reopened.body).toMatchObject({ status: 'open', month: 1 });
      } finally {
        await server.app.close();
        await store.close();
      }
    }, 120_000);

    it('facilitator controls: steps of N months, pause, injected events, rewind; a mediator approaches one side', async () => {
      const store = await backend.open();
      await store.saveScenario(bosnia());
      const { token: api } = await store.createToken('facilitator');
      const server = await serve(store);
      try {
        const created = await call(server.url, 'POST', '/exercises', api, {
          scenarioId: 'bosnia-1995',
          run: 3,
          roles: [SERBS, GOV, US],
        });
        expect(created.status, created.text).toBe(201);
        const id = created.body.exercise.id as string;
        const tokens = created.body.tokens as Record<string, string>;
        const ex = (p: string) => `/exercises/${id}${p}`;
        const fac = tokens.facilitator;
        const state = async (): Promise<any> =>
          (await call(server.url, 'GET', ex('/state'), fac)).body;
        const openapi = (await call(server.url, 'GET', '/openapi.json')).body;
        for (const p of [
          '/exercises/{id}/pause',
          '/exercises/{id}/rewind',
          '/exercises/{id}/events',
        ])
          expect(Object.keys(openapi.paths)).toContain(p);

        // month 0: the mediator arrives approaching the Bosnian Serbs only; the government
        // (played by the model this month) is not asked, so it cannot have accepted it
        const med = await call(server.url, 'POST', ex('/decisions'), tokens[US], {
          role: US,
          month: 0,
          decision: { offerServices: true, approach: SERBS, carrots: { [GOV]: 0.5 } },
        });
        expect(med.status, med.text).toBe(200);
        const badApproach = await call(server.url, 'POST', ex('/decisions'), tokens[US], {
          role: US,
          month: 0,
          decision: { approach: 'serbia' },
        });
        expect(badApproach.status).toBe(400);
        expect(badApproach.body.issues[0].message).toMatch(/approach: serbia is not a belligerent/);
        const one = await call(server.url, 'POST', ex('/advance'), fac, {});
        expect(one.status, one.text).toBe(200);
        let st = await state();
        expect(st.view.mediatorsPresent).toContain(US);
        expect(st.view.facilitator.sides[1].acceptedMediators).not.toContain(US);

        // steps of N months: the model decides for every role after the first, logged as such
        const step = await call(server.url, 'POST', ex('/advance'), fac, { months: 3 });
        expect(step.status, step.text).toBe(200);
        expect(step.body.exercise.month).toBe(4);
        expect(step.body.log.map((e: { month: number }) => e.month)).toEqual([
          1, 1, 1, 2, 2, 2, 3, 3, 3,
        ]);
        expect(step.body.log.every((e: any) => e.decision === null)).toBe(true);
        const tooMany = await call(server.url, 'POST', ex('/advance'), fac, { months: 500 });
        expect(tooMany.status).toBe(400);
        expect(JSON.stringify(tooMany.body.issues)).toMatch(/months/);

        // injected events: checked now, refused with a clear message, played with the month
        const before = await state();
        const refusedEvents: [unknown, number, RegExp][] = [
          [{ kind: 'leak', month: 4 }, 400, /no secret talks are under way/],
          [
            { kind: 'show-of-strength', month: 9, party: SERBS, size: 0.3 },
            400,
            /the event is for month 9, but the exercise is at month 4/,
          ],
          [
            { kind: 'show-of-strength', month: 4, party: 'serbia', size: 0.3 },
            400,
            /party: serbia is not a belligerent/,
          ],
          [{ kind: 'earthquake', month: 4 }, 400, /kind|Invalid/],
        ];
        for (const [event, status, message] of refusedEvents) {
          const r = await call(server.url, 'POST', ex('/events'), fac, { event });
          expect(r.status, JSON.stringify(event)).toBe(status);
          expect(JSON.stringify(r.body.issues)).toMatch(message);
        }
        const playerInjects = await call(server.url, 'POST', ex('/events'), tokens[SERBS], {
          event: { kind: 'show-of-strength', month: 4, party: SERBS, size: 0.3 },
        });
        expect(playerInjects.status).toBe(403);
        expect((await state()).fingerprint).toBe(before.fingerprint);
        expect((await state()).exercise.updatedAt).toBe(before.exercise.updatedAt);
        const shock = {
          kind: 'show-of-strength',
          month: 4,
          party: GOV,
          size: 0.4,
          note: 'a counter-offensive',
        };
        const inj = await call(server.url, 'POST', ex('/events'), fac, { event: shock });
        expect(inj.status, inj.text).toBe(200);
        expect(inj.body.injections).toEqual([shock]);
        // players do not see a pending injection
        const serbsBefore = await call(server.url, 'GET', ex('/state'), tokens[SERBS]);
        expect(serbsBefore.body.injections).toBeNull();
        expect(serbsBefore.text).not.toContain('counter-offensive');

        // pause: no month is played, the deadline is frozen and moves on when resumed
        const deadline = new Date(Date.now() + 60_000).toISOString();
        await call(server.url, 'PUT', ex('/deadline'), fac, { deadline });
        const paused = await call(server.url, 'PUT', ex('/pause'), fac, { paused: true });
        expect(paused.status, paused.text).toBe(200);
        expect(paused.body.pausedAt).not.toBeNull();
        const whilePaused = await call(server.url, 'POST', ex('/advance'), fac, {});
        expect(whilePaused.status).toBe(409);
        expect(whilePaused.body.issues[0].message).toMatch(/paused .*resume it to play on/);
        expect((await call(server.url, 'PUT', ex('/pause'), fac, { paused: true })).status).toBe(
          409,
        );
        expect(
          (await call(server.url, 'PUT', ex('/pause'), tokens[GOV], { paused: false })).status,
        ).toBe(403);
        // decisions may still be handed in while paused
        const dec = await call(server.url, 'POST', ex('/decisions'), tokens[GOV], {
          role: GOV,
          month: 4,
          decision: { effort: 'hold', leastAcceptable: 0.55 },
        });
        expect(dec.status, dec.text).toBe(200);
        await new Promise((r) => setTimeout(r, 30));
        // a deadline that passed before the pause stays passed while paused
        await call(server.url, 'PUT', ex('/pause'), fac, { paused: false });
        await call(server.url, 'PUT', ex('/deadline'), fac, { deadline: '2000-01-01T00:00:00Z' });
        await call(server.url, 'PUT', ex('/pause'), fac, { paused: true });
        const late = await call(server.url, 'POST', ex('/decisions'), tokens[SERBS], {
          role: SERBS,
          month: 4,
          decision: { effort: 'hold' },
        });
        expect(late.status).toBe(409);
        expect(late.body.issues[0].message).toMatch(/deadline for month 4 passed/);
        await call(server.url, 'PUT', ex('/pause'), fac, { paused: false });
        await call(server.url, 'PUT', ex('/deadline'), fac, { deadline });
        await call(server.url, 'PUT', ex('/pause'), fac, { paused: true });
        await new Promise((r) => setTimeout(r, 30));
        const resumed = await call(server.url, 'PUT', ex('/pause'), fac, { paused: false });
        expect(resumed.status).toBe(200);
        expect(resumed.body.pausedAt).toBeNull();
        expect(Date.parse(resumed.body.deadline)).toBeGreaterThan(Date.parse(deadline) + 20);

        const played = await call(server.url, 'POST', ex('/advance'), fac, { months: 2 });
        expect(played.status, played.text).toBe(200);
        st = await state();
        expect(st.view.events.some((e: any) => e.kind === 'injected' && e.month === 4)).toBe(true);
        const serbsAfter = await call(server.url, 'GET', ex('/state'), tokens[SERBS]);
        expect(serbsAfter.body.view.events.map((e: { text: string }) => e.text)).toContain(
          'injected by the facilitator: a show of strength by bosnian-government (a counter-offensive)',
        );
        const rec = (await store.getExercise(id))!;
        expect(replay(bosnia(), rec.setup, rec.log, rec.injections).fingerprint()).toBe(
          st.fingerprint,
        );
        expect(replay(bosnia(), rec.setup, rec.log).fingerprint()).not.toBe(st.fingerprint);

        // rewind: out of range refused (nothing changes); back to month 4 drops months 4, 5
        const beforeRewind = await state();
        for (const month of [st.exercise.month, 99, -1]) {
          const r = await call(server.url, 'POST', ex('/rewind'), fac, { month });
          expect(r.status, String(month)).toBe(400);
          if (month >= 0)
            expect(r.body.issues[0].message).toMatch(
              /rewind goes back to an earlier month, from 0 to \d+; found/,
            );
        }
        expect(
          (await call(server.url, 'POST', ex('/rewind'), tokens[SERBS], { month: 1 })).status,
        ).toBe(403);
        expect((await state()).fingerprint).toBe(beforeRewind.fingerprint);
        const rw = await call(server.url, 'POST', ex('/rewind'), fac, { month: 4 });
        expect(rw.status, rw.text).toBe(200);
        expect(rw.body.month).toBe(4);
        const back = await state();
        expect(back.pending).toEqual({});
        expect(back.injections).toEqual([]);
        expect(back.rewinds).toHaveLength(1);
        expect(back.rewinds[0]).toMatchObject({ from: 6, to: 4, injections: [shock] });
        expect(back.rewinds[0].log.map((e: { month: number }) => e.month)).toEqual([
          4, 4, 4, 5, 5, 5,
        ]);
        expect(back.view.events.some((e: any) => e.kind === 'injected')).toBe(false);
        const again = replay(
          bosnia(),
          rec.setup,
          rec.log.filter((e) => e.month < 4),
        );
        expect(back.fingerprint).toBe(again.fingerprint());
        expect(back.fingerprint).toBe(before.fingerprint);
        // the facilitator's report lists the rewind (a player's, at the end, leaves it out)
        const facReport = await fetch(`${server.url}${ex('/report.html')}`, {
          headers: { authorization: `Bearer ${fac}` },
        });
        const facHtml = await facReport.text();
        expect(facHtml).toContain('<h2>Rewinds</h2>');
        expect(facHtml).toMatch(/<td>6<\/td><td>4<\/td><td>\d+ decisions, 1 injected events<\/td>/);
      } finally {
        await server.app.close();
        await store.close();
      }
    }, 120_000);
  });
