/** Reports: the report of a scenario as edited in the browser, made now without saving it. */
import { z } from 'zod';
import { RunOverridesSchema } from './runOverrides.ts';
import type { RunLimits } from './runs.ts';

/** POST /reports: the draft, its run overrides (runs within the synchronous limit), the format. */
export function draftReportSchema(limits: Pick<RunLimits, 'syncMaxRuns'>) {
  return z
    .object({
      scenario: z.unknown().describe('the scenario as edited (validated as by parley validate)'),
      runs: RunOverridesSchema.shape.runs.unwrap().max(limits.syncMaxRuns).optional(),
      explainMonth: RunOverridesSchema.shape.explainMonth,
      format: z.enum(['html', 'pdf']).default('html'),
    })
    .strict();
}
export type DraftReport = z.input<ReturnType<typeof draftReportSchema>>;
