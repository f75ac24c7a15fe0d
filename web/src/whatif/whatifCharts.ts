/** The what-if panel's chart specs: the report's charts, titled for the panel. */
import type { Spec } from '../../../src/report/charts/index.ts';

/**
 * The report's chart with the run count left out of its subtitle (the status line gives it), so
 * quick and full answers share one chart shape and redraw by swapping data, not by a new chart.
 */
export function sameTitleForAnyRuns(spec: Spec): Spec {
  const t = spec.title as { text: string; subtitle?: string } | string | undefined;
  if (typeof t !== 'object' || !t.subtitle) return spec;
  return { ...spec, title: { ...t, subtitle: t.subtitle.replace(/of \d+ runs/, 'of the runs') } };
}

/** The baseline's outcome chart, titled as the scenario as written (beside the what-if's). */
export function asWritten(spec: Spec): Spec {
  const t = spec.title as { text: string; subtitle?: string } | string | undefined;
  const text = 'As written: how the war ends';
  return { ...spec, title: typeof t === 'object' ? { ...t, text } : text };
}
