import { describe, expect, it } from 'vitest';
import { parseCaseText } from './cases.ts';

const minimal = `id: tiny-war-2000
name: Tiny war
type: interstate
belligerents:
  - { name: A, side: a }
  - { name: B, side: b }
start: { date: 2000-01-01, precision: day, source: s1 }
end: { date: 2000-03, precision: month, source: s1 }
regimes: { sideA: democracy, sideB: autocracy }
stakes: [territory]
outsideSupport: { sideA: none, sideB: limited }
battlefieldAtTalks: null
outcome: victory-side-a
durability: { resumedWithin2y: false, resumedWithin5y: false, resumedWithin10y: false, resumedOn: null, source: s1 }
lessons: [one, two]
sources:
  - { id: s1, publisher: P, title: T, url: "https://example.org/1" }
  - { publisher: P, title: T, url: "https://example.org/2" }
`;

describe('parseCaseText', () => {
  it('accepts a minimal case and applies defaults', () => {
    const r = parseCaseText(minimal, 'data/cases/tiny-war-2000.yaml');
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.value.timeline).toEqual([]);
      expect(r.value.belligerents[0]).toMatchObject({ role: 'primary', patrons: [] });
    }
  });

  it('reports every problem with path and line, and checks the id against the file name', () => {
    const bad = minimal
      .replace('precision: month, source: s1 }', 'precision: day, source: s1 }')
      .replace('url: "https://example.org/2"', 'url: "not a url"')
      .replace('lessons: [one, two]', 'lessons: [one]');
    const r = parseCaseText(bad, 'data/cases/other-name.yaml');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.issues.map((i) => [i.path.join('.'), i.line, i.code])).toEqual([
        ['end.date', 8, 'custom'],
        ['lessons', 15, 'too_small'],
        ['sources.1.url', 18, 'invalid_format'],
        ['id', 1, 'id_mismatch'],
      ]);
    }
  });

  it('reports YAML syntax errors with a line', () => {
    const r = parseCaseText('id: x\nname: [unclosed\n', 'x.yaml');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0]).toMatchObject({ code: 'yaml_syntax' });
  });
});
