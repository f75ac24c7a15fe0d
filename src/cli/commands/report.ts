/**
 * `parley report <scenario> -o report.html`: one self-contained HTML report (summary, why,
 * charts as inline SVG, interventions compared, sensitivity, analogues, insights, provisions); --png-dir
 * writes every chart as PNG; --pdf prints the HTML with Chromium when it is installed.
 * Nothing is written unless the scenario is valid and every requested output can be produced.
 */
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Command } from 'commander';
import { distributionFactors, type Comparison, type Tornado } from '../../analysis/index.ts';
import { loadCases } from '../../data/cases.ts';
import { findAnalogues } from '../../history/analogues.ts';
import { runInsights } from '../../history/insights/index.ts';
import { scenarioFeatures } from '../../history/scenarioFeatures.ts';
import { mulberry32 } from '../../history/stats.ts';
import { runScenarioParallel } from '../../jobs/localPool.ts';
import { closePools } from '../../jobs/workerPool.ts';
import * as charts from '../../report/charts/index.ts';
import { reportHtml, type ReportChart } from '../../report/html.ts';
import { renderSvg, svgToPng } from '../../report/render.ts';
import { formatRunSummary } from '../../report/summary.ts';
import { UserError } from '../exit.ts';
import { progressBar } from '../progress.ts';
import { int, overrideInt, loadWithOverrides, writeAtomic } from '../scenarioInput.ts';
import { compareForCli } from './compare.ts';
import { orExit } from './sensitivity.ts';
import { runTornado } from '../../jobs/analyses.ts';
import { htmlToPdf, pdfUnavailable } from '../../report/pdf.ts';
import { dataOption } from '../dataDir.ts';
import { reportProvisions } from '../reportProvisions.ts';

const RELEVANT_TOPICS = new Set([
  'back-channels',
  'time-to-talks',
  'mediation',
  'leverage-guarantees',
  'failed-talks',
  'momentum',
]);

interface ReportOptions {
  out: string;
  pngDir?: string;
  pdf?: boolean;
  runs?: number;
  seed?: number;
  horizon?: number;
  threads: number;
  sensitivityRuns: number;
  variants?: string[];
  data?: string;
  quiet?: boolean;
}

function monthsBetween(from: string, to: string): number {
  const p = (s: string) => {
    const [y, m] = s.split('-').map(Number);
    return y * 12 + (m - 1);
  };
  return Math.max(0, p(to) - p(from));
}

