/**
 * Cross-checks of a case against COW and UCDP: dates to the case's stated precision,
 * participants and sides, UCDP conflict existence, active years and termination outcome.
 * A mismatch becomes "annotated" when the case carries an annotation for that field.
 * Sources: COW war data (Sarkees & Wayman 2010); UCDP/PRIO ACD; UCDP Conflict Termination
 * (Kreutz 2010; outcome codes 1 peace agreement, 2 ceasefire, 3/4 victory side A/B, 5 low
 * activity, 6 actor ceased). The outcome correspondence is our design choice (data/cases/README.md).
 */
import {
  datedParts,
  type AnnotationField,
  type Case,
  type Dated,
  type Outcome,
} from './caseSchema.ts';
import type { CowDate, CowFamily, CowWar } from './cowWars.ts';
import type { UcdpAcdRow, UcdpDyadTerminationRow, UcdpTerminationRow } from './datasetRows.ts';

export type CheckStatus = 'match' | 'mismatch' | 'annotated' | 'skipped';

export type CheckResult = {
  caseId: string;
  dataset: 'cow' | 'ucdp';
  field: AnnotationField;
  status: CheckStatus;
  message: string;
};

export type CrossCheckData = {
  cowWars?: Map<number, CowWar>;
  'ucdp-acd'?: readonly UcdpAcdRow[];
  'ucdp-termination'?: readonly UcdpTerminationRow[];
  'ucdp-termination-dyad'?: readonly UcdpDyadTerminationRow[];
};

/** Last year covered by the UCDP termination data (v3-2021). */
export const UCDP_TERMINATION_LAST_YEAR = 2020;

const fmtCow = (d: CowDate | null): string =>
  d === null
    ? 'ongoing'
    : [d.year, d.month, d.day]
        .filter((x) => x !== null)
        .map((x, i) => (i === 0 ? String(x) : String(x).padStart(2, '0')))
        .join('-');

/** True when a COW date agrees with a case date to the case's precision (parts COW lacks are not compared). */
export function cowDateMatches(d: Dated, c: CowDate): boolean {
  const p = datedParts(d);
  if (p.year !== c.year) return false;
  if (p.month !== null && c.month !== null && p.month !== c.month) return false;
  if (p.day !== null && c.day !== null && p.day !== c.day) return false;
  return true;
}

const familyOf = (t: Case['type']): CowFamily =>
  t === 'interstate' ? 'inter-state' : t === 'extra-state' ? 'extra-state' : 'intra-state';

/** The UCDP termination outcomes consistent with a case outcome. */
export function allowedUcdpOutcomes(outcome: Outcome, type: Case['type']): number[] {
  const civil = type === 'civil' || type === 'internationalized-civil';
  switch (outcome) {
    case 'negotiated-settlement':
      return [1, 2];
    case 'ceasefire-frozen':
      return [1, 2, 5];
    case 'petered-out':
      return [5, 6];
    case 'victory-side-a':
      return civil ? [3, 6] : [3, 4, 6];
    case 'victory-side-b':
      return civil ? [4, 6] : [3, 4, 6];
    case 'ongoing':
      return [];
  }
}

function finish(c: Case, r: Omit<CheckResult, 'caseId'>): CheckResult {
  if (r.status !== 'mismatch') return { caseId: c.id, ...r };
  const note = c.annotations.find(
    (a) => a.field === r.field && (a.dataset === undefined || a.dataset === r.dataset),
  );
  return note
    ? {
        caseId: c.id,
        ...r,
        status: 'annotated',
        message: `${r.message} — annotated: ${note.reason}`,
      }
    : { caseId: c.id, ...r };
}

