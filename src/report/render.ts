/**
 * The only renderer: vega-lite spec → vega → SVG with the headless 'none' renderer (no browser,
 * no canvas), and SVG → PNG with resvg using only the DejaVu fonts shipped in assets/fonts, so
 * images are the same on every machine.
 */
import { join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { REPO_ROOT } from '../data/scenarios.ts';
import type { Spec } from './charts/spec.ts';

export const FONT_FILES = [
  join(REPO_ROOT, 'assets', 'fonts', 'DejaVuSans.ttf'),
  join(REPO_ROOT, 'assets', 'fonts', 'DejaVuSans-Bold.ttf'),
];

export async function renderSvg(spec: Spec): Promise<string> {
  const compiled = compile(spec as unknown as TopLevelSpec).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

export function svgToPng(svg: string, zoom = 2): Buffer {
  return new Resvg(svg, {
    fitTo: { mode: 'zoom', value: zoom },
    background: 'white',
    font: {
      loadSystemFonts: false,
      fontFiles: FONT_FILES,
      defaultFontFamily: 'DejaVu Sans',
      sansSerifFamily: 'DejaVu Sans',
    },
  })
    .render()
    .asPng();
}
