/**
 * Request and response shapes of the HTTP API (zod): the single source for validation, the
 * OpenAPI document and the generated clients. Core shapes (scenario, run result, case) are the
 * core's own schemas.
 */
import { z } from 'zod';
import { IdSchema } from '../model/index.ts';
import { TOPICS } from '../history/insights/index.ts';

export const IssueSchema = z
  .object({
    code: z.string().describe('snake_case code, e.g. invalid_type, not_found, unauthorized'),
    path: z.array(z.union([z.string(), z.number()])).describe('where in the request'),
    message: z.string(),
    line: z.number().int().optional(),
    column: z.number().int().optional(),
  })
  .describe('one problem with the request');
export type Issue = z.infer<typeof IssueSchema>;

export const ErrorSchema = z
  .object({ issues: z.array(IssueSchema) })
  .describe('every problem found; 5xx errors carry one generic issue and never internals');

export const ScenarioVersionMetaSchema = z.object({
  id: z.string(),
  version: z.number().int(),
  hash: z
    .string()
    .describe(
      'SHA-256 of the canonical JSON of this saved version, run settings included: a save that changes nothing adds no version',
    ),
  name: z.string(),
  createdAt: z.string(),
});

export const ScenarioSummarySchema = ScenarioVersionMetaSchema.extend({
  versions: z.number().int().describe('versions saved'),
});

export const ScenarioParamsSchema = z.object({ id: IdSchema });
export const VersionQuerySchema = z.object({
  version: z.coerce
    .number()
    .int()
    .min(1)
    .optional()
    .describe('a saved version; latest when omitted'),
});

export const RunStatusSchema = z.enum(['queued', 'running', 'done', 'failed']);

export const RunRecordSchema = z.object({
  id: z.string(),
  scenarioId: z.string(),
  scenarioVersion: z.number().int(),
  scenarioHash: z
    .string()
    .describe(
      "SHA-256 of the scenario alone, without its run settings (runs, seed, horizonMonths, explainMonth); equal to the result's meta.scenarioHash",
    ),
  seed: z.number().int(),
  runs: z.number().int(),
  engineVersion: z.string(),
  status: RunStatusSchema,
  error: z.string().nullable(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  durationMs: z.number().nullable(),
});

export const RunIdParamsSchema = z.object({ id: z.uuid() });

export const CaseSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  type: z.string(),
  region: z.string().nullable(),
  start: z.string(),
  end: z.string().nullable(),
  outcome: z.string(),
});

export const AnalogueSchema = z.object({
  caseId: z.string(),
  name: z.string(),
  distance: z.number(),
  similarity: z.number(),
  matched: z.array(z.string()),
  differed: z.array(z.string()),
  unknown: z.array(z.string()),
  negotiation: z.string(),
  outcome: z.string(),
  comparisons: z.array(z.record(z.string(), z.unknown())),
});

const IntervalSchema = z
  .object({ low: z.number(), high: z.number(), method: z.enum(['wilson', 'bootstrap']) })
  .nullable();
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
  interval: IntervalSchema,
  breakdown: z.array(z.record(z.string(), z.unknown())),
  caseIds: z.array(z.string()),
  caveats: z.array(z.string()),
  source: z.string(),
});
