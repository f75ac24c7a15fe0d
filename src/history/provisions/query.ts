/**
 * The default question for a case or a scenario: which PA-X agreement types, conflict types and
 * stages are comparable, the preferred region and era, and the analogues' own agreements.
 * Design choices: an interstate war compares with PA-X's interstate and interstate/intrastate
 * agreements, a civil war with intrastate and interstate/intrastate ones (PA-X starts in 1990
 * and codes no extra-state wars); territorial stakes (territory, secession, autonomy,
 * independence) match Contp "Territory" or "Government/territory", government stakes
 * (government, regime change) "Government" or "Government/territory", both only the latter;
 * by default only the agreements a settlement is made of (ceasefire, partial and comprehensive
 * substantive: Cea, SubPar, SubComp).
 */
import type { z } from 'zod';
import type { Case, CaseType, RegionSchema } from '../caseSchema.ts';
import { agreements } from '../caseQueries.ts';
import type { ProvisionsQuery } from './schema.ts';

type Q = ProvisionsQuery;
type Region = z.infer<typeof RegionSchema>;

export const DEFAULT_STAGES: Q['stages'] = ['Cea', 'SubPar', 'SubComp'];
export const DEFAULT_TOP = 60;
export const DEFAULT_PER_PROCESS = 3;

export const PAX_REGION_OF: Record<Region, NonNullable<Q['region']>> = {
  europe: 'Europe and Eurasia',
  'middle-east': 'Middle East and North Africa',
  asia: 'Asia and Pacific',
  oceania: 'Asia and Pacific',
  africa: 'Africa (excl MENA)',
  americas: 'Americas',
};

export function agreementTypesFor(t: CaseType): Q['agreementTypes'] {
  if (t === 'interstate') return ['Inter', 'InterIntra'];
  if (t === 'extra-state') return [];
  return ['Intra', 'InterIntra'];
}

export function conflictTypesFor(
  territorial: boolean | null,
  government: boolean | null,
): Q['conflictTypes'] {
  if (territorial && government) return ['Government/territory'];
  if (territorial) return ['Territory', 'Government/territory'];
  if (government) return ['Government', 'Government/territory'];
  return [];
}

const TERRITORIAL = new Set(['territory', 'secession', 'autonomy', 'independence']);
const GOVERNMENT = new Set(['government', 'regime-change']);

/** Overrides a user may give (CLI flags, API query). */
export type QueryOptions = Partial<
  Pick<Q, 'agreementTypes' | 'conflictTypes' | 'stages' | 'region' | 'top' | 'perProcess'>
>;

function analogueAgreements(analogues: readonly Case[]): Q['analogueAgreements'] {
  return analogues.flatMap((c) =>
    agreements(c).flatMap((a) => (a.paxId !== undefined ? [{ caseId: c.id, paxId: a.paxId }] : [])),
  );
}

function finish(base: Omit<Q, 'top' | 'perProcess'>, o: QueryOptions): Q {
  return {
    ...base,
    agreementTypes: o.agreementTypes ?? base.agreementTypes,
    conflictTypes: o.conflictTypes ?? base.conflictTypes,
    stages: o.stages ?? base.stages,
    region: o.region !== undefined ? o.region : base.region,
    top: o.top ?? DEFAULT_TOP,
    perProcess: o.perProcess ?? DEFAULT_PER_PROCESS,
  };
}

export function caseQuery(c: Case, analogues: readonly Case[], o: QueryOptions = {}): Q {
  const stakes = new Set<string>(c.stakes);
  const own = agreements(c).flatMap((a) => (a.paxId !== undefined ? [a.paxId] : []));
  return finish(
    {
      kind: 'case',
      id: c.id,
      label: c.name,
      agreementTypes: agreementTypesFor(c.type),
      conflictTypes: conflictTypesFor(
        [...stakes].some((s) => TERRITORIAL.has(s)),
        [...stakes].some((s) => GOVERNMENT.has(s)),
      ),
      stages: DEFAULT_STAGES,
      region: c.region ? PAX_REGION_OF[c.region] : null,
      year: Number((c.end ?? c.start).date.slice(0, 4)),
      analogueAgreements: analogueAgreements(analogues),
      excludeAgreementIds: own,
      notes:
        own.length > 0
          ? [`the case's own ${own.length} PA-X agreement(s) are listed apart and not counted`]
          : [],
    },
    o,
  );
}

export type ScenarioFacts = {
  id: string;
  label: string;
  type: CaseType;
  /** territorial stake read from the scenario (null unknown) */
  territorial: boolean | null;
  /** calendar year of the scenario's month 0, if known */
  year: number | null;
};

export function scenarioQuery(
  s: ScenarioFacts,
  analogues: readonly Case[],
  o: QueryOptions = {},
): Q {
  // the most common region among the analogues (the nearer one on a tie)
  const count = (r: string | undefined) => analogues.filter((c) => c.region === r).length;
  const withRegion = analogues
    .filter((c) => c.region !== undefined)
    .reduce<Case | undefined>(
      (best, c) => (!best || count(c.region) > count(best.region) ? c : best),
      undefined,
    );
  const notes: string[] = [];
  if (withRegion?.region && o.region === undefined)
    notes.push(
      `a scenario records no region: the most common among its nearest analogues (${withRegion.region}) is preferred (the region option changes it)`,
    );
  if (s.territorial === null)
    notes.push(
      'the scenario does not say whether territory is at stake: any conflict type is kept',
    );
  return finish(
    {
      kind: 'scenario',
      id: s.id,
      label: s.label,
      agreementTypes: agreementTypesFor(s.type),
      // a scenario's stake is territorial or not; a non-territorial war is over government
      conflictTypes: s.territorial === null ? [] : conflictTypesFor(s.territorial, !s.territorial),
      stages: DEFAULT_STAGES,
      region: withRegion?.region ? PAX_REGION_OF[withRegion.region] : null,
      year: s.year,
      analogueAgreements: analogueAgreements(analogues),
      excludeAgreementIds: [],
      notes,
    },
    o,
  );
}