export function register(program: Command): void {
  const cmd = program
    .command('report')
    .description(
      'one self-contained HTML report with charts, interventions compared, analogues and insights',
    )
    .argument('<scenario>', 'bundled scenario id or a YAML/JSON file')
    .requiredOption('-o, --out <file>', 'HTML file to write')
    .option('--png-dir <dir>', 'also write every chart as a PNG into this folder')
    .option(
      '--pdf',
      'also print the report to PDF (needs Chromium at /usr/bin/chromium and playwright-core)',
    )
    .option('-n, --runs <N>', 'Monte Carlo runs', overrideInt('--runs', 'runs'))
    .option('-s, --seed <S>', 'random seed', overrideInt('--seed', 'seed'))
    .option('--horizon <H>', 'months to simulate', overrideInt('--horizon', 'horizonMonths'))
    .option('-t, --threads <T>', 'worker threads', int('--threads', 1, 64), 1)
    .option(
      '--sensitivity-runs <N>',
      'runs per tornado point (0 = no sensitivity section)',
      int('--sensitivity-runs', 0, 1_000_000),
      400,
    )
    .option('--variants <files...>', 'more variants to compare, from overlay files')
    .option('-q, --quiet', 'no progress bar (there is none when stderr is not a terminal)')
    .addHelpText(
      'after',
      '\nExamples:\n  $ parley report russia-ukraine-2024 -o report.html\n  $ parley report russia-ukraine-2024 -o report.html --png-dir docs/img --runs 1000',
    )
    .action(async (ref: string, opts: ReportOptions) => {
      const { scenario, source } = loadWithOverrides(ref, opts);
      const noPdf = opts.pdf ? await pdfUnavailable() : undefined;
      if (noPdf) throw new UserError(`✖ --pdf is unavailable here: ${noPdf} (nothing was written)`);
      const notes: string[] = [];
      // the steps below, shown on a terminal only (a pipe or a log gets none of it)
      const bar = progressBar('report', 'steps', opts.quiet);
      let step = 0;
      const progress = (what: string) => bar.update(step++, 4, what);
      try {
        progress('simulating the scenario');
        const result = await runScenarioParallel(scenario, { threads: opts.threads });
        progress('comparing variants');
        const comparison: Comparison | undefined = await compareForCli(scenario, source, {
          variantFiles: opts.variants,
          threads: opts.threads,
          bootstrap: 200,
        });
        let tornado: Tornado | undefined;
        const factors = distributionFactors(scenario);
        if (opts.sensitivityRuns > 0 && factors.length > 0) {
          progress(`sensitivity: ${factors.length} uncertain inputs`);
          const small = {
            ...scenario,
            settings: { ...scenario.settings, runs: opts.sensitivityRuns },
          };
          tornado = orExit(source, await runTornado(small, factors, opts.threads, 'settlement24'));
          notes.push(`Sensitivity: ${opts.sensitivityRuns} runs per point, common random numbers.`);
        }
        const { cases, issues } = loadCases();
        if (issues.length > 0)
          notes.push(`${issues.length} problem(s) in case files; those cases are left out.`);
        const monthsSinceOnset =
          scenario.settings.warBegan && scenario.settings.startDate
            ? monthsBetween(scenario.settings.warBegan, scenario.settings.startDate)
            : undefined;
        const asOfYear = 2025; // fixed, so reports are reproducible
        const analogues = findAnalogues(scenarioFeatures(scenario, { monthsSinceOnset }), cases, {
          top: 8,
          asOfYear,
        });
        const insights = runInsights({
          cases,
          datasets: {},
          rng: mulberry32(scenario.settings.seed),
        }).insights.filter((i) => RELEVANT_TOPICS.has(i.topic));
        notes.push(
          'Insights are computed over the case base only in reports; `parley insights --data` adds the standard datasets.',
        );

        progress('provisions of comparable agreements');
        const provisions = reportProvisions(scenario, source, cases, result, opts.data, asOfYear);

        progress('rendering charts');
        const specs: { id: string; title: string; spec: charts.Spec }[] = charts.RUN_CHARTS.map(
          (c) => ({ id: c.id, title: c.title, spec: c.spec(result) }),
        );
        if (comparison)
          specs.push({
            id: 'interventions',
            title: 'Interventions compared (paired differences)',
            spec: charts.interventionComparisonChart(comparison),
          });
        if (tornado)
          specs.push({
            id: 'tornado',
            title: 'Sensitivity to uncertain inputs (tornado)',
            spec: charts.tornadoChart(tornado, 'settlement24', 'P(settlement by month 24)'),
          });
        if (analogues.length)
          specs.push({
            id: 'analogues',
            title: 'Closest historical analogues',
            spec: charts.analogueTableChart(analogues),
          });
        if (insights.length)
          specs.push({
            id: 'insights',
            title: 'Relevant historical insights',
            spec: charts.insightsChart(insights),
          });
        const rendered: ReportChart[] = [];
        for (const s of specs)
          rendered.push({ id: s.id, title: s.title, svg: await renderSvg(s.spec) });
        const html = reportHtml({
          title: scenario.name,
          source,
          description: scenario.description,
          result,
          summaryText: formatRunSummary(result),
          charts: rendered,
          comparison,
          sectionCharts: {
            interventions: ['interventions'],
            sensitivity: tornado ? ['tornado'] : undefined,
            analogues: ['analogues'],
            insights: ['insights'],
          },
          analogues,
          insights,
          provisions,
          notes,
        });
        const pngs = opts.pngDir
          ? rendered.map((c) => ({
              file: join(opts.pngDir!, `${scenario.id}-${c.id}.png`),
              png: svgToPng(c.svg),
            }))
          : [];
        // printed before anything is written, so a failed print leaves no half set of files
        const printed = opts.pdf ? await htmlToPdf(html) : undefined;
        if (printed && !printed.ok)
          throw new UserError(`✖ ${printed.message} (nothing was written)`);
        bar.update(4, 4, 'done');
        bar.stop();
        mkdirSync(dirname(resolve(opts.out)), { recursive: true });
        writeAtomic(opts.out, html);
        process.stdout.write(`Report written to ${opts.out}\n`);
        if (opts.pngDir) {
          mkdirSync(opts.pngDir, { recursive: true });
          for (const p of pngs) writeAtomic(p.file, p.png);
          process.stdout.write(`${pngs.length} charts written to ${opts.pngDir}\n`);
        }
        if (printed?.ok) {
          const pdfFile = opts.out.replace(/\.html?$/i, '') + '.pdf';
          writeAtomic(pdfFile, printed.pdf);
          process.stdout.write(`PDF written to ${pdfFile} (${printed.ms} ms)\n`);
        }
      } finally {
        bar.stop();
        await closePools();
      }
    });
  dataOption(cmd); // the standard datasets, for the Provisions section
}
