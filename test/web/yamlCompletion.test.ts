/** Completion from the JSON Schema in the YAML editor (web/src/editor/yamlCompletion.ts). */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { scenarioJsonSchema } from '../../src/model/index.ts';
import {
  cursorContext,
  keySuggestions,
  valueSuggestions,
  type JsonSchemaNode,
} from '../../web/src/editor/yamlCompletion.ts';

const schema = scenarioJsonSchema() as JsonSchemaNode;
const RU = readFileSync(
  new URL('../../data/scenarios/russia-ukraine-2024.yaml', import.meta.url),
  'utf8',
);
/** the text up to the end of the first line that contains `mark`, plus `typed` on a new line */
const at = (mark: string, typed: string) =>
  RU.slice(0, RU.indexOf('\n', RU.indexOf(mark))) + '\n' + typed;

describe('YAML completion from the JSON Schema', () => {
  it('top-level keys at column 0', () => {
    const c = cursorContext('id: x\nsett');
    expect(c).toMatchObject({ path: [], mode: 'key', word: 'sett' });
    expect(keySuggestions(schema, c.path).map((s) => s.label)).toContain('settings');
  });

  it('keys inside settings, with their descriptions', () => {
    const c = cursorContext(at('settings:', '  hor'));
    expect(c.path).toEqual(['settings']);
    const s = keySuggestions(schema, c.path).find((x) => x.label === 'horizonMonths');
    expect(s?.info).toBe('months simulated');
  });

  it('keys of a mediator’s mediation block inside the parties list', () => {
    const c = cursorContext(at('style: facilitation', '      conf'));
    expect(c.path).toEqual(['parties', 0, 'mediation']);
    expect(keySuggestions(schema, c.path).map((s) => s.label)).toEqual(
      expect.arrayContaining(['confidential', 'offerMonth', 'carrots', 'sticks']),
    );
  });

  it('a new list item offers the item’s keys; a value offers the allowed values', () => {
    const item = cursorContext(at('backChannels:', '  - '));
    expect(item.path).toEqual(['backChannels', 0]);
    expect(keySuggestions(schema, item.path).map((s) => s.label)).toContain('openFrom');
    const v = cursorContext(at('style: facilitation', '      style: fo'));
    expect(v).toMatchObject({
      mode: 'value',
      word: 'fo',
      path: ['parties', 0, 'mediation', 'style'],
    });
    expect(valueSuggestions(schema, v.path).map((s) => s.label)).toContain('formulation');
    const b = cursorContext(at('style: facilitation', '      confidential: '));
    expect(valueSuggestions(schema, b.path).map((s) => s.label)).toEqual(['true', 'false']);
  });
});
