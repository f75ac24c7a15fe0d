/**
 * Exercise documents (issue 20), self-contained HTML (inline styles and SVG, nothing loaded):
 * - a briefing per role: the situation, what its side wants and what binds it, the known
 *   history, and the historical analogues of the scenario; only that side's own inputs;
 * - the after-action report: the path against the model's runs (chart), percentiles of the
 *   outcome, the decisions that moved it most, the timeline of decisions and events, and the
 *   historical cases that resemble the scenario played.
 */
import type { Analogue } from '../history/analogues.ts';
import type { Scenario } from '../model/index.ts';
import type { ExerciseReport, LogEntry, Rewind, RoleView } from '../exercise/index.ts';
import { base, HEIGHT, r4, WIDTH, type Spec } from './charts/spec.ts';
import { renderSvg } from './render.ts';

const esc = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const pct = (x: number) => `${Math.round(100 * x)} %`;
const STYLE = `body{font-family:'DejaVu Sans',sans-serif;max-width:52em;margin:2em auto;color:#222;line-height:1.4}h1{font-size:1.5em}h2{font-size:1.15em;margin-top:1.6em}table{border-collapse:collapse;font-size:.9em}td,th{border-bottom:1px solid #ddd;padding:.2em .5em;text-align:left;vertical-align:top}.muted{color:#666}figure{margin:1em 0}`;

