/**
 * The report's Provisions section: what comparable agreements contained, durability with and
 * without each provision, published findings, and the draft term sheet. Links are shown as text:
 * the report references nothing on the network.
 */
import type { ProvisionsReport, Share } from '../history/provisions/index.ts';
import { verdictText } from './provisionsText.ts';

const esc = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const pct = (x: number | null) => (x === null ? '—' : `${Math.round(100 * x)}%`);
const cell = (s: Share) =>
  s.n === 0
    ? 'n/a'
    : `${pct(s.share)} (${s.k}/${s.n}; ${pct(s.interval.low)}–${pct(s.interval.high)})`;

/** Inner HTML of the section; `note` explains an absent answer (e.g. datasets missing). */
export function provisionsSection(p: ProvisionsReport | undefined, note?: string): string {
  if (!p) return `<p>${esc(note ?? 'No provisions answer.')}</p>`;
  const q = p.query;
  const head = `<p>Comparable PA-X agreements: types ${esc(q.agreementTypes.join(', ') || 'none')}; conflict types ${esc(q.conflictTypes.join(', ') || 'any')}; stages ${esc(q.stages.join(', '))}; ${p.agreements.length} of ${p.candidates} matching (at most ${q.perProcess} per peace process). ${esc(p.data.pax)}; relapse from UCDP termination data to ${p.data.lastObservedYear ?? '—'} and the case base.</p>`;
  if (p.empty)
    return `${head}<p>${esc(p.empty.message)}</p><ul>${p.empty.relax.map((r) => `<li>${esc(r.change)}: ${r.matches} agreements would match</li>`).join('')}</ul>`;
  const rows = [...p.frequencies]
    .sort((x, y) => y.present.k - x.present.k)
    .map((f) => {
      const d = p.durability.find((x) => x.family === f.family && x.years === 5)!;
      return `<tr><td>${esc(f.label)}${f.verified ? '' : ' [M]'}</td><td>${cell(f.present)}</td><td>${cell(d.with)}</td><td>${cell(d.without)}</td></tr>`;
    })
    .join('');
  const table = `<table><tr><th>provision family</th><th>share of comparable agreements</th><th>war within 5 years, with</th><th>without</th></tr>${rows}</table><p><small>Counts and 95% Wilson intervals. [M]: code meaning not checked against the dataset's column dictionary.</small></p>`;
  const endedRows = p.agreementEnded.filter((e) => e.with.n > 0);
  const ended = endedRows.length
    ? `<h3>The agreement itself ended within 5 years (UCDP Peace Agreement Dataset)</h3><table><tr><th>provision family</th><th>ended, with</th><th>without</th></tr>${endedRows
        .map(
          (e) =>
            `<tr><td>${esc(e.label)}</td><td>${cell(e.with)}</td><td>${cell(e.without)}</td></tr>`,
        )
        .join('')}</table>`
    : '';
  const published = `<h3>Published findings</h3><ul>${p.published
    .map(
      (x) =>
        `<li>${esc(x.citation)}${x.verified ? '' : ' [M]'}: ${esc(x.finding)}<br><small>Here: ${esc(x.ours)} → ${esc(verdictText(x))}</small></li>`,
    )
    .join('')}</ul>`;
  const caveats = `<h3>Caveats</h3><ul>${p.caveats.map((c) => `<li>${esc(c)}</li>`).join('')}</ul>`;
  const t = p.termSheet;
  const sheet = t
    ? `<h3>Draft term sheet</h3><p><strong>${esc(t.label)}</strong></p><ol><li>${esc(t.stakeClause)}</li>${t.clauses
        .map(
          (c) =>
            `<li>${esc(c.label)}: in ${cell(c.present)} of comparable settlements; war within 5 years with it ${cell(c.relapse5yWith)}, without ${cell(c.relapse5yWithout)}.<br><small>e.g. ${c.examples.map((e) => `${esc(e.name)} (${esc(e.date ?? 'undated')}, PA-X ${e.paxId})`).join('; ')}</small></li>`,
        )
        .join('')}</ol><p><small>${esc(t.basis)}; ${t.runs} runs, seed ${t.seed}.</small></p>`
    : '';
  const list = `<h3>Comparable agreements</h3><p><small>${p.agreements
    .slice(0, 30)
    .map((a) => `PA-X ${a.paxId} ${esc(a.name)} (${esc(a.date ?? 'undated')})`)
    .join(
      '; ',
    )}${p.agreements.length > 30 ? '; …' : ''}. Texts: peaceagreements.org/view/&lt;PA-X id&gt;.</small></p>`;
  return head + table + ended + published + sheet + caveats + list;
}
