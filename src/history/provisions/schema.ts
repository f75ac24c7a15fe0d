/**
 * The shape of a provisions answer (comparable agreements, provision frequencies, durability by
 * provision, published findings, draft term sheet), declared once: the CLI prints it, the API
 * validates its responses with it, the report and the web page render it.
 */
import { z } from 'zod';

export const PAX_STAGES = ['Pre', 'Cea', 'SubPar', 'SubComp', 'Imp', 'Ren', 'Oth'] as const;
export const PAX_AGREEMENT_TYPES = ['Inter', 'InterIntra', 'Intra', 'IntraLocal'] as const;
export const PAX_CONFLICT_TYPES = [
  'Government',
  'Territory',
  'Government/territory',
  'Inter-group',
  'Other',
] as const;
export const PAX_REGIONS = [
  'Africa (excl MENA)',
  'Europe and Eurasia',
  'Asia and Pacific',
  'Middle East and North Africa',
  'Americas',
  'Cross-regional',
] as const;

export const ProvisionsQuerySchema = z.object({
  kind: z.enum(['scenario', 'case']),
  id: z.string(),
  label: z.string(),
  agreementTypes: z.array(z.enum(PAX_AGREEMENT_TYPES)).describe('PA-X Agtp values kept'),
  conflictTypes: z
    .array(z.enum(PAX_CONFLICT_TYPES))
    .describe('PA-X Contp values kept; empty = any'),
  stages: z.array(z.enum(PAX_STAGES)).describe('PA-X Stage values kept'),
  region: z.enum(PAX_REGIONS).nullable().describe('preferred region (a weight, not a filter)'),
  year: z.number().int().nullable().describe('preferred year (era weight)'),
  analogueAgreements: z
    .array(z.object({ caseId: z.string(), paxId: z.number().int() }))
    .describe("the case base's analogues' own PA-X agreements, ranked first"),
  excludeAgreementIds: z.array(z.number().int()).describe("the case's own agreements"),
  top: z.number().int().min(1).max(200),
  perProcess: z
    .number()
    .int()
    .min(1)
    .max(50)
    .describe('at most this many agreements per peace process'),
  notes: z.array(z.string()),
});
export type ProvisionsQuery = z.infer<typeof ProvisionsQuerySchema>;

const IntervalSchema = z.object({ low: z.number(), high: z.number() });

export const ComparableAgreementSchema = z.object({
  paxId: z.number().int(),
  name: z.string(),
  date: z.string().nullable(),
  conflict: z.string(),
  process: z.string().nullable(),
  stage: z.string().nullable(),
  agreementType: z.string().nullable(),
  conflictType: z.string().nullable(),
  region: z.string().nullable(),
  link: z.string(),
  fromAnalogue: z.string().nullable().describe('case id when the agreement is an analogue’s own'),
  families: z.array(z.string()),
  relapse2y: z
    .boolean()
    .nullable()
    .describe('armed conflict within 2 years; null = not observable'),
  relapse5y: z.boolean().nullable(),
  outcomeSource: z.enum(['case', 'ucdp']).nullable(),
  ucdpAgreement: z
    .object({
      paid: z.number().int(),
      endedWithin5y: z.boolean().nullable(),
      endedOn: z.string().nullable(),
    })
    .nullable()
    .describe('the UCDP Peace Agreement Dataset record, when PA-X links one'),
});
export type ComparableAgreement = z.infer<typeof ComparableAgreementSchema>;

export const ShareSchema = z.object({
  k: z.number().int(),
  n: z.number().int(),
  share: z.number().nullable(),
  interval: IntervalSchema,
});
export type Share = z.infer<typeof ShareSchema>;

export const FrequencySchema = z.object({
  family: z.string(),
  label: z.string(),
  codes: z.array(z.string()),
  verified: z.boolean(),
  present: ShareSchema,
  paxIds: z.array(z.number().int()),
});
export type Frequency = z.infer<typeof FrequencySchema>;

export const DurabilityRowSchema = z.object({
  family: z.string(),
  label: z.string(),
  years: z.union([z.literal(2), z.literal(5)]),
  with: ShareSchema.describe('relapsed / observable among agreements with the provision'),
  without: ShareSchema,
});
export type DurabilityRow = z.infer<typeof DurabilityRowSchema>;

export const EndedRowSchema = z.object({
  family: z.string(),
  label: z.string(),
  with: ShareSchema.describe('ended within 5 years / observable, UCDP Peace Agreement Dataset'),
  without: ShareSchema,
});
export type EndedRow = z.infer<typeof EndedRowSchema>;

export const DimensionRowSchema = z.object({
  dimensions: z.enum(['0', '1', '2+']),
  years: z.union([z.literal(2), z.literal(5)]),
  relapse: ShareSchema,
});
export type DimensionRow = z.infer<typeof DimensionRowSchema>;

export const PublishedComparisonSchema = z.object({
  id: z.string(),
  citation: z.string(),
  url: z.string().nullable(),
  finding: z.string(),
  verified: z.boolean().describe('false = not checked against the text: shown with [M]'),
  ours: z.string(),
  verdict: z
    .enum(['agrees', 'differs', 'too-few'])
    .describe(
      'direction of the point estimates; too-few = a group under MIN_GROUP observable agreements',
    ),
  overlap: z
    .boolean()
    .describe('the two 95% intervals overlap: the data cannot tell the groups apart'),
});
export type PublishedComparison = z.infer<typeof PublishedComparisonSchema>;

export const TermClauseSchema = z.object({
  family: z.string(),
  label: z.string(),
  present: ShareSchema.describe('share of the comparable substantive agreements with it'),
  relapse5yWith: ShareSchema,
  relapse5yWithout: ShareSchema,
  examples: z.array(
    z.object({
      paxId: z.number().int(),
      name: z.string(),
      date: z.string().nullable(),
      link: z.string(),
    }),
  ),
});

export const TermSheetSchema = z.object({
  label: z.string(),
  runs: z.number().int(),
  seed: z.number().int(),
  settlements: z.number().int(),
  sideA: z.string(),
  sideB: z.string(),
  shareA: z.object({
    p10: z.number().nullable(),
    p50: z.number().nullable(),
    p90: z.number().nullable(),
  }),
  stakeClause: z.string(),
  basis: z.string(),
  clauses: z.array(TermClauseSchema),
});
export type TermSheet = z.infer<typeof TermSheetSchema>;

export const ProvisionsReportSchema = z.object({
  query: ProvisionsQuerySchema,
  data: z.object({
    pax: z.string(),
    agreements: z.number().int(),
    lastObservedYear: z.number().int().nullable(),
  }),
  candidates: z.number().int().describe('agreements passing the filters before the cap'),
  agreements: z.array(ComparableAgreementSchema),
  frequencies: z.array(FrequencySchema),
  durability: z.array(DurabilityRowSchema),
  agreementEnded: z
    .array(EndedRowSchema)
    .describe('the agreement itself ended within 5 years (UCDP), with and without each family'),
  powerSharingDimensions: z.array(DimensionRowSchema),
  published: z.array(PublishedComparisonSchema),
  empty: z
    .object({
      message: z.string(),
      relax: z.array(z.object({ change: z.string(), matches: z.number().int() })),
    })
    .nullable(),
  own: z.array(ComparableAgreementSchema).describe("a case's own agreements in PA-X (not counted)"),
  termSheet: TermSheetSchema.nullable(),
  caveats: z.array(z.string()),
});
export type ProvisionsReport = z.infer<typeof ProvisionsReportSchema>;
