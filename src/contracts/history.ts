/**
 * The case base as the API serves it: case summaries, analogues with their feature-by-feature
 * comparisons, and computed insights. A case in full is the core's `CaseSchema`; these are the
 * shapes of the answers around it. The server's handlers return the core's own values, and the
 * route schemas check them against these (a drift fails the type check of src/server).
 */
import { z } from 'zod';
import { CaseTypeSchema, OutcomeSchema, RegionSchema } from '../history/caseSchema.ts';
import { TOPICS } from '../history/insights/insight.ts';
import { CursorQuerySchema, NextCursorSchema } from './paging.ts';

export const CaseSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  type: z.string(),
  region: z.string().nullable(),
  start: z.string(),
  end: z.string().nullable(),
  outcome: z.string(),
});
export type CaseSummary = z.infer<typeof CaseSummarySchema>;

export const CaseListSchema = z.object({
  total: z.number().int().describe('cases matching the filters, on every page'),
  cases: z.array(CaseSummarySchema),
  nextCursor: NextCursorSchema,
});
export type CaseList = z.infer<typeof CaseListSchema>;

export const CHANNEL_FILTERS = ['public', 'back-channel', 'mediated'] as const;
export type ChannelFilter = (typeof CHANNEL_FILTERS)[number];
/** GET /cases: filters (case fields, text, mediation, channel) and paging. */
export const CaseQuerySchema = z.object({
  type: CaseTypeSchema.optional(),
  region: RegionSchema.optional(),
  outcome: OutcomeSchema.optional(),
  q: z.string().max(100).optional().describe('text in the name or id'),
  mediation: z
    .enum(['yes', 'no'])
    .optional()
    .describe('yes = a third party mediated at some point'),
  channel: z
    .enum(CHANNEL_FILTERS)
    .optional()
    .describe('talks went through this channel at some point'),
  limit: z.coerce.number().int().min(1).max(1000).default(1000),
  cursor: CursorQuerySchema,
});
export type CaseQuery = z.input<typeof CaseQuerySchema>;

/** GET /cases/{id} */
export const CaseIdParamsSchema = z.object({
  id: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]*$/)
    .max(100),
});

const FeatureValueSchema = z.union([z.string(), z.number(), z.boolean(), z.null()]);

export const FeatureComparisonSchema = z.object({
  name: z.string(),
  label: z.string(),
  distance: z.number().nullable().describe('null when the case does not code the feature'),
  query: FeatureValueSchema,
  analogue: FeatureValueSchema,
});
export type FeatureComparison = z.infer<typeof FeatureComparisonSchema>;

export const AnalogueSchema = z.object({
  caseId: z.string(),
  name: z.string(),
  distance: z.number(),
  similarity: z.number().describe('1 - distance'),
  matched: z.array(z.string()).describe('labels of features that agree closely'),
  differed: z.array(z.string()).describe('labels of features that differ most'),
  unknown: z
    .array(z.string())
    .describe('labels of features the query has but the case does not code'),
  negotiation: z.string().describe("how the analogue's negotiation went, in one line"),
  outcome: z.string(),
  comparisons: z.array(FeatureComparisonSchema),
});
export type Analogue = z.infer<typeof AnalogueSchema>;

export const AnaloguesSchema = z.object({
  query: z.object({ kind: z.enum(['scenario', 'case']), id: z.string() }),
  features: z.record(z.string(), FeatureValueSchema),
  analogues: z.array(AnalogueSchema),
});
export type Analogues = z.infer<typeof AnaloguesSchema>;

const IntervalSchema = z.object({
  low: z.number(),
  high: z.number(),
  method: z.enum(['wilson', 'bootstrap']),
});
export const BreakdownSchema = z.object({
  label: z.string(),
  numerator: z.number(),
  denominator: z.number(),
  estimate: z.number(),
  interval: IntervalSchema.nullable(),
  caseIds: z.array(z.string()).optional(),
});

export const InsightSchema = z.object({
  id: z.string(),
  topic: z.enum(TOPICS),
  title: z.string(),
  finding: z.string(),
  measure: z.enum(['share', 'median']),
  compares: z.boolean(),
  numerator: z.number(),
  denominator: z.number(),
  estimate: z.number(),
  interval: IntervalSchema.nullable(),
  breakdown: z.array(BreakdownSchema),
  caseIds: z.array(z.string()),
  caveats: z.array(z.string()),
  source: z.string(),
});
export type Insight = z.infer<typeof InsightSchema>;

export const InsightsSchema = z.object({
  insights: z.array(InsightSchema),
  skipped: z.array(z.object({ id: z.string(), reason: z.string() })),
  datasets: z
    .object({ loaded: z.array(z.string()), missing: z.array(z.string()) })
    .describe('the standard datasets read from the data folder, and those not found'),
});
export type Insights = z.infer<typeof InsightsSchema>;
