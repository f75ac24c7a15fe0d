/**
 * Scenario bodies are bounded in what they cost and what they answer (issue #15, finding 2):
 * at most MAX_ISSUES issues plus one "and K more"; large bodies are read off the event loop, so
 * `/health` answers while one is being parsed; a bounded number at once (503 + Retry-After),
 * each within a time budget; and the worker path gives the same answer as the inline one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { closePools } from '../../src/jobs/localPool.ts';
import { MAX_ISSUES } from '../../src/model/index.ts';
import { ScenarioParser, DEFAULT_PARSER_LIMITS } from '../../src/server/services/scenarioParser.ts';
import { call, smallScenario, startTestServer, type TestServer } from './helper.ts';

/** The body from the finding: 750 kB of `"ÿ" `, one YAML error every four characters. */
const JUNK = '"ÿ" '.repeat(750_000 / 4);

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(async () => {
  await s.close();
  await closePools();
});

const withParser = (limits: Partial<typeof DEFAULT_PARSER_LIMITS>) => {
  s.app.parley.parser = new ScenarioParser({ ...DEFAULT_PARSER_LIMITS, ...limits });
};

describe('scenario bodies', () => {
  it('answers at most MAX_ISSUES issues and says how many more there were', async () => {
    withParser({});
    const r = await call(s, 'POST', '/scenarios/validate', { raw: JUNK, type: 'application/yaml' });
    expect(r.status).toBe(200);
    expect(r.body.valid).toBe(false);
    expect(r.body.issues).toHaveLength(MAX_ISSUES + 1);
    const last = r.body.issues.at(-1);
    expect(last.code).toBe('too_many_issues');
    expect(last.message).toMatch(/^and [\d,]+ more problems/);
    expect(r.text.length).toBeLessThan(100_000);
  });

  it('keeps /health answering while a large body is parsed', async () => {
    withParser({});
    let validated = false;
    const pending = call(s, 'POST', '/scenarios/validate', {
      raw: JUNK,
      type: 'application/yaml',
    }).then((r) => {
      validated = true;
      return r;
    });
    // the body is on its way; /health must not wait for its parse (seconds of CPU)
    await new Promise((r) => setTimeout(r, 150));
    const health = await call(s, 'GET', '/health');
    expect(health.status).toBe(200);
    expect(validated).toBe(false);
    expect((await pending).body.valid).toBe(false);
  });

  it('gives the same answer in the worker as inline, for valid and invalid bodies', async () => {
    const body = stringify(smallScenario({ id: 'worker-path' }));
    const broken = body.replace('runs: 200', 'runs: -5');
    const answers = [];
    for (const inlineBytes of [Infinity, 0]) {
      withParser({ inlineBytes });
      const ok = await call(s, 'POST', '/scenarios/validate', {
        raw: body,
        type: 'application/yaml',
      });
      const bad = await call(s, 'POST', '/scenarios/validate', {
        raw: broken,
        type: 'application/yaml',
      });
      const saved = await call(s, 'POST', '/scenarios', {
        raw: body,
        type: 'application/yaml',
        token: true,
      });
      answers.push({ ok: ok.body, bad: bad.body, saved: saved.status });
    }
    expect(answers[0].ok.valid).toBe(true);
    expect(answers[0].bad.issues.length).toBeGreaterThan(0);
    expect(answers[1]).toEqual({ ...answers[0], saved: answers[1].saved });
    expect([answers[0].saved, answers[1].saved]).toEqual([201, 200]);
  });

  it('refuses more large bodies at once than it reads, with 503 and Retry-After', async () => {
    withParser({ inlineBytes: 0, maxPending: 1 });
    const answers = await Promise.all(
      [0, 1, 2].map(() =>
        call(s, 'POST', '/scenarios/validate', { raw: JUNK, type: 'application/yaml' }),
      ),
    );
    const busy = answers.filter((a) => a.status === 503);
    expect(busy.length).toBeGreaterThan(0);
    expect(busy[0].headers.get('retry-after')).toBe('2');
    expect(busy[0].body.issues[0].code).toBe('busy');
    expect(answers.some((a) => a.status === 200)).toBe(true);
  });

  it('stops a body that takes longer than the time budget, and serves on', async () => {
    withParser({ inlineBytes: 0, timeoutMs: 1 });
    const r = await call(s, 'POST', '/scenarios/validate', { raw: JUNK, type: 'application/yaml' });
    expect(r.status).toBe(400);
    expect(r.body.issues[0].code).toBe('too_complex');
    withParser({});
    expect((await call(s, 'GET', '/health')).status).toBe(200);
  });

  it('refuses a __proto__ key in a scenario body by name, wherever it is', async () => {
    withParser({});
    const doc = smallScenario({ id: 'proto-demand' });
    doc.front = { ...doc.front, demands: {} };
    const yaml = stringify(doc).replace('demands: {}', 'demands: { __proto__: 0.3 }');
    expect(yaml).toContain('__proto__');
    const r = await call(s, 'POST', '/scenarios', {
      raw: yaml,
      type: 'application/yaml',
      token: true,
    });
    expect(r.status).toBe(400);
    expect(r.body.issues[0]).toMatchObject({
      code: 'reserved_key',
      path: ['body', 'front', 'demands', '__proto__'],
    });
    // a JSON body keeps `__proto__` as an own key too (JSON.parse): refused the same way
    const json = JSON.stringify(doc).replace('"demands":{}', '"demands":{"__proto__":0.3}');
    expect(json).toContain('__proto__');
    for (const path of ['/scenarios', '/scenarios/validate']) {
      const j = await call(s, 'POST', path, { raw: json, token: true });
      expect(j.status).toBe(path === '/scenarios' ? 400 : 200);
      const issues = j.body.issues;
      expect(issues[0]).toMatchObject({
        code: 'reserved_key',
        message: expect.stringContaining('__proto__'),
      });
      expect(issues[0].path.slice(-3)).toEqual(['front', 'demands', '__proto__']);
    }
  });
});
