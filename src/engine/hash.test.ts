import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { canonicalJson, inputHash, scenarioHash, settingsHash, sha256Hex } from './hash.ts';

const ref = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

describe('hash: pure SHA-256 and canonical JSON', () => {
  it('sha256Hex equals node:crypto on edge-length inputs', () => {
    const enc = new TextEncoder();
    for (const s of [
      '',
      'abc',
      'a'.repeat(55),
      'a'.repeat(56),
      'a'.repeat(64),
      'b'.repeat(1000),
      'Ωμέγα – unicode ✓',
    ])
      expect(sha256Hex(enc.encode(s))).toBe(ref(enc.encode(s)));
    const bytes = new Uint8Array(300).map((_, i) => (i * 37) & 255);
    expect(sha256Hex(bytes)).toBe(ref(bytes));
  });

  it('the scenario hash ignores key order and undefined fields', () => {
    expect(canonicalJson({ b: 1, a: [1, { d: 2, c: undefined }] })).toBe('{"a":[1,{"d":2}],"b":1}');
    expect(scenarioHash({ x: 1, y: 2 })).toBe(scenarioHash({ y: 2, x: 1 }));
    expect(scenarioHash({ x: 1 })).not.toBe(scenarioHash({ x: 2 }));
  });

  it('the scenario hash is the scenario alone: run settings have a hash of their own', () => {
    const base = {
      id: 'w',
      parties: [{ id: 'a' }, { id: 'b' }],
      settings: {
        runs: 2000,
        seed: 1,
        horizonMonths: 120,
        explainMonth: 0,
        startDate: '2024-01-01',
      },
    };
    const withSettings = (s: Record<string, unknown>) => ({
      ...base,
      settings: { ...base.settings, ...s },
    });
    for (const change of [
      { runs: 500 },
      { seed: 7 },
      { horizonMonths: 36 },
      { explainMonth: 12 },
    ]) {
      const other = withSettings(change);
      expect(scenarioHash(other), JSON.stringify(change)).toBe(scenarioHash(base));
      expect(settingsHash(other), JSON.stringify(change)).not.toBe(settingsHash(base));
      expect(inputHash(other), JSON.stringify(change)).not.toBe(inputHash(base));
    }
    // the war's own dates and parties are the scenario, not how it is run
    const later = withSettings({ startDate: '2025-01-01' });
    expect(scenarioHash(later)).not.toBe(scenarioHash(base));
    expect(settingsHash(later)).toBe(settingsHash(base));
    expect(scenarioHash({ ...base, parties: [{ id: 'a' }] })).not.toBe(scenarioHash(base));
    // inputHash is the whole document, as the store and distributed chunks compare it
    expect(inputHash(base)).toBe(sha256Hex(new TextEncoder().encode(canonicalJson(base))));
  });
});
