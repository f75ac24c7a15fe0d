/**
 * Reports of a stored run: the self-contained HTML report (summary, why, charts as inline SVG,
 * analogues, insights) and each chart as SVG or PNG, built by src/report from the stored result.
 */
import { formatRunSummary } from '../../report/summary.ts';
import type { RunResult } from '../../engine/index.ts';
import * as charts from '../../report/charts/index.ts';
import type { RunChartId } from '../../report/charts/index.ts';
import { reportHtml } from '../../report/html.ts';
import { renderSvg, svgToPng } from '../../report/render.ts';
import type { Scenario } from '../../model/index.ts';
import type { ScenarioVersion } from '../../store/index.ts';
import type { HistoryService } from './history.ts';
import { settlementTerms } from '../../analysis/settlementTerms.ts';
import { provisionsOfScenario, type ProvisionsReport } from '../../history/provisions/index.ts';
import { HttpError } from '../errors.ts';
import { provisionsService } from './provisions.ts';

export async function chartSvg(result: RunResult, chart: RunChartId): Promise<string> {
  return renderSvg(charts.runChart(chart).spec(result));
}

export async function chartPng(result: RunResult, chart: RunChartId): Promise<Buffer> {
  return svgToPng(await chartSvg(result, chart));
}

/** The Provisions section: from the run's own settlement terms; a note when the datasets are absent. */
function reportProvisions(
  result: RunResult,
  scenario: Scenario,
  history: HistoryService,
): { report?: ProvisionsReport; note?: string } {
  let tables;
  try {
    tables = provisionsService().load();
  } catch (e) {
    if (e instanceof HttpError) return { note: e.issues.map((i) => i.message).join(' ') };
    throw e;
  }
  const asOfYear = new Date().getUTCFullYear();
  return {
    report: provisionsOfScenario(
      scenario,
      { id: scenario.id, label: scenario.name },
      history.cases,
      tables,
      asOfYear,
      {},
      settlementTerms(result),
    ),
  };
}

export async function runReportHtml(
  result: RunResult,
  v: ScenarioVersion,
  history: HistoryService,
): Promise<string> {
  return reportHtmlOf(result, v.scenario, `${v.id} v${v.version}`, history);
}

/** The HTML report of a result of `scenario`; `source` says which scenario (id and version). */
export async function reportHtmlOf(
  result: RunResult,
  scenario: Scenario,
  source: string,
  history: HistoryService,
  notes: string[] = [],
): Promise<string> {
  const analogues = history.analoguesOfScenario(scenario, 5).analogues;
  const insights = history.insights().insights;
  const rendered = [];
  for (const c of charts.RUN_CHARTS)
    rendered.push({ id: c.id, title: c.title, svg: await renderSvg(c.spec(result)) });
  if (analogues.length)
    rendered.push({
      id: 'analogues',
      title: 'Closest historical analogues',
      svg: await renderSvg(charts.analogueTableChart(analogues)),
    });
  return reportHtml({
    provisions: reportProvisions(result, scenario, history),
    title: scenario.name,
    source,
    description: scenario.description,
    result,
    summaryText: formatRunSummary(result),
    charts: rendered,
    sectionCharts: { analogues: analogues.length ? ['analogues'] : [] },
    analogues,
    insights,
    notes: [...notes, 'Insights are computed over the case base only.'],
  });
}
