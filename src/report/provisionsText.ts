/** Plain-text rendering of a provisions answer (terminal, README); the shape is src/history/provisions/schema.ts. */
import type { ProvisionsReport, Share } from '../history/provisions/index.ts';

const pct = (x: number | null) => (x === null ? '—' : `${Math.round(100 * x)}%`);
const ci = (s: Share) => `${pct(s.interval.low)}–${pct(s.interval.high)}`;
const cell = (s: Share) =>
  s.n === 0 ? 'n/a (0 observable)' : `${pct(s.share)} ${s.k}/${s.n} [${ci(s)}]`;
const mark = (verified: boolean) => (verified ? '' : ' [M]');

/** One phrase for how our comparison stands against a published finding. */
export function verdictText(p: ProvisionsReport['published'][number]): string {
  if (p.verdict === 'too-few') return 'too few agreements here to compare';
  const dir = p.verdict === 'agrees' ? 'same direction' : 'opposite direction';
  return p.overlap
    ? `${dir}, but the intervals overlap: these agreements cannot tell`
    : `${dir}, intervals apart`;
}

export function formatProvisions(
  r: ProvisionsReport,
  opts: { listAgreements?: number } = {},
): string {
  const q = r.query;
  const out: string[] = [];
  out.push(`Provisions of agreements comparable to ${q.label} (${q.kind} ${q.id})`);
  out.push(
    `  compared: PA-X agreement types ${q.agreementTypes.join(', ') || 'none'}; conflict types ${q.conflictTypes.join(', ') || 'any'}; stages ${q.stages.join(', ')}; preferred region ${q.region ?? 'none'}, era ${q.year ?? 'any'}`,
  );
  out.push(
    `  data: ${r.data.pax} (${r.data.agreements} agreements); relapse from UCDP termination data to ${r.data.lastObservedYear ?? '—'} and the case base`,
  );
  for (const n of q.notes) out.push(`  note: ${n}`);
  if (r.empty) {
    out.push('');
    out.push(r.empty.message);
    out.push('To find some, relax one of:');
    for (const x of r.empty.relax) out.push(`  - ${x.change}: ${x.matches} agreements would match`);
    return out.join('\n') + '\n';
  }
  const analogue = r.agreements.filter((a) => a.fromAnalogue).length;
  out.push(
    `  ${r.agreements.length} comparable agreements (of ${r.candidates} matching; at most ${q.perProcess} per peace process), ${analogue} of them the case base's analogues' own`,
  );
  out.push('');
  out.push('Provision families: share of the comparable agreements with it [95% Wilson interval]');
  const freq = [...r.frequencies].sort((x, y) => y.present.k - x.present.k);
  for (const f of freq)
    out.push(
      `  ${(f.label + mark(f.verified)).padEnd(56)} ${pct(f.present.share).padStart(4)}  ${String(f.present.k).padStart(3)}/${f.present.n}  [${ci(f.present)}]`,
    );
  out.push('');
  out.push(
    'War again within 5 years, with and without each provision (relapsed/observable [95% Wilson]):',
  );
  for (const f of freq) {
    const d = r.durability.find((x) => x.family === f.family && x.years === 5)!;
    if (d.with.n === 0 && d.without.n === 0) continue;
    out.push(
      `  ${(f.label + mark(f.verified)).padEnd(56)} with ${cell(d.with)}; without ${cell(d.without)}`,
    );
  }
  const two = (fam: string) => r.durability.find((x) => x.family === fam && x.years === 2)!;
  out.push(
    `  (within 2 years, e.g. ceasefire: with ${cell(two('ceasefire').with)}; without ${cell(two('ceasefire').without)}; all families in --json)`,
  );
  const ended = r.agreementEnded.filter((e) => e.with.n + e.without.n > 0);
  if (ended.length > 0) {
    out.push('');
    out.push(
      'The agreement itself ended within 5 years (UCDP Peace Agreement Dataset, agreements it records):',
    );
    for (const f of freq) {
      const e = ended.find((x) => x.family === f.family);
      if (e && e.with.n > 0)
        out.push(
          `  ${(f.label + mark(f.verified)).padEnd(56)} with ${cell(e.with)}; without ${cell(e.without)}`,
        );
    }
  }
  out.push('');
  out.push(
    'Power-sharing dimensions (political, territorial, military, economic) and war again within 5 years:',
  );
  for (const d of r.powerSharingDimensions.filter((x) => x.years === 5))
    out.push(`  ${d.dimensions.padEnd(3)} dimensions: ${cell(d.relapse)}`);
  out.push('');
  out.push('Published findings beside these agreements:');
  for (const p of r.published) {
    out.push(`  ${p.citation}${mark(p.verified)}`);
    out.push(`    found: ${p.finding}`);
    out.push(`    here:  ${p.ours} → ${verdictText(p)}`);
  }
  out.push('');
  out.push('Caveats:');
  for (const c of r.caveats) out.push(`  - ${c}`);
  if (r.termSheet) {
    const t = r.termSheet;
    out.push('');
    out.push(t.label);
    out.push(`  (${t.runs} runs, seed ${t.seed}; ${t.basis})`);
    out.push(`  1. ${t.stakeClause}`);
    t.clauses.forEach((c, i) => {
      out.push(
        `  ${i + 2}. ${c.label[0].toUpperCase()}${c.label.slice(1)}: in ${pct(c.present.share)} (${c.present.k}/${c.present.n}) of comparable settlements; war within 5 years with it ${cell(c.relapse5yWith)}, without ${cell(c.relapse5yWithout)}`,
      );
      out.push(
        `     e.g. ${c.examples.map((e) => `${e.name.slice(0, 70)} (${e.date ?? 'undated'}, PA-X ${e.paxId})`).join('; ')}`,
      );
    });
  }
  const n = opts.listAgreements ?? 10;
  if (n > 0) {
    out.push('');
    out.push(
      `Comparable agreements (first ${Math.min(n, r.agreements.length)} of ${r.agreements.length}; all with --json):`,
    );
    for (const a of r.agreements.slice(0, n))
      out.push(
        `  PA-X ${a.paxId} ${a.date ?? '    '} ${a.name.slice(0, 80)}${a.fromAnalogue ? ` [analogue ${a.fromAnalogue}]` : ''} — ${a.link}`,
      );
  }
  if (r.own.length > 0) {
    out.push('');
    out.push("The case's own agreements in PA-X (not counted above):");
    for (const a of r.own)
      out.push(
        `  PA-X ${a.paxId} ${a.date ?? ''} ${a.name.slice(0, 80)}: ${a.families.join(', ') || 'no coded provision family'}`,
      );
  }
  return out.join('\n') + '\n';
}
