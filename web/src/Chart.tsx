/**
 * One vega-lite chart (specs from src/report/charts, the same as the reports), rendered as SVG.
 * vega-embed is loaded on first use (its own chunk). When only the data changed, the view's
 * data is replaced in place, which is much faster than embedding again. After each render the
 * container gets data-rendered-at (performance.now()) and a `parley:chart` event naming the spec
 * drawn, which the what-if latency measurement listens for.
 */
import { useEffect, useLayoutEffect, useRef, type JSX } from 'react';
import type { Spec } from '../../src/report/charts/index.ts';

type Embedded = {
  spec: string;
  finalize: () => void;
  setData: (rows: unknown[]) => Promise<void>;
  /** the chart as a PNG (2× scale) or SVG data URL */
  image: (kind: 'png' | 'svg') => Promise<string>;
};

/** The chart's data rows as CSV (the spec's own rows: what the chart draws). */
export function toCsv(rows: readonly Record<string, unknown>[]): string {
  const fields = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const cell = (v: unknown) => {
    const t = v === null || v === undefined ? '' : typeof v === 'string' ? v : JSON.stringify(v);
    return /[",\n]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t;
  };
  return (
    [fields.join(','), ...rows.map((r) => fields.map((f) => cell(r[f])).join(','))].join('\n') +
    '\n'
  );
}

function save(url: string, name: string): void {
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
}

export function Chart(props: {
  spec: Spec;
  label: string;
  id?: string;
  /** SVG (default: crisp, selectable text) or canvas (faster redraws while a slider moves) */
  renderer?: 'svg' | 'canvas';
}): JSX.Element {
  const ref = useRef<HTMLDivElement>(null);
  const current = useRef<Embedded | undefined>(undefined);
  // a layout effect: new data are drawn in the same task as React's commit, before the browser
  // paints, so the chart appears with the rest of the update (a passive effect runs after a
  // paint, which delayed each what-if chart by about one frame)
  useLayoutEffect(() => {
    let cancelled = false;
    const el = ref.current;
    if (!el) return;
    const { data, ...shape } = props.spec as Spec & { data?: { values?: unknown[] } };
    const key = JSON.stringify(shape);
    const done = () => {
      const t = performance.now();
      el.dataset.renderedAt = String(t);
      el.dispatchEvent(
        new CustomEvent('parley:chart', {
          bubbles: true,
          detail: { id: props.id, t, spec: props.spec },
        }),
      );
    };
    const render = async () => {
      const prev = current.current;
      if (prev && prev.spec === key && data?.values) {
        await prev.setData(data.values);
        // reported even when a newer spec is on its way: these data were drawn (the event names
        // its spec, so a listener tells a quick answer drawn from the full one that follows)
        return done();
      }
      const { default: embed } = await import('vega-embed');
      if (cancelled) return;
      const res = await embed(el, props.spec, {
        renderer: props.renderer ?? 'svg',
        actions: false,
        // expressions through vega's interpreter, not new Function: the UI's CSP has no eval
        ast: true,
      });
      if (cancelled) {
        res.finalize();
        return;
      }
      prev?.finalize();
      const view = res.view;
      current.current = {
        spec: key,
        finalize: () => res.finalize(),
        setData: async (rows) => {
          await view.data('source_0', rows as object[]).runAsync();
        },
        image: (kind) => view.toImageURL(kind, kind === 'png' ? 2 : 1),
      };
      if (!cancelled) done();
    };
    render().catch((e: unknown) => {
      el.textContent = `chart failed: ${(e as Error).message}`;
    });
    return () => {
      cancelled = true;
    };
  }, [props.spec, props.id, props.renderer]);
  useEffect(() => () => current.current?.finalize(), []);
  const name = `parley-${props.id ?? 'chart'}`;
  const rows = (props.spec as { data?: { values?: Record<string, unknown>[] } }).data?.values;
  const image = async (kind: 'png' | 'svg') => {
    const e = current.current;
    if (e) save(await e.image(kind), `${name}.${kind}`);
  };
  const csv = () => {
    if (!rows) return;
    const url = URL.createObjectURL(new Blob([toCsv(rows)], { type: 'text/csv' }));
    save(url, `${name}.csv`);
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };
  return (
    <div className="chart-frame">
      <div className="chart" ref={ref} role="img" aria-label={props.label} data-chart={props.id} />
      <div className="chart-downloads" aria-label={`Download: ${props.label}`}>
        <button type="button" onClick={() => void image('png')}>
          PNG
        </button>
        <button type="button" onClick={() => void image('svg')}>
          SVG
        </button>
        {rows ? (
          <button type="button" onClick={csv}>
            CSV
          </button>
        ) : null}
      </div>
    </div>
  );
}
