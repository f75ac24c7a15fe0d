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

/** GET /runs/{id}/report.pdf */
export const PdfQuerySchema = z.object({
  download: z.enum(['0', '1']).default('0').describe('1 = as an attachment (Content-Disposition)'),
});

/** GET /runs/{id}/charts/{chart}: a chart of RUN_CHARTS (src/report/charts/runCharts.ts). */
export const ChartQuerySchema = z.object({ format: z.enum(['png', 'svg']).default('png') });
