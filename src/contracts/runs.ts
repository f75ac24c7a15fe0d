/**
 * Runs of saved scenarios: the request that starts one (the run overrides, bounded by the
 * server's limits), the stored run record, and the lists. The result itself is the engine's
 * `RunResultSchema`.
 */
import { z } from 'zod';
import { RunResultSchema } from '../engine/result.ts';
import { IdSchema } from '../model/index.ts';
import { CursorQuerySchema, limitQuery, NextCursorSchema } from './paging.ts';
import { RunOverridesSchema } from './runOverrides.ts';

export const RunStatusSchema = z.enum(['queued', 'running', 'done', 'failed']);
export type RunStatus = z.infer<typeof RunStatusSchema>;

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
export type RunRecord = z.infer<typeof RunRecordSchema>;

export const RunIdParamsSchema = z.object({ id: z.uuid() });

/** What a server allows a run: `maxRuns` in all, up to `syncMaxRuns` answered at once. */
export type RunLimits = { maxRuns: number; syncMaxRuns: number };

/** POST /runs: a saved scenario, its version, and the run overrides within the server's limits. */
export function startRunSchema(limits: RunLimits) {
  return z
    .object({
      scenarioId: IdSchema.describe('a saved scenario'),
      version: z.number().int().min(1).optional().describe('its version; latest when omitted'),
      ...RunOverridesSchema.shape,
      runs: RunOverridesSchema.shape.runs
        .unwrap()
        .max(limits.maxRuns)
        .optional()
        .describe(
          `Monte Carlo runs (at most ${limits.maxRuns}); the scenario's own when omitted. Up to ${limits.syncMaxRuns} answer at once, more become a job`,
        ),
    })
    .strict();
}
export type StartRun = z.infer<ReturnType<typeof startRunSchema>>;

/** 201: a small run answered with its result. */
export const RunDoneSchema = z.object({ run: RunRecordSchema, result: RunResultSchema });
export type RunDone = z.infer<typeof RunDoneSchema>;
/** 202: a large run became a job; follow `events`. */
export const RunQueuedSchema = z.object({
  run: RunRecordSchema,
  events: z.string().describe('URL of the progress stream'),
});
export type RunQueued = z.infer<typeof RunQueuedSchema>;
/** GET /runs/{id}: the record, with the result once done. */
export const RunWithResultSchema = z.object({
  run: RunRecordSchema,
  result: RunResultSchema.optional(),
});

export const RunListQuerySchema = z.object({
  scenarioId: IdSchema.optional(),
  limit: limitQuery(100),
  cursor: CursorQuerySchema,
});
export type RunListQuery = z.input<typeof RunListQuerySchema>;
export const RunListSchema = z.object({
  runs: z.array(RunRecordSchema),
  nextCursor: NextCursorSchema,
});
export type RunList = z.infer<typeof RunListSchema>;
