/**
 * One self-contained HTML report: summary, why-explanations, charts as inline SVG, interventions
 * compared, analogues, insights and the glossary (the web UI's text, src/model/glossary.ts). No scripts, no fonts, no images or styles from the network.
 */
import type { Comparison } from '../analysis/index.ts';
import { harming, helping } from '../analysis/index.ts';
import type { RunResult } from '../engine/index.ts';
import type { Analogue } from '../history/analogues.ts';
import type { Insight } from '../history/insights/index.ts';
import type { ProvisionsReport } from '../history/provisions/index.ts';
import { provisionsSection } from './provisionsHtml.ts';
import { GLOSSARY } from '../model/index.ts';

export interface ReportChart {
  id: string;
  title: string;
  svg: string;
}

export interface ReportInput {
  title: string;
  source: string;
  description?: string;
  result: RunResult;
  /** the plain-text summary of the run (cli/summary.ts) */
  summaryText: string;
  charts: ReportChart[];
  comparison?: Comparison;
  /** chart ids per section (the rest go under "Charts") */
  sectionCharts?: Partial<
    Record<'interventions' | 'analogues' | 'insights' | 'sensitivity', string[]>
  >;
  analogues: Analogue[];
  insights: Insight[];
  /** comparable agreements' provisions; `note` says why there is no answer (e.g. datasets absent) */
  provisions?: { report?: ProvisionsReport; note?: string };
  notes: string[];
}

export const REPORT_SECTIONS = [
  'summary',
  'why',
  'charts',
  'interventions',
  'analogues',
  'insights',
  'provisions',
  'glossary',
] as const;

const esc = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const pct = (x: number | null) => (x === null ? '—' : `${(100 * x).toFixed(0)}%`);
const signed = (x: number, unit: string) => {
  if (!Number.isFinite(x)) return '—';
  const v =
    unit === 'share'
      ? `${(100 * x).toFixed(1)} pts`
      : unit === 'people'
        ? Math.round(x).toLocaleString('en-GB')
        : x.toFixed(1);
  return x > 0 ? `+${v}` : v;
};

function figure(c: ReportChart): string {
  return `<figure id="chart-${esc(c.id)}" class="chart">${stripXmlDecl(c.svg)}<figcaption>${esc(c.title)}</figcaption></figure>`;
}

const stripXmlDecl = (svg: string) => svg.replace(/^<\?xml[^>]*>\s*/, '');

function comparisonTable(c: Comparison): string {
  const metrics = c.metrics;
  const head = `<tr><th>variant</th>${metrics.map((m) => `<th>${esc(m.label)}</th>`).join('')}</tr>`;
  const rows = c.variants.map((v) => {
    const cells = metrics.map((m) => {
      const val = v.values[m.id];
      const own =
        val === null
          ? '—'
          : m.unit === 'share'
            ? pct(val)
            : m.unit === 'people'
              ? Math.round(val).toLocaleString('en-GB')
              : val.toFixed(1);
      const d = v.differences[m.id];
      const diff = d
        ? `<br><small>${signed(d.estimate, m.unit)} [${signed(d.low, m.unit)}, ${signed(d.high, m.unit)}]</small>`
        : '';
      return `<td>${own}${diff}</td>`;
    });
    // what the variant changes, so its name cannot hide an edit
    const edits = v.edits?.length
      ? `<ul class="edits">${v.edits.map((e) => `<li><code>${esc(e)}</code></li>`).join('')}</ul>`
      : '';
    return `<tr><th>${esc(v.name)}${v.description ? `<br><small>${esc(v.description)}</small>` : ''}${edits}</th>${cells.join('')}</tr>`;
  });
  const ranking = c.ranking
    .map((r) => {
      const up = helping(r.entries);
      const harms = harming(r.entries);
      const harmText = harms.length
        ? `; clear harm: ${harms.map((e) => esc(e.name)).join('; ')}`
        : '';
      if (up.length === 0)
        return `<li><b>${esc(r.goal.label)}</b>: no variant improves on the baseline${harmText}</li>`;
      const [best, ...next] = up;
      return `<li><b>${esc(r.goal.label)}</b>: ${esc(best.name)}${best.verdict === 'gain' ? ' (a clear gain)' : ' (not clearly better than the baseline)'}${
        next.length
          ? `; then ${next
              .slice(0, 2)
              .map((e) => esc(e.name))
              .join('; ')}`
          : ''
      }${harmText}</li>`;
    })
    .join('');
  return `<table class="compare">${head}${rows.join('')}</table>
<p><small>Each cell: the variant's value, then its paired difference from the baseline with a 95% interval (shares in percentage points; paired normal intervals for shares, paired bootstrap with ${c.bootstrap} replicates for the others).</small></p>
<h3>Which intervention does most for which goal</h3><ul>${ranking}</ul>`;
}

