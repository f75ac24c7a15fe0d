// Provisions core on small hand-made rows: families, the relapse windows, selection caps and
// ordering, relaxations, the term sheet's threshold, and the published-findings verdicts.
import { describe, expect, it } from 'vitest';
import type { PaxAgreementRow, UcdpTerminationRow } from '../datasetRows.ts';
import {
  agreementOutcome,
  conflictYears,
  draftTermSheet,
  durabilityByDimensions,
  familiesOf,
  publishedComparisons,
  relaxations,
  selectComparable,
  share,
  ucdpAgreementOutcome,
  durabilityByProvision,
  type ComparableAgreement,
  type ProvisionsQuery,
} from './index.ts';

const row = (over: Partial<PaxAgreementRow>): PaxAgreementRow => ({
  agtId: 1,
  agt: 'An agreement',
  dat: '2000-06-01',
  con: 'Somewhere',
  contp: 'Territory',
  ppName: null,
  pp: null,
  reg: 'Europe and Eurasia',
  agtp: 'Inter',
  stage: 'SubComp',
  status: 'Multiparty signed/agreed',
  ucdpCon: 7,
  ucdpAgr: null,
  codes: {},
  ...over,
});

const years = (pairs: [number, number][]) =>
  conflictYears(pairs.map(([conflictId, year]) => ({ conflictId, year }) as UcdpTerminationRow));

const query = (over: Partial<ProvisionsQuery> = {}): ProvisionsQuery => ({
  kind: 'scenario',
  id: 'x',
  label: 'X',
  agreementTypes: ['Inter'],
  conflictTypes: ['Territory'],
  stages: ['SubComp'],
  region: null,
  year: null,
  analogueAgreements: [],
  excludeAgreementIds: [],
  top: 10,
  perProcess: 2,
  notes: [],
  ...over,
});

const agreement = (over: Partial<ComparableAgreement>): ComparableAgreement => ({
  paxId: 1,
  name: 'A',
  date: '2000-01-01',
  conflict: 'C',
  process: null,
  stage: 'SubComp',
  agreementType: 'Inter',
  conflictType: 'Territory',
  region: null,
  link: 'https://www.peaceagreements.org/view/1',
  fromAnalogue: null,
  families: [],
  relapse2y: false,
  relapse5y: false,
  outcomeSource: 'ucdp',
  ucdpAgreement: null,
  ...over,
});

describe('provision families', () => {
  it('a family is present when any of its codes is above 0', () => {
    expect(familiesOf({ Ce: 2, SsrDdr: 0, SsrArm: 1, Polps: null })).toEqual([
      'ceasefire',
      'security-sector-ddr',
    ]);
    expect(familiesOf({})).toEqual([]);
  });
});

describe('what followed an agreement', () => {
  const y = years([
    [7, 2000],
    [7, 2003],
    [9, 2005],
  ]);
  it('counts conflict-years after the signing year, and only closed windows', () => {
    expect(agreementOutcome(row({ dat: '2000-06-01' }), y, new Map())).toEqual({
      relapse2y: false,
      relapse5y: true,
      source: 'ucdp',
    });
    // 2002 + 5 > 2005, the data's last year: not observable
    expect(agreementOutcome(row({ dat: '2002-01-01' }), y, new Map())).toEqual({
      relapse2y: true,
      relapse5y: null,
      source: 'ucdp',
    });
  });
  it('is unknown without a UCDP link or for a conflict absent from the data', () => {
    expect(agreementOutcome(row({ ucdpCon: null }), y, new Map()).source).toBeNull();
    expect(agreementOutcome(row({ ucdpCon: 99 }), y, new Map()).relapse2y).toBeNull();
  });
  it("a case's relapse record comes first", () => {
    const records = new Map([[1, { caseId: 'c', within2y: true, within5y: true }]]);
    expect(agreementOutcome(row({ agtId: 1 }), y, records)).toEqual({
      relapse2y: true,
      relapse5y: true,
      source: 'case',
    });
  });
});

describe("the UCDP Peace Agreement Dataset's record", () => {
  const byId = new Map([
    [1, { paid: 1, paDate: '2000-03-01', ended: true, duration: '2004-01-01' }],
    [2, { paid: 2, paDate: '2000-03-01', ended: true, duration: '2006-01-01' }],
    [3, { paid: 3, paDate: '2015-03-01', ended: null, duration: null }],
  ]);
  const at = (ucdpAgr: number | null) => ucdpAgreementOutcome(row({ ucdpAgr }), byId, '2019-12-31');
  it('ended within 5 years, later, not yet observable, or not linked', () => {
    expect(at(1)).toEqual({ paid: 1, endedWithin5y: true, endedOn: '2004-01-01' });
    expect(at(2)?.endedWithin5y).toBe(false);
    expect(at(3)?.endedWithin5y).toBeNull(); // 2020-03 is after the data's last agreement
    expect(at(null)).toBeNull();
    expect(at(9)).toBeNull();
  });
});

