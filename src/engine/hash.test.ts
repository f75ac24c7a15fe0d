import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { canonicalJson, scenarioHash, sha256Hex } from './hash.ts';

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
});
