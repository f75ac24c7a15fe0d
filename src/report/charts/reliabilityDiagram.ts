/**
 * Reliability diagram of back-test forecasts (Murphy & Winkler 1977): observed rate against mean
 * forecast per bin, one line per model, with the diagonal of perfect calibration.
 */
import type { ReliabilityBin } from '../../calibrate/scores.ts';
import { base, r4, type Row, type Spec } from './spec.ts';

export function reliabilityRows(models: { model: string; bins: ReliabilityBin[] }[]): Row[] {
  return models.flatMap(({ model, bins }) =>
    bins
      .filter((b) => b.n > 0)
      .map((b) => ({ model, forecast: r4(b.meanForecast), observed: r4(b.observedRate), n: b.n })),
  );
}

export function reliabilityDiagram(
  title: string,
  models: { model: string; bins: ReliabilityBin[] }[],
  forecastTitle = 'mean forecast P(ends within 12 months)',
): Spec {
  return {
    ...base(title, 'observed share against mean forecast, 5 bins; diagonal = perfect calibration'),
    width: 320,
    height: 320,
    layer: [
      {
        data: {
          values: [
            { x: 0, y: 0 },
            { x: 1, y: 1 },
          ],
        },
        mark: { type: 'line', color: '#999', strokeDash: [4, 4] },
        encoding: {
          x: { field: 'x', type: 'quantitative' },
          y: { field: 'y', type: 'quantitative' },
        },
      },
      {
        data: { values: reliabilityRows(models) },
        mark: { type: 'line', point: true },
        encoding: {
          x: {
            field: 'forecast',
            type: 'quantitative',
            title: forecastTitle,
            scale: { domain: [0, 1] },
          },
          y: {
            field: 'observed',
            type: 'quantitative',
            title: 'observed share',
            scale: { domain: [0, 1] },
          },
          color: { field: 'model', type: 'nominal', title: 'model' },
        },
      },
    ],
  };
}
