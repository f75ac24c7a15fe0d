/**
 * The cases on one time axis: a bar per war from its start to its end (today for ongoing wars),
 * coloured by outcome, packed into as few rows as fit without overlap. Each bar links to its case
 * page; the list under the chart carries the same links for keyboard and screen-reader users, so
 * the bars stay out of the tab order.
 */
import { useEffect, useMemo, useRef, useState, type JSX } from 'react';
import type { CaseSummary } from './api.ts';
import { formatIso, isoToYear, outcomeColour, outcomeLabel } from './labels.ts';

const ROW = 13;
const BAR = 9;
const AXIS = 22;
const PAD_X = 18;
const MIN_BAR_PX = 3;

type Placed = { c: CaseSummary; x0: number; x1: number; row: number };

/** Greedy interval packing: each war takes the first row whose last bar ended before it starts. */
export function packRows(items: { start: number; end: number }[], gap: number): number[] {
  const order = items.map((_, i) => i).sort((a, b) => items[a].start - items[b].start);
  const rowEnds: number[] = [];
  const rows = new Array<number>(items.length);
  for (const i of order) {
    let r = rowEnds.findIndex((end) => end + gap <= items[i].start);
    if (r < 0) r = rowEnds.push(0) - 1;
    rowEnds[r] = items[i].end;
    rows[i] = r;
  }
  return rows;
}

export function Timeline(props: { cases: CaseSummary[]; now: number }): JSX.Element {
  const box = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(1000);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const ro = new ResizeObserver(([e]) =>
      setWidth(Math.max(300, Math.floor(e.contentRect.width))),
    );
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  const { placed, rows, from, to } = useMemo(() => {
    const spans = props.cases.map((c) => ({
      start: isoToYear(c.start),
      end: c.end ? Math.max(isoToYear(c.end), isoToYear(c.start)) : props.now,
    }));
    // the axis fits the wars shown, so a filtered era fills the width
    const from = Math.floor(Math.min(...spans.map((s) => s.start)) / 10) * 10;
    const to = Math.ceil(Math.max(props.now, ...spans.map((s) => s.end)) / 10) * 10;
    const pxPerYear = (width - 2 * PAD_X) / (to - from);
    const x = (y: number) => PAD_X + (y - from) * pxPerYear;
    const rowOf = packRows(
      spans.map((s) => ({ start: x(s.start), end: Math.max(x(s.end), x(s.start) + MIN_BAR_PX) })),
      2,
    );
    const placed: Placed[] = props.cases.map((c, i) => ({
      c,
      x0: x(spans[i].start),
      x1: Math.max(x(spans[i].end), x(spans[i].start) + MIN_BAR_PX),
      row: rowOf[i],
    }));
    return { placed, rows: Math.max(1, ...rowOf.map((r) => r + 1)), from, to };
  }, [props.cases, props.now, width]);

  const height = AXIS + rows * ROW + 6;
  const pxPerYear = (width - 2 * PAD_X) / (to - from);
  // the finest of these year steps that leaves room for a label
  const step = [1, 2, 5, 10, 20, 50].find((y) => y * pxPerYear >= 48) ?? 100;
  const ticks: number[] = [];
  for (let y = Math.ceil(from / step) * step; y <= to; y += step) ticks.push(y);

  return (
    <div className="history-timeline" ref={box}>
      <svg
        width={width}
        height={height}
        role="img"
        aria-label={`Timeline of ${props.cases.length} wars from ${from} to ${to}, coloured by outcome; the same cases are listed below`}
      >
        <g className="axis" aria-hidden="true">
          {ticks.map((t) => {
            const x = PAD_X + (t - from) * pxPerYear;
            return (
              <g key={t}>
                <line x1={x} x2={x} y1={AXIS - 4} y2={height} />
                <text x={x} y={AXIS - 8} textAnchor="middle">
                  {t}
                </text>
              </g>
            );
          })}
        </g>
        {placed.map(({ c, x0, x1, row }) => (
          <a
            key={c.id}
            href={`#/history/case/${encodeURIComponent(c.id)}`}
            tabIndex={-1}
            aria-hidden="true"
            data-case={c.id}
          >
            <title>{`${c.name}: ${formatIso(c.start)} – ${c.end ? formatIso(c.end) : 'ongoing'} · ${outcomeLabel(c.outcome)}`}</title>
            <rect
              x={x0}
              y={AXIS + row * ROW}
              width={x1 - x0}
              height={BAR}
              rx={2}
              fill={outcomeColour(c.outcome)}
            />
          </a>
        ))}
      </svg>
    </div>
  );
}
