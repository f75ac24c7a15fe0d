// The exported JSON Schema (for editors) is valid draft 2020-12, accepts every bundled scenario
// and rejects files whose problem is one of shape (cross-references are beyond JSON Schema).
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { scenarioJsonSchema } from '../../src/model/index.ts';
import { bundledScenarioFiles, readFixture, readScenario } from './paths.ts';

function compile() {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats.default(ajv);
  return { ajv, validate: ajv.compile(scenarioJsonSchema()) };
}

describe('scenarioJsonSchema', () => {
  const { ajv, validate } = compile();

  it('is a valid draft 2020-12 JSON Schema', () => {
    const schema = scenarioJsonSchema();
    expect(ajv.validateSchema(schema)).toBe(true);
    expect(schema).toMatchObject({
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      title: 'Parley scenario',
      type: 'object',
    });
  });

  it('documents defaults and units for scenario fields', () => {
    const text = JSON.stringify(scenarioJsonSchema());
    expect(text).toContain('months simulated');
    expect(text).toContain('"default":120');
  });

  it.each(bundledScenarioFiles())('accepts %s', (file) => {
    const ok = validate(parse(readScenario(file)));
    expect(ok ? [] : validate.errors).toEqual([]);
  });

  it.each([
    ['missing-id.yaml', '', 'required'],
    ['probability-above-one.yaml', '/parties/0/military/strongTypeProbability', 'maximum'],
    ['support-negative.yaml', '/parties/1/opinion/supportForWar', 'minimum'],
    ['unknown-field-typo.yaml', '/parties/0', 'additionalProperties'],
    ['bad-discriminator.yaml', '/parties/0/role', 'const'],
    ['negative-intervention-month.yaml', '/interventions/0/month', 'minimum'],
    ['bad-id-format.yaml', '/id', 'pattern'],
  ])('rejects %s (shape error at "%s")', (file, instancePath, keyword) => {
    expect(validate(parse(readFixture(file)))).toBe(false);
    expect(validate.errors).toContainEqual(expect.objectContaining({ instancePath, keyword }));
  });
});
