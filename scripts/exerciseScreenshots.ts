/**
 * README screenshots of exercise mode (docs/img/exercise-*.png), generated, never hand-made:
 * plays bosnia-1995 (path 0) with the example decisions of examples/exercise-bosnia.yaml for the
 * Bosnian government, then renders its briefing and the after-action report (the facilitator's)
 * in Debian's Chromium; and a player's month and the facilitator's page in the web UI (built
 * into a temporary folder and served by the real API, as the browser test does).
 * Run: `npx tsx scripts/exerciseScreenshots.ts`.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { parse as parseYaml } from 'yaml';
import { loadScenario } from '../src/data/scenarios.ts';
import {
  decisionEffects,
  Exercise,
  LogEntrySchema,
  modelDistribution,
  outcomePercentiles,
  replay,
  standing,
  viewFor,
  type ExerciseReport,
} from '../src/exercise/index.ts';
import { HistoryService } from '../src/server/services/history.ts';
import { briefingHtml, exerciseReportHtml } from '../src/report/exerciseHtml.ts';
import { buildWebUi, startWebServer } from '../test/web/webServer.ts';

const ROLE = 'bosnian-government';
const loaded = loadScenario('bosnia-1995').result;
if (!loaded.ok) throw new Error('bosnia-1995 is invalid');
const scenario = loaded.value;
const setup = { run: 0, roles: [ROLE] };
const log = LogEntrySchema.omit({ role: true })
  .extend({ role: LogEntrySchema.shape.role.default(ROLE) })
  .array()
  .parse(parseYaml(readFileSync('examples/exercise-bosnia.yaml', 'utf8')));
const played = replay(scenario, setup, log);
while (!played.finished) played.advance({});
const history = HistoryService.load();
const analogues = history.analoguesOfScenario(scenario, 5).analogues;
const dist = modelDistribution(scenario, 500);
const standings: ReturnType<typeof standing>[] = [];
replay(scenario, setup, played.log, [], (ex) => standings.push(standing(ex, dist)));
const report: ExerciseReport = {
  outcome: played.outcome(),
  finished: true,
  month: played.month,
  standing: standings,
  model: { runs: dist.runs, talksOpenedBy: dist.talksOpenedBy, endedBy: dist.endedBy },
  percentiles: outcomePercentiles(played, dist),
  effects: decisionEffects(played, 4, 5),
  view: viewFor(played, 'facilitator'),
};
const pages = {
  'exercise-briefing': briefingHtml({
    scenario,
    role: ROLE,
    view: viewFor(new Exercise(scenario, setup), ROLE),
    analogues,
  }),
  'exercise-report': await exerciseReportHtml({
    scenario,
    report,
    log: played.log,
    analogues: history.analoguesOfPath(played, 5).analogues,
  }),
};
const profile = mkdtempSync(join(tmpdir(), 'parley-shots-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.PARLEY_CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'],
  viewport: { width: 1000, height: 1300 },
});
try {
  const page = await context.newPage();
  for (const [name, html] of Object.entries(pages)) {
    await page.setContent(html, { waitUntil: 'load' });
    await page.screenshot({ path: `docs/img/${name}.png` });
    console.log(`docs/img/${name}.png`);
  }
  // a player's month in the web UI: the Bosnian Serb leadership after two months
  const dist = mkdtempSync(join(tmpdir(), 'parley-shots-dist-'));
  buildWebUi(dist);
  const server = await startWebServer(dist);
  try {
    const api = async (method: string, path: string, token: string, body?: unknown) => {
      const res = await fetch(server.url + path, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return (await res.json()) as Record<string, unknown>;
    };
    const created = (await api('POST', '/exercises', server.token, {
      scenarioId: 'bosnia-1995',
      roles: ['bosnian-serbs', ROLE],
    })) as { exercise: { id: string }; tokens: Record<string, string> };
    const { id } = created.exercise;
    for (let m = 0; m < 2; m++) {
      await api('POST', `/exercises/${id}/decisions`, created.tokens['bosnian-serbs'], {
        role: 'bosnian-serbs',
        month: m,
        decision: { effort: 'hold', posture: m === 0 ? 'closed' : 'secret' },
      });
      await api('POST', `/exercises/${id}/advance`, created.tokens.facilitator, {});
    }
    await page.setViewportSize({ width: 1100, height: 900 });
    await page.goto(`${server.url}/#/exercise/${id}/${created.tokens['bosnian-serbs']}`);
    await page.getByTestId('decide').waitFor();
    await page.getByLabel('posture').selectOption('secret');
    await page.getByLabel('demand').fill('0.65');
    await page.screenshot({ path: 'docs/img/exercise-player.png' });
    console.log('docs/img/exercise-player.png');
    // the facilitator's page with a show of strength about to be injected
    await page.setViewportSize({ width: 1100, height: 1100 });
    await page.goto(`${server.url}/#/exercise/${id}/${created.tokens.facilitator}`);
    await page.getByTestId('facilitator-controls').waitFor();
    await page.getByLabel('Months to play').fill('3');
    await page.getByLabel('By', { exact: true }).selectOption('bosnian-government');
    await page.getByLabel('Size').fill('0.3');
    await page.getByLabel('Note').fill('Operation Storm');
    await page.screenshot({ path: 'docs/img/exercise-facilitator.png' });
    console.log('docs/img/exercise-facilitator.png');
  } finally {
    await server.close();
    rmSync(dist, { recursive: true, force: true });
  }
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}
