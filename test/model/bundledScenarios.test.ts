// Every bundled scenario validates, carries the header and sources docs/architecture.md asks for,
// and its id matches its file name.
import { describe, expect, it } from 'vitest';
import { parseScenarioText, type Scenario } from '../../src/model/index.ts';
import { bundledScenarioFiles, readScenario } from './paths.ts';

const files = bundledScenarioFiles();

function parseOk(file: string): Scenario {
  const result = parseScenarioText(readScenario(file));
  if (!result.ok) throw new Error(`${file} is invalid:\n${JSON.stringify(result.issues, null, 2)}`);
  return result.value;
}

describe('bundled scenarios', () => {
  it('include the Russia–Ukraine scenario and three historical ones', () => {
    expect(files).toEqual(
      expect.arrayContaining([
        'russia-ukraine-2024.yaml',
        'russia-japan-1905.yaml',
        'bosnia-1995.yaml',
        'colombia-farc-2012.yaml',
      ]),
    );
  });

  describe.each(files)('%s', (file) => {
    it('validates', () => {
      const result = parseScenarioText(readScenario(file));
      expect(result.ok ? [] : result.issues).toEqual([]);
    });

    it('has an id matching the file name, sources and a start date', () => {
      const s = parseOk(file);
      expect(`${s.id}.yaml`).toBe(file);
      expect(s.sources.filter((src) => src.url).length).toBeGreaterThanOrEqual(2);
      expect(s.settings.startDate).toMatch(/^\d{4}-\d{2}/);
    });

    it('opens with a header comment naming its sources and what to look for', () => {
      const text = readScenario(file);
      expect(text.startsWith('#')).toBe(true);
      const header = text.slice(0, text.search(/^id:/m));
      expect(header).toMatch(/sources/i);
      expect(header).toMatch(/what to look for/i);
    });

    it('uses at least one mediator or back channel (wars that were talked to an end)', () => {
      const s = parseOk(file);
      expect(s.parties.some((p) => p.role === 'mediator') || s.backChannels.length > 0).toBe(true);
    });
  });

  it('russia-ukraine-2024 holds the facts of the seed article', () => {
    const s = parseOk('russia-ukraine-2024.yaml');
    expect(s.settings).toMatchObject({
      horizonMonths: 120,
      runs: 2000,
      seed: 1,
      startDate: '2024-02',
    });
    const russia = s.parties.find((p) => p.id === 'russia');
    const ukraine = s.parties.find((p) => p.id === 'ukraine');
    expect(russia).toMatchObject({ role: 'belligerent', side: 'A' });
    expect(ukraine).toMatchObject({ role: 'belligerent', side: 'B' });
    expect(s.front.territoryHeldByA).toBe(0.18);
    if (ukraine?.role !== 'belligerent' || russia?.role !== 'belligerent')
      throw new Error('belligerents missing');
    // Deep Russian reserves, Ukraine short of troops; an attention shock on the US line.
    expect(russia.military.reserves).toBeGreaterThan(ukraine.military.reserves as number);
    const us = ukraine.support.find((l) => l.patron === 'united-states');
    expect(us?.attentionShocks.length).toBeGreaterThan(0);
    // A neutral mediator, one biased toward Russia, a carrot conditional on talks, a back channel.
    const mediators = s.parties.filter((p) => p.role === 'mediator');
    expect(
      mediators.some((m) => m.mediation.bias.toward === 'neutral' && m.mediation.confidential),
    ).toBe(true);
    expect(mediators.some((m) => m.mediation.bias.toward === 'russia')).toBe(true);
    expect(mediators.flatMap((m) => m.mediation.carrots)).toContainEqual(
      expect.objectContaining({
        to: 'ukraine',
        kind: 'reconstruction-aid',
        conditionalOn: 'talks',
      }),
    );
    expect(s.backChannels.length).toBeGreaterThan(0);
    expect(s.interventions).toContainEqual(
      expect.objectContaining({ kind: 'aid-change', month: 2, patron: 'united-states' }),
    );
  });
});