describe('selecting comparable agreements', () => {
  const rows = [
    row({ agtId: 1, pp: 1, dat: '2001-01-01' }),
    row({ agtId: 2, pp: 1, dat: '2002-01-01' }),
    row({ agtId: 3, pp: 1, dat: '2003-01-01' }),
    row({ agtId: 4, pp: 2, reg: 'Americas' }),
    row({ agtId: 5, status: 'Unilateral document' }),
    row({ agtId: 6, agtp: 'Intra', stage: 'SubComp' }),
    row({ agtId: 7, stage: 'Pre' }),
  ];
  it('filters, caps each peace process and ranks analogues first, then region and era', () => {
    const q = query({
      analogueAgreements: [{ caseId: 'k', paxId: 6 }],
      region: 'Europe and Eurasia',
      year: 2003,
    });
    const { candidates, chosen } = selectComparable(rows, q);
    expect(candidates).toBe(5); // 1-4 pass the filters; 6 is an analogue's own
    expect(chosen.map((c) => c.row.agtId)).toEqual([6, 3, 2, 4]);
    expect(chosen[0].fromAnalogue).toBe('k');
  });
  it('leaves out excluded agreements and stops at top', () => {
    const { chosen } = selectComparable(rows, query({ excludeAgreementIds: [3], top: 1 }));
    expect(chosen.map((c) => c.row.agtId)).toEqual([2]);
  });
  it('says what each relaxation would let in', () => {
    const q = query({ agreementTypes: ['InterIntra'] });
    expect(selectComparable(rows, q).chosen).toEqual([]);
    const r = relaxations(rows, q);
    expect(r.find((x) => x.change.startsWith('agreement types'))!.matches).toBe(5);
  });
});

describe('durability and the published findings', () => {
  const many = Array.from({ length: 6 }, (_, i) =>
    agreement({
      paxId: i,
      families: ['political-power-sharing', 'territorial-power-sharing', 'peacekeeping'],
      relapse5y: false,
    }),
  );
  const none = Array.from({ length: 6 }, (_, i) => agreement({ paxId: 10 + i, relapse5y: i < 3 }));
  it('groups agreements by power-sharing dimensions', () => {
    const dims = durabilityByDimensions([...many, ...none]).filter((d) => d.years === 5);
    expect(dims.map((d) => [d.dimensions, d.relapse.k, d.relapse.n])).toEqual([
      ['0', 3, 6],
      ['1', 0, 0],
      ['2+', 0, 6],
    ]);
  });
  it('agrees in direction when fewer relapse with the provision; too few under 5', () => {
    const all = [...many, ...none];
    const p = publishedComparisons(durabilityByProvision(all), durabilityByDimensions(all));
    expect(p.find((x) => x.id === 'hartzell-hoddie-2003')!.verdict).toBe('agrees');
    expect(p.find((x) => x.id === 'fortna-2004-peacekeeping')!.verdict).toBe('agrees');
    expect(p.find((x) => x.id === 'fortna-2003-guarantees')!.verdict).toBe('too-few');
  });
  it('a share with nothing observable has no estimate and the whole interval', () => {
    expect(share(0, 0)).toEqual({ k: 0, n: 0, share: null, interval: { low: 0, high: 1 } });
  });
});

describe('draft term sheet', () => {
  const terms = {
    runs: 100,
    seed: 1,
    settlements: 40,
    sideA: 'A',
    sideB: 'B',
    quantiles: { p10: 0.3, p50: 0.555, p90: 0.8 },
    territorial: true,
  };
  it('turns families used by at least a quarter of the substantive agreements into clauses', () => {
    const list = [
      agreement({ paxId: 1, families: ['ceasefire', 'amnesty'] }),
      agreement({ paxId: 2, families: ['ceasefire'] }),
      agreement({ paxId: 3, families: [] }),
      agreement({ paxId: 4, families: [] }),
      agreement({ paxId: 5, families: ['elections'], stage: 'Cea' }),
    ];
    const t = draftTermSheet(terms, list);
    expect(t.clauses.map((c) => c.family)).toEqual(['ceasefire', 'amnesty']);
    expect(t.clauses[0].present).toMatchObject({ k: 2, n: 4 });
    expect(t.stakeClause).toContain('A about 56% and B about 44%');
    expect(t.label).toContain('not advice');
  });
  it('says so when no run settled', () => {
    const t = draftTermSheet({ ...terms, settlements: 0 }, [agreement({})]);
    expect(t.stakeClause).toMatch(/No run of 100 reached a settlement/);
  });
});
