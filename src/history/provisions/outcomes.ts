/**
 * What followed an agreement: armed conflict again within 2 and 5 years. From the case base when
 * the agreement is a case's final agreement (its relapse record, counted from the war's end);
 * otherwise from the UCDP Conflict Termination data (Kreutz 2010, v3-2021): the agreement's UCDP
 * conflict had a conflict-year (≥ 25 battle deaths) in any of the N calendar years after the year
 * of signature. Design choices: calendar years (the data are annual), so fighting later in the
 * signing year does not count; a window not yet closed by the data's last year, a missing UCDP
 * link, or a conflict absent from the termination data gives null (not observable).
 * Separately, whether the agreement itself ended within 5 years, from the UCDP Peace Agreement
 * Dataset v22.1 (Högbladh 2011) for agreements PA-X links to it (UcdpAgr); the dataset is read
 * as observed to its last agreement date.
 */
import type { Case } from '../caseSchema.ts';
import { finalAgreement } from '../caseQueries.ts';
import type { PaxAgreementRow, UcdpPeaceAgreementRow, UcdpTerminationRow } from '../datasetRows.ts';

export type ConflictYears = { active: Map<number, Set<number>>; lastYear: number | null };

export function conflictYears(rows: readonly UcdpTerminationRow[]): ConflictYears {
  const active = new Map<number, Set<number>>();
  let lastYear: number | null = null;
  for (const r of rows) {
    let s = active.get(r.conflictId);
    if (!s) active.set(r.conflictId, (s = new Set()));
    s.add(r.year);
    if (lastYear === null || r.year > lastYear) lastYear = r.year;
  }
  return { active, lastYear };
}

export type CaseRecord = { caseId: string; within2y: boolean | null; within5y: boolean | null };

/** PA-X id of each case's final agreement → the case's relapse record. */
export function caseRecords(cases: readonly Case[]): Map<number, CaseRecord> {
  const out = new Map<number, CaseRecord>();
  for (const c of cases) {
    const fin = finalAgreement(c);
    if (fin?.paxId === undefined || !c.durability) continue;
    out.set(fin.paxId, {
      caseId: c.id,
      within2y: c.durability.resumedWithin2y,
      within5y: c.durability.resumedWithin5y,
    });
  }
  return out;
}

export type Outcome = {
  relapse2y: boolean | null;
  relapse5y: boolean | null;
  source: 'case' | 'ucdp' | null;
};

export function agreementOutcome(
  a: PaxAgreementRow,
  years: ConflictYears,
  records: ReadonlyMap<number, CaseRecord>,
): Outcome {
  const rec = records.get(a.agtId);
  if (rec) return { relapse2y: rec.within2y, relapse5y: rec.within5y, source: 'case' };
  const active = a.ucdpCon !== null ? years.active.get(a.ucdpCon) : undefined;
  const y = a.dat ? Number(a.dat.slice(0, 4)) : null;
  if (!active || y === null || years.lastYear === null)
    return { relapse2y: null, relapse5y: null, source: null };
  const within = (n: number) => {
    if (y + n > years.lastYear!) return null;
    for (let k = 1; k <= n; k++) if (active.has(y + k)) return true;
    return false;
  };
  return { relapse2y: within(2), relapse5y: within(5), source: 'ucdp' };
}

export type UcdpAgreementOutcome = {
  paid: number;
  endedWithin5y: boolean | null;
  endedOn: string | null;
};

const addYears = (iso: string, n: number) => `${Number(iso.slice(0, 4)) + n}${iso.slice(4)}`;

/** The UCDP Peace Agreement Dataset's record of the agreement, if PA-X links one. */
export function ucdpAgreementOutcome(
  a: PaxAgreementRow,
  byId: ReadonlyMap<number, UcdpPeaceAgreementRow>,
  lastDate: string | null,
): UcdpAgreementOutcome | null {
  const u = a.ucdpAgr !== null ? byId.get(a.ucdpAgr) : undefined;
  if (!u || !u.paDate) return null;
  const limit = addYears(u.paDate, 5);
  const endedOn = u.ended ? u.duration : null;
  let endedWithin5y: boolean | null;
  if (u.ended && endedOn) endedWithin5y = endedOn <= limit;
  else if (u.ended)
    endedWithin5y = null; // ended, date unknown
  else endedWithin5y = lastDate !== null && limit <= lastDate ? false : null;
  return { paid: u.paid, endedWithin5y, endedOn };
}
