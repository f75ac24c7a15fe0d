/**
 * Names and texts refuse control and bidi-override characters and keep ordinary RTL text
 * (issue #15, finding 5), in every text field of a scenario.
 */
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/data/scenarios.ts';
import { textProblem, validateScenario } from '../../src/model/index.ts';

const base = (() => {
  const r = loadScenario('russia-japan-1905').result;
  if (!r.ok) throw new Error('bundled scenario invalid');
  return r.value;
})();

describe('text fields', () => {
  it.each([
    ['NUL', 'Japan\u0000', 'control_character'],
    ['newline in a name', 'Ja\npan', 'control_character'],
    ['right-to-left override', 'Japan\u202Egnp.exe', 'bidi_override'],
    ['left-to-right isolate', '\u2066Japan', 'bidi_override'],
    ['C1 control', 'Japan\u0085', 'control_character'],
  ])('refuses %s in a party name, naming the code point', (_, name, code) => {
    const doc = structuredClone(base);
    doc.parties[0].name = name;
    const r = validateScenario(doc);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.issues[0]).toMatchObject({ code, path: ['parties', 0, 'name'] });
      expect(r.issues[0].message).toMatch(/\(U\+[0-9A-F]{4}\) at position \d+/);
    }
  });

  it('keeps Arabic, Hebrew and the LRM/RLM marks, and line breaks in descriptions', () => {
    const doc = structuredClone(base);
    doc.name = 'حرب \u200Fמלחמה\u200E';
    doc.parties[0].name = 'اليابان';
    doc.description = 'first line\nsecond line\twith a tab';
    expect(validateScenario(doc).ok).toBe(true);
  });

  it('refuses controls in free texts too, except line breaks and tabs', () => {
    const doc = structuredClone(base);
    doc.description = 'ok\nbut \u0007 bell';
    const r = validateScenario(doc);
    expect(!r.ok && r.issues[0]).toMatchObject({
      code: 'control_character',
      path: ['description'],
    });
    expect(textProblem('a\nb', { multiline: true })).toBeUndefined();
    expect(textProblem('a\nb', { multiline: false })?.reason).toBe('control_character');
  });
});
