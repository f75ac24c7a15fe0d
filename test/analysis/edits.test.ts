/** The edits between two scenario documents (src/analysis/edits.ts). */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  applyVariant,
  formatEdit,
  overlayOf,
  scenarioEdits,
  variantEdits,
} from '../../src/analysis/index.ts';
import { canonicalJson } from '../../src/engine/index.ts';
import { parseScenarioText } from '../../src/model/index.ts';

describe('scenario edits', () => {
  it('none between equal documents', () => {
    const doc = { a: 1, parties: [{ id: 'x', v: [1, 2] }], interventions: [{ kind: 'k' }] };
    expect(scenarioEdits(doc, structuredClone(doc))).toEqual([]);
  });

  it('names keyed list items by id or patron, and nested fields by path', () => {
    const before = {
      parties: [
        { id: 'a', support: [{ patron: 'p', waningRate: 0.02 }] },
        { id: 'b', m: { offerMonth: 3 } },
      ],
    };
    const after = {
      parties: [
        { id: 'a', support: [{ patron: 'p', waningRate: 0.06 }] },
        { id: 'b', m: { offerMonth: null } },
        { id: 'c' },
      ],
    };
    expect(scenarioEdits(before, after).map(formatEdit)).toEqual([
      'parties.a.support.p.waningRate: 0.02 → 0.06',
      'parties.b.m.offerMonth: 3 → null',
      'parties.c: (absent) → { id: c }',
    ]);
  });

  it('an item removed from an unkeyed list is one removal, not a shift of every later item', () => {
    const e = (kind: string, month: number) => ({ kind, month });
    const before = { interventions: [e('a', 0), e('b', 1), e('c', 2), e('d', 3)] };
    const after = { interventions: [e('a', 0), e('c', 2), e('d', 3), e('x', 9)] };
    expect(scenarioEdits(before, after).map(formatEdit)).toEqual([
      'interventions.1: { kind: b, month: 1 } → (absent)',
      'interventions.3: (absent) → { kind: x, month: 9 }',
    ]);
  });

  it('a list of plain values changed reads whole; a note goes last in a printed item', () => {
    expect(scenarioEdits({ xs: [1, 2] }, { xs: [1, 3] }).map(formatEdit)).toEqual([
      'xs: [1, 2] → [1, 3]',
    ]);
    expect(scenarioEdits({}, { e: { note: 'long', kind: 'k' } }).map(formatEdit)).toEqual([
      'e: (absent) → { kind: k, note: long }',
    ]);
  });
});

describe('an overlay from two scenarios', () => {
  it('applied as a variant, gives the edited scenario back (the levers of a what-if)', () => {
    const r = parseScenarioText(
      readFileSync(
        new URL('../../data/scenarios/russia-ukraine-2024.yaml', import.meta.url),
        'utf8',
      ),
    );
    if (!r.ok) throw new Error('bundled scenario invalid');
    const { variants: _v, ...base } = r.value;
    const edited = structuredClone(base);
    edited.backChannels = [];
    edited.interventions = edited.interventions.filter((e) => e.kind !== 'back-channel-open');
    const ukraine = edited.parties.find((p) => p.id === 'ukraine');
    if (ukraine?.role !== 'belligerent') throw new Error('expected Ukraine');
    ukraine.support[0].waningRate = 0.07;
    const overlay = overlayOf(base, edited) as Record<string, unknown>;
    expect(Object.keys(overlay).sort()).toEqual(['backChannels', 'interventions', 'parties']);
    expect(overlay.parties).toEqual([
      { id: 'ukraine', support: [{ patron: 'united-states', waningRate: 0.07 }] },
    ]);
    const back = applyVariant(base, { id: 'x', name: 'x', overlay });
    if (!back.ok) throw new Error(JSON.stringify(back.issues));
    expect(canonicalJson(back.value)).toBe(canonicalJson(edited));
    expect(variantEdits(base, back.value)).toHaveLength(4);
  });
});
