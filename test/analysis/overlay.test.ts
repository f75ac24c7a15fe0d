import { describe, expect, it } from 'vitest';
import {
  getPath,
  gridDesign,
  mergeOverlay,
  parseVariantDocument,
  randomDesign,
  setPath,
} from '../../src/analysis/index.ts';
import { mulberry32 } from '../../src/history/stats.ts';

const doc = {
  parties: [
    { id: 'a', support: [{ patron: 'p', level: 1, waningRate: 0 }] },
    { id: 'b', leader: { hawkishness: 0.5 } },
  ],
  interventions: [{ kind: 'x', month: 1 }],
};

describe('overlays and paths', () => {
  it('merges lists of items by id or patron, replaces other lists', () => {
    const m = mergeOverlay(doc, {
      parties: [{ id: 'a', support: [{ patron: 'p', waningRate: 0.03 }] }],
      interventions: [],
    });
    expect(m).toEqual({
      parties: [
        { id: 'a', support: [{ patron: 'p', level: 1, waningRate: 0.03 }] },
        { id: 'b', leader: { hawkishness: 0.5 } },
      ],
      interventions: [],
    });
    expect(doc.parties[0].support![0].waningRate).toBe(0);
  });

  it('gets and sets by id, patron or index', () => {
    expect(getPath(doc, 'parties.a.support.p.level')).toBe(1);
    expect(getPath(doc, 'interventions.0.month')).toBe(1);
    const r = setPath(doc, 'parties.b.leader.audienceCost', 0.9);
    expect(r.ok && getPath(r.value, 'parties.b.leader.audienceCost')).toBe(0.9);
    expect(setPath(doc, 'parties.zzz.leader', 1).ok).toBe(false);
  });

  it('grid and random designs', () => {
    const g = gridDesign([
      { path: 'x', values: [1, 2] },
      { path: 'y', values: [3, 4, 5] },
    ]);
    expect(g.map((c) => c.key)).toEqual([
      'x=1&y=3',
      'x=1&y=4',
      'x=1&y=5',
      'x=2&y=3',
      'x=2&y=4',
      'x=2&y=5',
    ]);
    const r = randomDesign([{ path: 'x', low: 0, high: 1, label: 'x' }], 5, mulberry32(2));
    expect(randomDesign([{ path: 'x', low: 0, high: 1, label: 'x' }], 5, mulberry32(2))).toEqual(r);
    for (const c of r) expect(c.values[0].value).toBeGreaterThanOrEqual(0);
  });
});

describe('variant files', () => {
  it('accept one variant, a list, {variants: [...]}, or a bare overlay named after the file', () => {
    const one = { id: 'x', name: 'X', overlay: { front: { balance: 0.4 } } };
    for (const doc of [one, [one], { variants: [one] }]) {
      const r = parseVariantDocument(doc, 'file');
      expect(r.ok && r.value.map((v) => v.id)).toEqual(['x']);
    }
    const bare = parseVariantDocument({ front: { balance: 0.4 } }, 'early-talks');
    expect(bare.ok && bare.value[0]).toMatchObject({
      id: 'early-talks',
      overlay: { front: { balance: 0.4 } },
    });
    const bad = parseVariantDocument([{ id: 'Bad Id', name: 'x', overlay: {} }], 'f');
    expect(bad.ok).toBe(false);
  });
});
