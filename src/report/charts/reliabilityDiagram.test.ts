import { describe, expect, it } from 'vitest';
import { reliabilityDiagram, reliabilityRows } from './reliabilityDiagram.ts';

describe('reliabilityDiagram', () => {
  it('keeps non-empty bins, one row per model and bin, with the diagonal as a layer', () => {
    const bins = [
      { lower: 0, upper: 0.5, n: 3, meanForecast: 0.2, observedRate: 1 / 3 },
      { lower: 0.5, upper: 1, n: 0, meanForecast: NaN, observedRate: NaN },
    ];
    expect(reliabilityRows([{ model: 'm', bins }])).toEqual([
      { model: 'm', forecast: 0.2, observed: 0.3333, n: 3 },
    ]);
    const spec = reliabilityDiagram('t', [{ model: 'm', bins }]);
    expect((spec.layer as unknown[]).length).toBe(2);
  });
});
