/**
 * Shared pieces of Parley's vega-lite specifications: the spec type (plain JSON, so specs can be
 * snapshotted, stored and embedded in the web UI as they are), sizes, fonts and colours.
 */
export type Spec = { $schema: string; [key: string]: unknown };
export type Row = Record<string, string | number | null>;

export const SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';
export const WIDTH = 520;
export const HEIGHT = 240;

/** Fonts shipped in assets/fonts (the PNG renderer loads only those). */
export const CONFIG = {
  font: 'DejaVu Sans',
  padding: 12,
  view: { stroke: null },
  axis: { labelFontSize: 11, titleFontSize: 12, gridColor: '#e6e6e6' },
  // legends readable at a glance: larger labels and symbols than vega-lite's defaults
  legend: {
    labelFontSize: 12,
    titleFontSize: 12,
    labelLimit: 260,
    symbolSize: 140,
    symbolStrokeWidth: 3,
  },
  title: { fontSize: 14, anchor: 'start' },
  // nominal scales without their own colours (e.g. durability by ending): colour-blind safe
  range: { category: CATEGORY_COLORS },
  // hover values in the web UI: every mark shows its data row (vega-embed's tooltip handler)
  mark: { tooltip: { content: 'data' } },
};

import { CATEGORY_COLORS } from './palette.ts';

export { OUTCOME_COLORS } from './palette.ts';

export function base(title: string, subtitle?: string | string[]): Spec {
  return {
    $schema: SCHEMA,
    title: subtitle ? { text: title, subtitle } : title,
    config: CONFIG,
  };
}

/** Rounds to 4 decimals (keeps specs small and stable). */
export const r4 = (x: number): number => Math.round(x * 1e4) / 1e4;

/** Normal-approximation 95% band of a share p over n runs. */
export function band(p: number, n: number): [number, number] {
  const h = 1.959963984540054 * Math.sqrt(Math.max(0, p * (1 - p)) / Math.max(1, n));
  return [r4(Math.max(0, p - h)), r4(Math.min(1, p + h))];
}
