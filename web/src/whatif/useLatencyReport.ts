/**
 * Latency instrumentation of the what-if panel (read by the browser test): when the outcomes
 * chart has drawn an answer, the time from the input event to the drawing, as
 * `data-latency-ms` / `data-final-latency-ms` on the panel and a `parley:whatif` event with
 * { seq, final, ms, workerMs, renderMs, result }.
 */
import { useEffect, useRef, type RefObject } from 'react';
import type { Spec } from '../../../src/report/charts/index.ts';
import type { Shown } from './useWhatIfRuns.ts';

/** The chart whose drawings are timed. */
export const TIMED_CHART = 'whatif-outcomes';

export function useLatencyReport(): {
  /** the panel that holds the chart; it carries the data attributes and sends the event */
  panel: RefObject<HTMLDivElement | null>;
  /** the answer each outcomes chart spec was built from */
  drawnFrom: RefObject<WeakMap<Spec, Shown>>;
} {
  const panel = useRef<HTMLDivElement>(null);
  const drawnFrom = useRef(new WeakMap<Spec, Shown>());

  // chart rendered → latency of the answer it shows
  useEffect(() => {
    const el = panel.current;
    if (!el) return;
    const on = (e: Event) => {
      const d = (e as CustomEvent<{ id?: string; t: number; spec: Spec }>).detail;
      // the answer whose chart was drawn (a quick answer can finish drawing after the full one
      // has arrived)
      const cur = drawnFrom.current.get(d.spec);
      if (d.id !== TIMED_CHART || !cur) return;
      const ms = d.t - cur.t0;
      el.dataset.seq = String(cur.seq);
      el.dataset[cur.final ? 'finalLatencyMs' : 'latencyMs'] = ms.toFixed(1);
      el.dataset.final = String(cur.final);
      el.dispatchEvent(
        new CustomEvent('parley:whatif', {
          bubbles: true,
          // ms = input → chart; workerMs = in the worker; renderMs = answer arrived → chart drawn;
          // result = the answer shown (the browser test compares it with the Node engine's)
          detail: {
            seq: cur.seq,
            final: cur.final,
            ms,
            workerMs: cur.workerMs,
            renderMs: d.t - cur.tArrived,
            result: cur.result,
          },
        }),
      );
    };
    el.addEventListener('parley:chart', on);
    return () => el.removeEventListener('parley:chart', on);
  }, []);

  return { panel, drawnFrom };
}