function checkCow(c: Case, wars: Map<number, CowWar>): CheckResult[] {
  const out: CheckResult[] = [];
  const found: CowWar[] = [];
  for (const n of c.cowWarNumbers) {
    const w = wars.get(n);
    if (w) found.push(w);
    else
      out.push(
        finish(c, {
          dataset: 'cow',
          field: 'cow-war',
          status: 'mismatch',
          message: `COW war ${n} not found`,
        }),
      );
  }
  if (found.length === 0) return out;
  const nums = found.map((w) => w.warNum).join(', ');
  // type
  const fam = familyOf(c.type);
  out.push(
    finish(
      c,
      found.some((w) => w.family === fam)
        ? { dataset: 'cow', field: 'type', status: 'match', message: `COW ${nums} is ${fam}` }
        : {
            dataset: 'cow',
            field: 'type',
            status: 'mismatch',
            message: `case type ${c.type} but COW ${nums} is ${found.map((w) => w.family).join('/')}`,
          },
    ),
  );
  // dates: earliest start, latest end over the listed wars
  const starts = found.map((w) => w.start).filter((d): d is CowDate => d !== null);
  const start =
    starts.sort(
      (a, b) => a.year - b.year || (a.month ?? 0) - (b.month ?? 0) || (a.day ?? 0) - (b.day ?? 0),
    )[0] ?? null;
  if (start) {
    const ok = cowDateMatches(c.start, start);
    out.push(
      finish(c, {
        dataset: 'cow',
        field: 'start',
        status: ok ? 'match' : 'mismatch',
        message: `start ${c.start.date} (${c.start.precision}) vs COW ${fmtCow(start)}`,
      }),
    );
  }
  const ongoing = found.some((w) => w.end === null);
  const ends = found.map((w) => w.end).filter((d): d is CowDate => d !== null);
  const end = ongoing
    ? null
    : (ends.sort(
        (a, b) =>
          b.year - a.year || (b.month ?? 99) - (a.month ?? 99) || (b.day ?? 99) - (a.day ?? 99),
      )[0] ?? null);
  if (c.end === null || end === null) {
    const ok = c.end === null && end === null;
    // COW stops in 2007: a war COW codes as ongoing may have ended later.
    const laterEnd = end === null && c.end !== null && datedParts(c.end).year > 2007;
    out.push(
      finish(c, {
        dataset: 'cow',
        field: 'end',
        status: ok || laterEnd ? 'match' : 'mismatch',
        message: `end ${c.end?.date ?? 'ongoing'} vs COW ${fmtCow(end)}`,
      }),
    );
  } else {
    const ok = cowDateMatches(c.end, end);
    out.push(
      finish(c, {
        dataset: 'cow',
        field: 'end',
        status: ok ? 'match' : 'mismatch',
        message: `end ${c.end.date} (${c.end.precision}) vs COW ${fmtCow(end)}`,
      }),
    );
  }
  // participants and sides
  const listed = c.belligerents.filter((b) => b.cowCode !== undefined);
  if (listed.length === 0) {
    out.push(
      finish(c, {
        dataset: 'cow',
        field: 'belligerents',
        status: 'skipped',
        message: 'no belligerent has a cowCode',
      }),
    );
    return out;
  }
  const problems: string[] = [];
  let same = 0;
  let swapped = 0;
  for (const b of listed) {
    const rows = found.flatMap((w) => w.participants.filter((p) => p.ccode === b.cowCode));
    if (rows.length === 0) {
      problems.push(`${b.name} (ccode ${b.cowCode}) is not a COW participant`);
      continue;
    }
    const want = b.side === 'a' ? 1 : 2;
    if (rows.some((p) => p.side === want)) same++;
    if (rows.some((p) => p.side !== want)) swapped++;
  }
  const n = listed.length - problems.length;
  const sidesOk =
    fam === 'inter-state' || fam === 'extra-state' ? same === n || swapped === n : same === n;
  if (!sidesOk) problems.push(`sides disagree with COW (${same} of ${n} on the same side)`);
  out.push(
    finish(
      c,
      problems.length === 0
        ? {
            dataset: 'cow',
            field: 'belligerents',
            status: 'match',
            message: `${listed.length} belligerent(s) found in COW ${nums}`,
          }
        : {
            dataset: 'cow',
            field: 'belligerents',
            status: 'mismatch',
            message: problems.join('; '),
          },
    ),
  );
  return out;
}

