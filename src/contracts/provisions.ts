/**
 * Provisions of comparable peace agreements: the query of a case's or a scenario's provisions
 * (the answer is the core's `ProvisionsReportSchema`, re-exported here so both edges import it
 * from one place).
 */
import { z } from 'zod';
import { PAX_REGIONS, PAX_STAGES } from '../history/provisions/schema.ts';

export { ProvisionsReportSchema, type ProvisionsReport } from '../history/provisions/schema.ts';

/** GET /cases/{id}/provisions */
export const ProvisionsQuerySchema = z.object({
  top: z.coerce.number().int().min(1).max(100).default(60).describe('at most this many agreements'),
  perProcess: z.coerce
    .number()
    .int()
    .min(1)
    .max(20)
    .default(3)
    .describe('at most this many per peace process'),
  stages: z
    .string()
    .max(60)
    .optional()
    .describe(`comma-separated PA-X stages (${PAX_STAGES.join(', ')}); default Cea,SubPar,SubComp`),
  region: z.enum(PAX_REGIONS).optional().describe('preferred PA-X region'),
});
export type ProvisionsQuery = z.infer<typeof ProvisionsQuerySchema>;

/** GET /scenarios/{id}/provisions: also the version, and the runs of the term sheet's run. */
export const ScenarioProvisionsQuerySchema = ProvisionsQuerySchema.extend({
  version: z.coerce.number().int().min(1).optional(),
  runs: z.coerce
    .number()
    .int()
    .min(0)
    .max(2000)
    .default(500)
    .describe('runs for the term sheet; 0 = none'),
});
