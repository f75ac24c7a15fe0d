/** Plain-text summary of a RunResult (terminal output and the text part of reports). */
import { skillLine } from '../model/index.ts';
import { fadedSeries, type RunResult } from '../engine/index.ts';

const MONTHS = [6, 12, 24, 60];
const pct = (x: number | null | undefined) =>
  x === null || x === undefined ? '   —' : `${(100 * x).toFixed(0).padStart(3)}%`;

export function formatRunSummary(r: RunResult, seconds?: number): string {
  const H = r.meta.horizonMonths;
  const cols = MONTHS.filter((m) => m <= H);
  const at = (series: number[], m: number) => series[Math.min(m, series.length) - 1];
  const [a, b] = r.meta.parties;
  const lines: string[] = [];
  lines.push(`${r.meta.scenarioName}`);
  lines.push(
    `${r.meta.runs} runs, seed ${r.meta.seed}, ${H} months; scenario ${r.meta.scenarioHash.slice(0, 12)}, engine ${r.meta.engineVersion}${seconds !== undefined ? `; ${seconds.toFixed(2)} s` : ''}`,
  );
  lines.push('');
  lines.push('Outcome by month'.padEnd(36) + cols.map((m) => String(m).padStart(5)).join(''));
  const row = (label: string, series: number[]) =>
    `  ${label.padEnd(34)}${cols.map((m) => ' ' + pct(at(series, m))).join('')}`;
  lines.push(row('talks opened (any)', r.talks.any));
  lines.push(row('  via back channel', r.talks.secret));
  lines.push(row('  via a mediator', r.talks.mediated));
  lines.push(row('  in public', r.talks.public));
  lines.push(row('negotiated settlement', r.outcomes.settlement));
  lines.push(row('ceasefire (frozen)', r.outcomes.ceasefire));
  lines.push(row('faded (fighting died down)', fadedSeries(r)));
  lines.push(
    row(`victory of ${a.name}`.slice(0, 34), add(r.outcomes.victoryA, r.outcomes.collapseB)),
  );
  lines.push(
    row(`victory of ${b.name}`.slice(0, 34), add(r.outcomes.victoryB, r.outcomes.collapseA)),
  );
  lines.push(row('still fighting', r.outcomes.ongoing));
  lines.push('');
  const q = r.duration.quantiles;
  lines.push(
    `Duration (months): median ${fmt(q.p50)}, 10–90% ${fmt(q.p10)}–${fmt(q.p90)}${q.p90 === H ? '+' : ''}; ended within the horizon in ${pct(r.duration.endedShare).trim()} of runs`,
  );
  lines.push(
    `Median months to talks: ${['any', 'secret', 'mediated', 'public'].map((k) => `${k} ${medianMonth(r.talks[k as keyof RunResult['talks']])}`).join(', ')}`,
  );
  if (r.terms.settlements > 0)
    lines.push(
      `Terms of settlements (share of the stake to ${a.name}): median ${fmt(r.terms.quantiles.p50)}, 10–90% ${fmt(r.terms.quantiles.p10)}–${fmt(r.terms.quantiles.p90)} (${r.terms.settlements} settlements)`,
    );
  const cq = r.casualties.quantiles;
  lines.push(
    `Battle deaths until the end: median ${num(cq.p50)}, 10–90% ${num(cq.p10)}–${num(cq.p90)}`,
  );
  const d = r.durability.relapseWithin.all;
  lines.push(
    `Relapse into war after it ends: within 1 year ${pct(d['12']).trim()}, 2 years ${pct(d['24']).trim()}, 5 years ${pct(d['60']).trim()}`,
  );
  if (r.meta.skill && r.meta.skill.figures.length > 0) lines.push(skillLine(r.meta.skill));
  lines.push('');
  lines.push(`Why talks are (not) opening — month ${r.explanation.month}:`);
  const contact = r.explanation.contact;
  if (contact)
    for (const [k, t] of contact.text.entries()) lines.push(`${k === 0 ? '  ' : '    '}${t}`);
  lines.push('  The leaders, about a deal:');
  for (const p of r.explanation.parties)
    for (const [k, t] of p.text.entries()) lines.push(`${k === 0 ? '    ' : '      '}${t}`);
  return lines.join('\n');
}

function add(x: number[], y: number[]): number[] {
  return x.map((v, i) => v + y[i]);
}
const fmt = (x: number | null) =>
  x === null ? '—' : Number.isInteger(x) ? String(x) : x.toFixed(2);
const num = (x: number | null) => (x === null ? '—' : x.toLocaleString('en-GB'));

function medianMonth(series: number[]): string {
  const m = series.findIndex((v) => v >= 0.5);
  return m < 0 ? `>${series.length}` : String(m + 1);
}
