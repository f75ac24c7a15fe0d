/** Saved scenarios: their versions, the list, one version in full, saving and checking one. */
import { z } from 'zod';
import { IdSchema, ScenarioSchema } from '../model/index.ts';
import { IssueSchema } from './errors.ts';
import { CursorQuerySchema, limitQuery, NextCursorSchema } from './paging.ts';

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
export type ScenarioVersionMeta = z.infer<typeof ScenarioVersionMetaSchema>;

export const ScenarioSummarySchema = ScenarioVersionMetaSchema.extend({
  versions: z.number().int().describe('versions saved'),
});
export type ScenarioSummary = z.infer<typeof ScenarioSummarySchema>;

/** GET /scenarios/{id}: one saved version with its scenario. */
export const SavedScenarioSchema = ScenarioVersionMetaSchema.extend({ scenario: ScenarioSchema });
export type SavedScenario = z.infer<typeof SavedScenarioSchema>;

export const ScenarioParamsSchema = z.object({ id: IdSchema });
export const VersionQuerySchema = z.object({
  version: z.coerce
    .number()
    .int()
    .min(1)
    .optional()
    .describe('a saved version; latest when omitted'),
});
export const PageQuerySchema = z.object({ limit: limitQuery(1000), cursor: CursorQuerySchema });

/** POST /scenarios: 201 with `created: true` for a new version, 200 when nothing changed. */
export const SavedSchema = z.object({
  created: z.boolean(),
  version: ScenarioVersionMetaSchema,
});
export type Saved = z.infer<typeof SavedSchema>;
export const CreatedSchema = SavedSchema.extend({ created: z.literal(true) });
export const UnchangedSchema = SavedSchema.extend({ created: z.literal(false) });

export const ScenarioListSchema = z.object({
  scenarios: z.array(ScenarioSummarySchema),
  nextCursor: NextCursorSchema,
});
export type ScenarioList = z.infer<typeof ScenarioListSchema>;

export const VersionListSchema = z.object({
  versions: z.array(ScenarioVersionMetaSchema),
  nextCursor: NextCursorSchema,
});
export type VersionList = z.infer<typeof VersionListSchema>;

/** POST /scenarios/validate */
export const ValidationSchema = z.object({
  valid: z.boolean(),
  hash: z
    .string()
    .optional()
    .describe(
      'when valid: SHA-256 of the whole document, run settings included (a saved version has the same `hash`)',
    ),
  scenarioHash: z
    .string()
    .optional()
    .describe('when valid: SHA-256 of the scenario alone, as in a result (meta.scenarioHash)'),
  settingsHash: z
    .string()
    .optional()
    .describe('when valid: SHA-256 of its run settings (runs, seed, horizonMonths, explainMonth)'),
  issues: z.array(IssueSchema),
});
export type Validation = z.infer<typeof ValidationSchema>;