const page = (title: string, body: string) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${esc(title)}</title><style>${STYLE}</style></head><body>
${body}
</body></html>
`;

const central = (u: unknown): string =>
  typeof u === 'number'
    ? String(u)
    : u && typeof u === 'object'
      ? 'mean' in u
        ? `about ${String((u as { mean: number }).mean)}`
        : 'mode' in u
          ? `about ${String((u as { mode: number }).mode)}`
          : `${String((u as { low: number }).low)}–${String((u as { high: number }).high)}`
      : 'n/a';

function analogueRows(analogues: readonly Analogue[]): string {
  if (analogues.length === 0)
    return '<p class="muted">No coded case resembles this war closely.</p>';
  return `<table><tr><th>case</th><th>similarity</th><th>how its negotiation went</th></tr>${analogues
    .map(
      (a) =>
        `<tr><td>${esc(a.name)}</td><td>${pct(a.similarity)}</td><td>${esc(a.negotiation)}</td></tr>`,
    )
    .join('')}</table>`;
}

/** The briefing of one role: what that side knows and wants at the start. */
export function briefingHtml(input: {
  scenario: Scenario;
  role: string;
  view: RoleView;
  analogues: readonly Analogue[];
}): string {
  const { scenario: s, view } = input;
  const party = s.parties.find((p) => p.id === input.role);
  if (!party) throw new Error(`no party ${input.role} in ${s.id}`);
  const demands = s.front.demands ?? {};
  const parts: string[] = [
    `<h1>Briefing: ${esc(party.name)}</h1>`,
    `<p class="muted">${esc(s.name)} · exercise month ${view.month} of ${view.horizonMonths} · for ${esc(party.name)} only</p>`,
    `<h2>Situation</h2>`,
    `<p>${esc(s.description ?? s.name)}</p>`,
    `<p>At stake: ${esc(s.front.description ?? 'the issues of the war')}. The front stands at ${view.front.position} of ${view.front.positions}; talks: ${view.talks}${view.mediatorsPresent.length ? `; mediators present: ${view.mediatorsPresent.join(', ')}` : ''}.</p>`,
  ];
  const known: string[] = [];
  if (s.settings.warBegan) known.push(`the war began ${s.settings.warBegan}`);
  if (s.settings.startDate) known.push(`the exercise starts ${s.settings.startDate}`);
  if (s.situation?.lastContact)
    known.push(`the latest known contact was ${s.situation.lastContact}`);
  if (s.situation?.talksUnderWay) known.push(`talks are under way (${s.situation.talksUnderWay})`);
  parts.push(
    `<h2>Known history</h2><p>${known.length ? esc(known.join('; ')) + '.' : 'No dates are given.'}</p>`,
  );
  if (party.role === 'belligerent') {
    const b = party;
    const aim = (demands as Record<string, unknown>)[b.id];
    parts.push(
      `<h2>Your interests</h2><p>Your war aim: ${aim === undefined ? 'half the stake' : `a share of ${central(aim)} of the stake`}. You believe the enemy is the strong type with probability ${pct(view.beliefEnemyStrong ?? 0)}.</p>`,
      `<h2>Your constraints</h2><ul>` +
        [
          `support at home for the war ${pct(view.own?.support ?? 0)}, for talks ${pct(view.own?.supportForTalks ?? 0)}`,
          `reserves for escalation ${pct(view.own?.reserves ?? 0)}`,
          `regime: ${b.leader.regime}`,
          ...b.support.map(
            (l) =>
              `patron ${l.patron}: aid level ${central(l.level)}${l.conditions.opposesTalks ? ', opposes talks' : ''}${l.conditions.minimumShare ? `, wants you to keep at least ${central(l.conditions.minimumShare)}` : ''}`,
          ),
        ]
          .map((x) => `<li>${esc(x)}</li>`)
          .join('') +
        '</ul>',
      `<h2>Your decisions each month</h2><p>Posture and channel (closed, secret, via a mediator, public); effort (hold or escalate); the share you demand when you make the offer and the least you accept; accepting or refusing a mediator.</p>`,
    );
  } else if (party.role === 'mediator') {
    parts.push(
      `<h2>Your means</h2><p>Carrots per side: ${esc(JSON.stringify(view.mediatorMeans?.carrots ?? {}))}; sticks: ${esc(JSON.stringify(view.mediatorMeans?.sticks ?? {}))}. Style: ${party.mediation.style}.</p>`,
      `<h2>Your decisions each month</h2><p>When to offer your services, how much of your carrots and sticks to put on the table when you arrive, and what split to propose when you lead talks.</p>`,
    );
  } else {
    parts.push(
      `<h2>Your aid</h2><p>${esc(JSON.stringify(view.patronAid ?? {}))}</p>`,
      `<h2>Your decisions each month</h2><p>The level of aid you commit to each side you support (0–3).</p>`,
    );
  }
  parts.push(`<h2>Historical analogues</h2>${analogueRows(input.analogues)}`);
  return page(`Briefing: ${party.name}`, parts.join('\n'));
}

/** The path against the model: shares of model runs with talks opened / war ended, and the path. */
export function pathChart(report: ExerciseReport): Spec {
  const rows: Record<string, string | number>[] = [];
  report.model.talksOpenedBy.forEach((p, t) =>
    rows.push({ month: t + 1, share: r4(p), series: 'model: talks had opened' }),
  );
  report.model.endedBy.forEach((p, t) =>
    rows.push({ month: t + 1, share: r4(p), series: 'model: war had ended' }),
  );
  const marks: Record<string, string | number>[] = [];
  const talked = report.standing.find((s) => s.path.talksOpened);
  if (talked) marks.push({ month: talked.month + 1, what: 'talks opened on the path' });
  const ended = report.standing.find((s) => s.path.ended);
  if (ended) marks.push({ month: ended.month + 1, what: 'the path ended' });
  return {
    ...base(
      'The played path against the model',
      `${report.model.runs} model runs from the same start`,
    ),
    width: WIDTH,
    height: HEIGHT,
    layer: [
      {
        data: { values: rows },
        mark: { type: 'line' },
        encoding: {
          x: { field: 'month', type: 'quantitative', title: 'month' },
          y: {
            field: 'share',
            type: 'quantitative',
            title: 'share of model runs',
            scale: { domain: [0, 1] },
          },
          color: { field: 'series', type: 'nominal', title: null },
        },
      },
      {
        data: { values: marks },
        mark: { type: 'rule', strokeDash: [4, 3], color: '#333' },
        encoding: { x: { field: 'month', type: 'quantitative' }, tooltip: { field: 'what' } },
      },
    ],
  };
}

/** The after-action report (facilitator's: every event; a player's: what its role saw). */
export async function exerciseReportHtml(input: {
  scenario: Scenario;
  report: ExerciseReport;
  log: readonly LogEntry[];
  analogues: readonly Analogue[];
  /** The facilitator's rewinds (left out of a player's report). */
  rewinds?: readonly Rewind[];
}): Promise<string> {
  const { report, scenario } = input;
  const rewinds = input.rewinds ?? [];
  const svg = (await renderSvg(pathChart(report))).replace(/^<\?xml[^>]*>\s*/, '');
  const p = report.percentiles;
  const decisionsByMonth = new Map<number, LogEntry[]>();
  for (const e of input.log)
    decisionsByMonth.set(e.month, [...(decisionsByMonth.get(e.month) ?? []), e]);
  const months = [
    ...new Set([...decisionsByMonth.keys(), ...report.view.events.map((e) => e.month)]),
  ].sort((a, b) => a - b);
  const timeline = months
    .map((m) => {
      const ds = (decisionsByMonth.get(m) ?? []).map(
        (e) =>
          `<li><b>${esc(e.role)}</b>: ${e.decision ? esc(JSON.stringify(e.decision)) : '<span class="muted">the model\'s choice</span>'}</li>`,
      );
      const es = report.view.events
        .filter((e) => e.month === m)
        .map((e) => `<li>${esc(e.text)}</li>`);
      return `<tr><td>${m}</td><td><ul>${ds.join('')}</ul></td><td><ul>${es.join('')}</ul></td></tr>`;
    })
    .join('');
  const body = [
    `<h1>After-action report</h1>`,
    `<p class="muted">${esc(scenario.name)} · ${report.finished ? 'finished' : `in progress, month ${report.month}`}</p>`,
    `<h2>Outcome</h2><p>${esc(report.outcome)}</p>`,
    p
      ? `<p>Against ${report.model.runs} model runs from the same start: months of war ${p.warMonths.path} (percentile ${p.warMonths.percentile.toFixed(0)}), deaths ${p.deaths.path} (percentile ${p.deaths.percentile.toFixed(0)})${p.termsA ? `, side A's share ${pct(p.termsA.path)} (percentile ${p.termsA.percentile.toFixed(0)} of the model's settlements)` : ''}.</p>`
      : '',
    `<h2>The path against the model</h2><figure>${svg}<figcaption>Lines: share of the model's runs in which talks had opened / the war had ended by each month. Dashed: when talks opened and when the war ended on the played path.</figcaption></figure>`,
    `<h2>Turning points: the decisions that moved it most</h2>`,
    report.effects.length
      ? `<p class="muted">Each decision dropped in turn (the model choosing instead) and the war replayed on the same random numbers, on the played path and a few others; approximate, since later decisions are replayed as taken.</p><table><tr><th>month</th><th>role</th><th>decision</th><th>months of war it added (−: saved)</th><th>deaths</th><th>without it</th></tr>${report.effects
          .map(
            (e) =>
              `<tr><td>${e.month}</td><td>${esc(e.role)}</td><td>${esc(JSON.stringify(e.decision))}</td><td>${e.warMonthsOnPath} (mean over paths ${e.warMonthsMean.toFixed(1)})</td><td>${e.deathsOnPath}</td><td>${esc(e.outcomeWithout)}</td></tr>`,
          )
          .join('')}</table>`
      : '<p class="muted">Shown once the exercise is finished and someone decided.</p>',
    `<h2>Timeline of decisions and events</h2><table><tr><th>month</th><th>decisions</th><th>events</th></tr>${timeline}</table>`,
    rewinds.length
      ? `<h2>Rewinds</h2><p class="muted">The facilitator went back; what was played after the month gone back to was dropped and replayed from the seed.</p><table><tr><th>when</th><th>from month</th><th>back to month</th><th>dropped</th></tr>${rewinds
          .map(
            (r) =>
              `<tr><td>${esc(r.at)}</td><td>${r.from}</td><td>${r.to}</td><td>${r.log.filter((e) => e.decision !== null).length} decisions, ${r.injections.length} injected events</td></tr>`,
          )
          .join('')}</table>`
      : '',
    `<h2>Historical cases that resemble this war</h2><p class="muted">Cases of the case base nearest to the path played: the war as it stood at the end (how long it had gone on before talks, whether a mediator was accepted, deaths per month, the channel talks first opened on, the outcome), with the scenario's other features.</p>${analogueRows(input.analogues)}`,
  ];
  return page(`After-action report: ${scenario.name}`, body.join('\n'));
}
