/**
 * Analyses of a saved scenario: the requests that compute one (a paired comparison of its
 * variants, a sensitivity analysis, a sweep), each with the scenario version and the run
 * overrides that apply to analyses (runs per variant or point, seed), and the saved analyses.
 */
import { z } from 'zod';
import { METRIC_IDS } from '../analysis/outcomes.ts';
import { CursorQuerySchema, limitQuery, NextCursorSchema } from './paging.ts';
import { RunOverridesSchema } from './runOverrides.ts';
import type { RunLimits } from './runs.ts';

export const AnalysisKindSchema = z.enum(['comparison', 'sensitivity', 'sweep']);

export const AnalysisSchema = z.object({
  id: z.string(),
  kind: AnalysisKindSchema,
  scenarioId: z.string(),
  scenarioVersion: z.number().int(),
  params: z.unknown(),
  summary: z.unknown(),
  rowCount: z.number().int(),
  createdAt: z.string(),
});
export type Analysis = z.infer<typeof AnalysisSchema>;

/** What every analysis request may give: the version, runs per variant or point, the seed. */
function analysisCommon(limits: Pick<RunLimits, 'maxRuns'>) {
  return {
    version: z.number().int().min(1).optional().describe('scenario version; latest when omitted'),
    runs: RunOverridesSchema.shape.runs
      .unwrap()
      .max(limits.maxRuns)
      .optional()
      .describe('runs per variant or point'),
    seed: RunOverridesSchema.shape.seed,
  };
}

/** POST /scenarios/{id}/compare */
export const compareSchema = (limits: Pick<RunLimits, 'maxRuns'>) =>
  z
    .object({ ...analysisCommon(limits), bootstrap: z.number().int().min(0).max(2000).optional() })
    .strict();
export const ComparedSchema = z.object({
  analysis: AnalysisSchema,
  comparison: z.record(z.string(), z.unknown()),
});

/** POST /scenarios/{id}/sensitivity */
export const sensitivitySchema = (limits: Pick<RunLimits, 'maxRuns'>) =>
  z
    .object({
      ...analysisCommon(limits),
      outcome: z.enum(METRIC_IDS).default('settlement24'),
      method: z.enum(['tornado', 'morris']).default('tornado'),
      trajectories: z.number().int().min(2).max(50).default(10).describe('Morris trajectories'),
    })
    .strict();
export const SensitivitySchema = z.object({
  analysis: AnalysisSchema,
  tornado: z.record(z.string(), z.unknown()).optional(),
  morris: z.record(z.string(), z.unknown()).optional(),
});

/** POST /scenarios/{id}/sweep */
export const sweepSchema = (limits: Pick<RunLimits, 'maxRuns'>) =>
  z
    .object({
      ...analysisCommon(limits),
      params: z
        .array(z.string().min(3).max(500))
        .min(1)
        .max(10)
        .describe('grid: path=v1,v2,…; with random: path=low:high (as `parley sweep --param`)'),
      random: z.number().int().min(1).max(200).optional().describe('number of random points'),
    })
    .strict();
export const SweptSchema = z.object({ analysis: AnalysisSchema, cells: z.number().int() });

/** GET /analyses */
export const AnalysisListQuerySchema = z.object({
  kind: AnalysisKindSchema.optional(),
  scenarioId: z.string().max(100).optional(),
  limit: limitQuery(1000),
  cursor: CursorQuerySchema,
});
export const AnalysisListSchema = z.object({
  analyses: z.array(AnalysisSchema),
  nextCursor: NextCursorSchema,
});

/** GET /analyses/{id}: the analysis with a page of its rows. */
export const AnalysisIdParamsSchema = z.object({ id: z.uuid() });
export const AnalysisRowsQuerySchema = z.object({
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(10_000).default(1000),
  cursor: CursorQuerySchema.describe(
    'opaque: the `nextCursor` of the previous page (instead of offset)',
  ),
});
export const AnalysisRowsSchema = z.object({
  analysis: AnalysisSchema,
  rows: z.array(z.unknown()),
  nextCursor: NextCursorSchema,
});
