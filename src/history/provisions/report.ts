/**
 * One provisions answer from plain rows: the comparable agreements with their families and what
 * followed them, provision frequencies, durability by provision, the power-sharing dimensions,
 * published findings beside ours, and (for a scenario run) a draft term sheet.
 */
import type { Case } from '../caseSchema.ts';
import type { PaxAgreementRow, UcdpPeaceAgreementRow, UcdpTerminationRow } from '../datasetRows.ts';
import { paxLink, relaxations, selectComparable } from './comparable.ts';
import { familiesOf } from './families.ts';
import {
  durabilityByDimensions,
  durabilityByProvision,
  endedByProvision,
  provisionFrequencies,
} from './frequencies.ts';
import {
  agreementOutcome,
  caseRecords,
  conflictYears,
  ucdpAgreementOutcome,
  type CaseRecord,
  type ConflictYears,
} from './outcomes.ts';
import { publishedComparisons } from './published.ts';
import type { ComparableAgreement, ProvisionsQuery, ProvisionsReport } from './schema.ts';
import { draftTermSheet, type SettlementTerms } from './termSheet.ts';

export const CAVEATS = [
  'Association, not effect: provisions are chosen in harder or easier wars (a peacekeeping force goes where peace is fragile), so a difference in relapse with and without a provision is not what the provision did.',
  'Agreements of one war are not independent: several from one process share its fate (at most a few per peace process are kept to limit this).',
  '"War again" is an armed conflict year (UCDP, at least 25 battle deaths) in the N calendar years after the year of signature, or the case base\'s relapse record for a case\'s final agreement; windows not closed by the data (UCDP termination data end in 2020) are left out.',
  'PA-X v2 covers 1990-2019; older wars have no agreements in it.',
];

export type ProvisionsInput = {
  query: ProvisionsQuery;
  pax: readonly PaxAgreementRow[];
  termination: readonly UcdpTerminationRow[];
  ucdpAgreements: readonly UcdpPeaceAgreementRow[];
  cases: readonly Case[];
  paxVersion: string;
  terms?: SettlementTerms;
};

type Joins = {
  years: ConflictYears;
  records: ReadonlyMap<number, CaseRecord>;
  ucdp: ReadonlyMap<number, UcdpPeaceAgreementRow>;
  ucdpLast: string | null;
};

function toComparable(
  row: PaxAgreementRow,
  fromAnalogue: string | null,
  j: Joins,
): ComparableAgreement {
  const o = agreementOutcome(row, j.years, j.records);
  return {
    paxId: row.agtId,
    name: row.agt,
    date: row.dat,
    conflict: row.con,
    process: row.ppName,
    stage: row.stage,
    agreementType: row.agtp,
    conflictType: row.contp,
    region: row.reg,
    link: paxLink(row.agtId),
    fromAnalogue,
    families: familiesOf(row.codes),
    relapse2y: o.relapse2y,
    relapse5y: o.relapse5y,
    outcomeSource: o.source,
    ucdpAgreement: ucdpAgreementOutcome(row, j.ucdp, j.ucdpLast),
  };
}

export function buildProvisionsReport(input: ProvisionsInput): ProvisionsReport {
  const { query } = input;
  const ucdpLast = input.ucdpAgreements.reduce<string | null>(
    (m, u) => (u.paDate !== null && (m === null || u.paDate > m) ? u.paDate : m),
    null,
  );
  const joins: Joins = {
    years: conflictYears(input.termination),
    records: caseRecords(input.cases),
    ucdp: new Map(input.ucdpAgreements.map((u) => [u.paid, u])),
    ucdpLast,
  };
  const { candidates, chosen } = selectComparable(input.pax, query);
  const list = chosen.map((c) => toComparable(c.row, c.fromAnalogue, joins));
  const ownIds = new Set(query.excludeAgreementIds);
  const own = input.pax.filter((a) => ownIds.has(a.agtId)).map((a) => toComparable(a, null, joins));
  const durability = durabilityByProvision(list);
  const dims = durabilityByDimensions(list);
  return {
    query,
    data: {
      pax: input.paxVersion,
      agreements: input.pax.length,
      lastObservedYear: joins.years.lastYear,
    },
    candidates,
    agreements: list,
    frequencies: provisionFrequencies(list),
    durability,
    agreementEnded: endedByProvision(list),
    powerSharingDimensions: dims,
    published: publishedComparisons(durability, dims),
    empty:
      list.length === 0
        ? {
            message: `No PA-X agreement matches ${query.label}: agreement types [${query.agreementTypes.join(', ') || 'none'}], conflict types [${query.conflictTypes.join(', ') || 'any'}], stages [${query.stages.join(', ')}].`,
            relax: relaxations(input.pax, query),
          }
        : null,
    own,
    termSheet: input.terms && list.length > 0 ? draftTermSheet(input.terms, list) : null,
    caveats: CAVEATS,
  };
}
