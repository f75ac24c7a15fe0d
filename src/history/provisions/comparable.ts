/**
 * Which PA-X agreements are comparable to a war: hard filters on agreement type (PA-X Agtp),
 * conflict type (Contp: what is at stake) and stage, signed by several parties; the case base's
 * analogues' own agreements first; then region and era as weights. Design choices: the region
 * counts 1 and the era up to 1 (linear in years apart, 0 beyond 30 years); at most `perProcess`
 * agreements from one peace process, so one long process (dozens of renewals) cannot fill the list.
 */
import type { PaxAgreementRow } from '../datasetRows.ts';
import type { ProvisionsQuery } from './schema.ts';

export const paxLink = (paxId: number): string => `https://www.peaceagreements.org/view/${paxId}`;

/** PA-X's status for agreements signed or agreed by more than one party. */
export const SIGNED = 'Multiparty signed/agreed';

const yearOf = (d: string | null): number | null => (d ? Number(d.slice(0, 4)) : null);

export type Filters = Pick<ProvisionsQuery, 'agreementTypes' | 'conflictTypes' | 'stages'>;

export function passesFilters(a: PaxAgreementRow, f: Filters): boolean {
  return (
    a.status === SIGNED &&
    (f.agreementTypes as readonly (string | null)[]).includes(a.agtp) &&
    (f.conflictTypes.length === 0 ||
      (f.conflictTypes as readonly (string | null)[]).includes(a.contp)) &&
    (f.stages as readonly (string | null)[]).includes(a.stage)
  );
}

export type Chosen = { row: PaxAgreementRow; fromAnalogue: string | null };

/** The comparable agreements, best first, and how many passed the filters before the caps. */
export function selectComparable(
  rows: readonly PaxAgreementRow[],
  q: ProvisionsQuery,
): { candidates: number; chosen: Chosen[] } {
  const excluded = new Set(q.excludeAgreementIds);
  const analogueOf = new Map<number, { caseId: string; rank: number }>();
  q.analogueAgreements.forEach((x, rank) => {
    if (!analogueOf.has(x.paxId)) analogueOf.set(x.paxId, { caseId: x.caseId, rank });
  });
  const score = (a: PaxAgreementRow) => {
    const y = yearOf(a.dat);
    const era = q.year !== null && y !== null ? Math.max(0, 1 - Math.abs(y - q.year) / 30) : 0;
    return (q.region !== null && a.reg === q.region ? 1 : 0) + era;
  };
  const pool = rows.filter(
    (a) =>
      !excluded.has(a.agtId) &&
      (passesFilters(a, q) ||
        (analogueOf.has(a.agtId) &&
          a.status === SIGNED &&
          (q.stages as readonly (string | null)[]).includes(a.stage))),
  );
  const ranked = pool
    .map((row) => ({ row, analogue: analogueOf.get(row.agtId), score: score(row) }))
    .sort(
      (x, y) =>
        (x.analogue?.rank ?? Infinity) - (y.analogue?.rank ?? Infinity) ||
        y.score - x.score ||
        (y.row.dat ?? '').localeCompare(x.row.dat ?? '') ||
        x.row.agtId - y.row.agtId,
    );
  const perProcess = new Map<string, number>();
  const chosen: Chosen[] = [];
  for (const r of ranked) {
    if (chosen.length >= q.top) break;
    const key = r.row.pp !== null ? `pp${r.row.pp}` : `agt${r.row.agtId}`;
    const n = perProcess.get(key) ?? 0;
    if (n >= q.perProcess) continue;
    perProcess.set(key, n + 1);
    chosen.push({ row: r.row, fromAnalogue: r.analogue?.caseId ?? null });
  }
  return { candidates: pool.length, chosen };
}

/** What to relax when nothing matched: each single change and how many agreements it would let in. */
export function relaxations(
  rows: readonly PaxAgreementRow[],
  q: ProvisionsQuery,
): { change: string; matches: number }[] {
  const count = (f: Filters) => rows.filter((a) => passesFilters(a, f)).length;
  const out: { change: string; matches: number }[] = [];
  if (q.conflictTypes.length > 0)
    out.push({
      change: 'any conflict type (--conflict-type any)',
      matches: count({ ...q, conflictTypes: [] }),
    });
  const allTypes = ['Inter', 'InterIntra', 'Intra'] as const;
  if (allTypes.some((t) => !q.agreementTypes.includes(t)))
    out.push({
      change: `agreement types ${allTypes.join(',')} (--agreement-type ${allTypes.join(',')})`,
      matches: count({ ...q, agreementTypes: [...allTypes] }),
    });
  const wide = ['Cea', 'SubPar', 'SubComp', 'Imp', 'Ren'] as const;
  if (wide.some((s) => !q.stages.includes(s)))
    out.push({
      change: `stages ${wide.join(',')} (--stage ${wide.join(',')})`,
      matches: count({ ...q, stages: [...wide] }),
    });
  out.push({
    change: 'all three at once',
    matches: count({ agreementTypes: [...allTypes], conflictTypes: [], stages: [...wide] }),
  });
  return out;
}
