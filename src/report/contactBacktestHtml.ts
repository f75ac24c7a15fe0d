/**
 * A self-contained HTML page for the contact back-test (time to first contact and first channel
 * on the case base): the score table, the observation rules' counts, the PIT histograms and the
 * reliability diagrams (inline SVG). No scripts, fonts or styles from the network.
 */
import type { ContactBacktestResult } from '../calibrate/contactBacktest.ts';

const esc = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const f = (x: number, d: number) => (Number.isFinite(x) ? x.toFixed(d) : 'n/a');

/** A PIT histogram as a row of inline bars (10 bins; the dashed line is the flat 10 %). */
function pitSvg(pit: number[]): string {
  const w = 24;
  const h = 80;
  const top = Math.max(0.3, ...pit);
  const bars = pit
    .map((p, i) => {
      const bh = (p / top) * h;
      return `<rect x="${i * w + 1}" y="${(h - bh).toFixed(1)}" width="${w - 2}" height="${bh.toFixed(1)}" fill="#4c78a8"><title>${(p * 100).toFixed(0)} %</title></rect>`;
    })
    .join('');
  const flat = h - (0.1 / top) * h;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${w * pit.length}" height="${h}" role="img">${bars}<line x1="0" x2="${w * pit.length}" y1="${flat.toFixed(1)}" y2="${flat.toFixed(1)}" stroke="#999" stroke-dasharray="4 4"/></svg>`;
}

export function contactBacktestHtml(input: {
  command: string;
  result: ContactBacktestResult;
  charts: { title: string; svg: string }[];
}): string {
  const r = input.result;
  const hs = r.options.horizons;
  const head = `<tr><th>model</th><th>n</th><th>censored</th><th>CRPS</th><th>logS(channel)</th>${hs.map((h) => `<th>BSS${h}</th>`).join('')}<th>cov80</th><th>P12</th><th>obs12</th></tr>`;
  const rows = r.rows
    .map(
      (x) =>
        `<tr${x.model.startsWith('engine') ? ' class="engine"' : ''}><td>${esc(x.model)}</td><td>${x.n}</td><td>${x.censored}</td><td>${f(x.crps, 1)}</td><td>${f(x.logScoreChannel, 3)}</td>${hs.map((h) => `<td>${f(x.brierSkill[h], 2)}</td>`).join('')}<td>${f(x.coverage80, 2)}</td><td>${f(x.meanP12, 2)}</td><td>${f(x.observedP12, 2)}</td></tr>`,
    )
    .join('\n');
  const o = r.observed;
  const split =
    r.split.kind === 'time'
      ? `time split: train on the ${r.split.train} wars begun before ${r.split.cutYear}, test on the ${r.split.test} others`
      : `leave-one-out over ${r.split.folds} cases`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Parley back-test: first contact</title>
<style>body{font-family:'DejaVu Sans',sans-serif;max-width:70em;margin:2em auto;color:#222}table{border-collapse:collapse;font-size:.85em}td,th{border-bottom:1px solid #ddd;padding:.2em .5em;text-align:right}td:first-child,th:first-child{text-align:left}tr.engine{background:#f3f6fb}figure{display:inline-block;margin:1em}</style>
</head><body>
<h1>Parley back-test: time to first contact and first channel</h1>
<p><code>${esc(input.command)}</code></p>
<p>${r.cases} cases of the case base; ${esc(split)}. ${o.contacts} with a contact during the war (${o.preStart} cases also record contacts before the war, left out; first channels: ${o.byChannel.secret} secret, ${o.byChannel.mediated} mediated, ${o.byChannel.public} public); ${o.censored} censored at the end of the war (${o.contactAfterEnd} of them talked only after it ended) or at the case base's date. The engine gave no chance of contact in ${r.engineNoContact} held-out cases.</p>
<p>CRPS of the month of first contact (survival CRPS for censored cases), lower is better; logS(channel): mean log score of the first channel (floor ${r.options.channelFloor}); BSSh: Brier skill of P(contact within h months) against Kaplan–Meier; cov80: share of held-out contacts inside the central 80 % interval; P12/obs12: mean forecast and observed share of contact within 12 months.</p>
<table>${head}
${rows}</table>
<h2>PIT histograms (flat = calibrated)</h2>
${r.rows.map((x) => `<figure>${pitSvg(x.pit)}<figcaption>${esc(x.model)}</figcaption></figure>`).join('\n')}
<h2>Reliability</h2>
${input.charts.map((c) => `<figure>${c.svg.replace(/^<\?xml[^>]*>\s*/, '')}<figcaption>${esc(c.title)}</figcaption></figure>`).join('\n')}
</body></html>
`;
}