function checkUcdp(c: Case, data: CrossCheckData): CheckResult[] {
  const out: CheckResult[] = [];
  const acd = data['ucdp-acd'] ?? [];
  const startYear = datedParts(c.start).year;
  const endYear = c.end ? datedParts(c.end).year : Number.POSITIVE_INFINITY;
  const known: number[] = [];
  for (const id of c.ucdpConflictIds) {
    const years = acd.filter((r) => r.conflictId === id).map((r) => r.year);
    if (years.length === 0) {
      out.push(
        finish(c, {
          dataset: 'ucdp',
          field: 'ucdp-conflict',
          status: 'mismatch',
          message: `UCDP conflict ${id} not in the ACD`,
        }),
      );
      continue;
    }
    known.push(id);
    out.push(
      finish(c, {
        dataset: 'ucdp',
        field: 'ucdp-conflict',
        status: 'match',
        message: `UCDP conflict ${id} exists`,
      }),
    );
    const overlap = years.some((y) => y >= startYear && y <= endYear);
    const span = `${Math.min(...years)}–${Math.max(...years)}`;
    out.push(
      finish(c, {
        dataset: 'ucdp',
        field: 'ucdp-years',
        status: overlap ? 'match' : 'mismatch',
        message: `case ${startYear}–${c.end ? endYear : 'ongoing'} vs UCDP ${id} active ${span}`,
      }),
    );
    if (c.end === null) {
      const recent = Math.max(...years) >= 2023;
      out.push(
        finish(c, {
          dataset: 'ucdp',
          field: 'ucdp-outcome',
          status: recent ? 'match' : 'mismatch',
          message: `ongoing case; UCDP ${id} last active ${Math.max(...years)}`,
        }),
      );
    }
  }
  if (c.end === null || known.length === 0) return out;
  if (endYear > UCDP_TERMINATION_LAST_YEAR) {
    out.push(
      finish(c, {
        dataset: 'ucdp',
        field: 'ucdp-outcome',
        status: 'skipped',
        message: `ended ${endYear}, after the termination data (${UCDP_TERMINATION_LAST_YEAR})`,
      }),
    );
    return out;
  }
  const allowed = allowedUcdpOutcomes(c.outcome, c.type);
  const near = (date: string | null, year: number) => {
    const y = date ? Number(date.slice(0, 4)) : year;
    return Math.abs(y - endYear) <= 1;
  };
  const ends: { id: string; outcome: number | null }[] =
    c.ucdpDyadIds.length > 0
      ? (data['ucdp-termination-dyad'] ?? [])
          .filter(
            (r) =>
              c.ucdpDyadIds.includes(r.dyadId) && r.dyadterm === 1 && near(r.ependdate, r.year),
          )
          .map((r) => ({ id: `dyad episode ${r.dyadepId}`, outcome: r.outcome }))
      : (data['ucdp-termination'] ?? [])
          .filter(
            (r) => known.includes(r.conflictId) && r.confterm === 1 && near(r.ependdate, r.year),
          )
          .map((r) => ({ id: `episode ${r.conflictepId}`, outcome: r.outcome }));
  if (ends.length === 0) {
    out.push(
      finish(c, {
        dataset: 'ucdp',
        field: 'ucdp-outcome',
        status: 'mismatch',
        message: `no UCDP ${c.ucdpDyadIds.length > 0 ? 'dyad' : 'conflict'} episode ends within a year of ${c.end.date}`,
      }),
    );
    return out;
  }
  const good = ends.find((e) => e.outcome !== null && allowed.includes(e.outcome));
  const desc = ends.map((e) => `${e.id}: outcome ${e.outcome ?? '?'}`).join(', ');
  out.push(
    finish(c, {
      dataset: 'ucdp',
      field: 'ucdp-outcome',
      status: good ? 'match' : 'mismatch',
      message: `${c.outcome} (allows ${allowed.join('/')}) vs UCDP ${desc}`,
    }),
  );
  return out;
}

/** Runs every applicable check for one case. Checks whose data are absent are not reported. */
export function crossCheckCase(c: Case, data: CrossCheckData): CheckResult[] {
  const out: CheckResult[] = [];
  if (data.cowWars && c.cowWarNumbers.length > 0) out.push(...checkCow(c, data.cowWars));
  if (data['ucdp-acd'] && c.ucdpConflictIds.length > 0) out.push(...checkUcdp(c, data));
  return out;
}

/** Counts of results by status. */
export function tallyChecks(results: readonly CheckResult[]): Record<CheckStatus, number> {
  const t: Record<CheckStatus, number> = { match: 0, mismatch: 0, annotated: 0, skipped: 0 };
  for (const r of results) t[r.status]++;
  return t;
}
