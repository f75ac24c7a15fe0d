/**
 * A self-contained HTML page for a back-test: the score table, where the engine loses, and
 * reliability diagrams (inline SVG). No scripts, fonts or styles from the network.
 */
import type { BacktestResult } from '../calibrate/backtest.ts';

const esc = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const f = (x: number, d: number) => (Number.isFinite(x) ? x.toFixed(d) : 'n/a');

export function backtestHtml(input: {
  command: string;
  result: BacktestResult;
  losses: string[];
  charts: { title: string; svg: string }[];
}): string {
  const { result } = input;
  const hs = result.options.horizons;
  const head = `<tr><th>source</th><th>at</th><th>model</th><th>n</th><th>CRPS</th><th>MAE</th><th>PRE</th>${hs.map((h) => `<th>BSS${h}</th>`).join('')}<th>C</th><th>logS(vic)</th><th>cov80</th></tr>`;
  // PIT histograms at onset: one row of bars per source and model (flat = calibrated)
  const pitRows = result.rows
    .filter((r) => r.checkpoint === 0)
    .map(
      (r) =>
        `<tr><td>${esc(r.source)}</td><td>${esc(r.model)}</td><td class="pit">${r.pit
          .map(
            (x) =>
              `<span title="${f(x * 100, 1)} %" style="height:${Math.min(60, Math.round(x * 300))}px"></span>`,
          )
          .join('')}</td><td>${r.pit.map((x) => f(x * 100, 0)).join(' ')}</td></tr>`,
    )
    .join('\n');
  const rows = result.rows
    .map(
      (r) =>
        `<tr${r.model.startsWith('engine') ? ' class="engine"' : ''}><td>${esc(r.source)}</td><td>${r.checkpoint}m</td><td>${esc(r.model)}</td><td>${r.n}</td><td>${f(r.crps, 2)}</td><td>${f(r.maeMedian, 1)}</td><td>${f(r.pre, 2)}</td>${hs.map((h) => `<td>${f(r.brierSkill[h], 2)}</td>`).join('')}<td>${f(r.cIndex, 2)}</td><td>${f(r.logScoreVictory, 3)}</td><td>${f(r.coverage80, 2)}</td></tr>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Parley back-test</title>
<style>body{font-family:'DejaVu Sans',sans-serif;max-width:70em;margin:2em auto;color:#222}table{border-collapse:collapse;font-size:.85em}td,th{border-bottom:1px solid #ddd;padding:.2em .5em;text-align:right}td:nth-child(-n+3),th:nth-child(-n+3){text-align:left}tr.engine{background:#f3f6fb}figure{display:inline-block;margin:1em}td.pit{display:flex;align-items:flex-end;height:62px;gap:2px}td.pit span{display:inline-block;width:10px;background:#4477aa}</style>
</head><body>
<h1>Parley back-test</h1>
<p><code>${esc(input.command)}</code></p>
<p>CRPS and MAE (of the median) of the remaining duration in months, lower is better; PRE: reduction of MAE against the base rate; BSSh: Brier skill of P(ends within h months) against the base rate; C: concordance; logS(vic): mean log score of P(military victory); cov80: share of ended held-out wars inside the central 80 % interval (calibrated near 0.80).</p>
<table>${head}
${rows}</table>
<h2>PIT histograms at onset</h2>
<p>Probability integral transform of each held-out war's remaining duration (non-randomised, Czado, Gneiting &amp; Held 2009; a war still on is censored and spread over the rest of the scale), in tenths. Flat (10 % each) is calibrated; a U shape means intervals too narrow, a hump too wide; mass on the left means forecasts too long.</p>
<table><tr><th>source</th><th>model</th><th>histogram</th><th>% per tenth</th></tr>
${pitRows}</table>
<h2>Where the engine loses to a baseline</h2>
<ul>${input.losses.map((l) => `<li>${esc(l)}</li>`).join('') || '<li>nowhere on CRPS, Brier skill at 12 months or log score</li>'}</ul>
<h2>Calibration of P(ends within 12 months)</h2>
${input.charts.map((c) => `<figure>${c.svg.replace(/^<\?xml[^>]*>\s*/, '')}<figcaption>${esc(c.title)}</figcaption></figure>`).join('\n')}
</body></html>
`;
}