export function reportHtml(input: ReportInput): string {
  const r = input.result;
  const inSection = new Set(Object.values(input.sectionCharts ?? {}).flat());
  const chartsBy = (ids: string[] | undefined) =>
    (ids ?? [])
      .map((id) => input.charts.find((c) => c.id === id))
      .filter((c): c is ReportChart => !!c)
      .map(figure)
      .join('\n');
  const contact = r.explanation.contact
    ? `<h3>Contact (talks about talks; no deal needed)</h3><ul>${r.explanation.contact.text.map((t) => `<li>${esc(t)}</li>`).join('')}</ul><h3>The leaders, about a deal</h3>`
    : '';
  const why =
    contact +
    r.explanation.parties
      .map(
        (p) =>
          `<div class="party"><ul>${p.text.map((t) => `<li>${esc(t)}</li>`).join('')}</ul></div>`,
      )
      .join('');
  const analogues = input.analogues.length
    ? `<table><tr><th>#</th><th>case</th><th>similarity</th><th>matched</th><th>how its talks went</th></tr>${input.analogues
        .map(
          (a, i) =>
            `<tr><td>${i + 1}</td><td>${esc(a.name)}</td><td>${a.similarity.toFixed(2)}</td><td>${esc(a.matched.join(', ') || '—')}</td><td>${esc(a.negotiation)}</td></tr>`,
        )
        .join('')}</table>`
    : '<p>No case base available.</p>';
  const insights = input.insights.length
    ? `<ul>${input.insights.map((i) => `<li>${esc(i.finding)} <small>(${esc(i.id)}; ${esc(i.source)})</small></li>`).join('')}</ul>`
    : '<p>No insights available.</p>';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(input.title)} — Parley report</title>
<style>
body{font-family:'DejaVu Sans',system-ui,sans-serif;max-width:1100px;margin:2em auto;padding:0 1em;color:#222;line-height:1.45}
h1{font-size:1.6em;margin-bottom:.2em} h2{border-bottom:1px solid #ddd;padding-bottom:.2em;margin-top:2em}
pre{background:#f6f6f6;padding:1em;overflow-x:auto;font-size:.85em}
table{border-collapse:collapse;font-size:.85em;margin:1em 0} td,th{border:1px solid #ddd;padding:.3em .5em;vertical-align:top;text-align:left}
figure{margin:1.5em 0;overflow-x:auto} figcaption{font-size:.85em;color:#555} svg{max-width:100%;height:auto}
small{color:#555} .meta{color:#555;font-size:.9em}
ul.edits{margin:.3em 0 0;padding-left:1.1em;font-weight:normal;font-size:.85em} ul.edits code{overflow-wrap:anywhere}
@media print{
body{max-width:none;margin:0;padding:0}
pre{white-space:pre-wrap;overflow-wrap:anywhere;overflow:visible}
table{table-layout:fixed;width:100%} td,th{overflow-wrap:anywhere}
figure{overflow:visible;break-inside:avoid} svg{max-width:100%;height:auto}
h2,h3{break-after:avoid}
}
</style></head><body>
<header><h1>${esc(input.title)}</h1>
<p class="meta">Scenario ${esc(input.source)} · ${r.meta.runs} runs · seed ${r.meta.seed} · ${r.meta.horizonMonths} months · scenario hash ${esc(r.meta.scenarioHash.slice(0, 12))} · engine ${esc(r.meta.engineVersion)}</p>
${input.description ? `<p>${esc(input.description)}</p>` : ''}
<p class="meta">The numbers are what the model makes of the scenario's stated assumptions: an instrument for asking "what if", not a forecast.</p></header>
<section id="summary"><h2>Summary</h2><pre>${esc(input.summaryText)}</pre></section>
<section id="why"><h2>Why talks are (not) opening — month ${r.explanation.month}</h2>${why}</section>
<section id="charts"><h2>Charts</h2>${input.charts
    .filter((c) => !inSection.has(c.id))
    .map(figure)
    .join('\n')}</section>
<section id="interventions"><h2>Interventions compared</h2>${
    input.comparison
      ? chartsBy(input.sectionCharts?.interventions) + comparisonTable(input.comparison)
      : '<p>The scenario defines no variants (add <code>variants:</code> to compare interventions).</p>'
  }${input.sectionCharts?.sensitivity ? `<h3>Sensitivity</h3>${chartsBy(input.sectionCharts.sensitivity)}` : ''}</section>
<section id="analogues"><h2>Historical analogues</h2>${chartsBy(input.sectionCharts?.analogues)}${analogues}</section>
<section id="insights"><h2>What history teaches</h2>${chartsBy(input.sectionCharts?.insights)}${insights}</section>
<section id="provisions"><h2>Provisions</h2>${provisionsSection(input.provisions?.report, input.provisions?.note ?? 'Provisions were not computed for this report.')}</section>
<section id="glossary"><h2>Glossary</h2><dl>${GLOSSARY.map((e) => `<dt id="term-${esc(e.id)}"><b>${esc(e.term)}</b>${e.unit ? ` <small>(${esc(e.unit)})</small>` : ''}</dt><dd>${esc(e.text)}</dd>`).join('')}</dl></section>
${input.notes.length ? `<footer><h2>Notes</h2><ul>${input.notes.map((n) => `<li>${esc(n)}</li>`).join('')}</ul></footer>` : ''}
</body></html>
`;
}
