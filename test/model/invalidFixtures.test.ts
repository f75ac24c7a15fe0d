// Every invalid fixture fails with the issue it names: code, path, a message fragment, and the
// line of the offending node when the problem is inside the document (docs/architecture.md, Conventions).
import { describe, expect, it } from 'vitest';
import { parseScenarioText, type InputIssue } from '../../src/model/index.ts';
import { invalidFixtureFiles, readFixture } from './paths.ts';

interface Expected {
  code: string;
  path: (string | number)[];
  message: string;
  /** 1-based line of the offending node; undefined when the issue has no place in the document. */
  line?: number;
}

const EXPECTED: Record<string, Expected> = {
  'missing-id.yaml': {
    code: 'invalid_type',
    path: ['id'],
    message: 'required field is missing',
    line: 2,
  },
  'missing-parties.yaml': {
    code: 'invalid_type',
    path: ['parties'],
    message: 'required field is missing (expected array)',
    line: 2,
  },
  'strength-not-number.yaml': {
    code: 'invalid_union',
    path: ['parties', 0, 'military', 'strength'],
    message: 'expected a number, or a distribution',
    line: 10,
  },
  'probability-above-one.yaml': {
    code: 'too_big',
    path: ['parties', 0, 'military', 'strongTypeProbability'],
    message: 'expected <= 1; found 1.5',
    line: 10,
  },
  'support-negative.yaml': {
    code: 'too_small',
    path: ['parties', 1, 'opinion', 'supportForWar'],
    message: 'expected >= 0; found -0.1',
    line: 11,
  },
  'unknown-patron.yaml': {
    code: 'unknown_party',
    path: ['parties', 0, 'support', 0, 'patron'],
    message: 'unknown party "nobody"',
    line: 10,
  },
  'unknown-aid-recipient.yaml': {
    code: 'unknown_party',
    path: ['interventions', 0, 'recipient'],
    message: 'unknown party "atlantis"',
    line: 11,
  },
  'mediator-biased-toward-unknown.yaml': {
    code: 'unknown_party',
    path: ['parties', 2, 'mediation', 'bias', 'toward'],
    message: 'unknown party "ghost"',
    line: 12,
  },
  'negative-offer-month.yaml': {
    code: 'too_small',
    path: ['parties', 2, 'mediation', 'offerMonth'],
    message: 'expected >= 0; found -2',
    line: 11,
  },
  'negative-intervention-month.yaml': {
    code: 'too_small',
    path: ['interventions', 0, 'month'],
    message: 'found -1',
    line: 9,
  },
  'range-low-above-high.yaml': {
    code: 'low_above_high',
    path: ['parties', 0, 'military', 'strength', 'low'],
    message: 'range has low > high',
    line: 10,
  },
  'triangular-mode-out-of-order.yaml': {
    code: 'mode_out_of_range',
    path: ['parties', 0, 'military', 'monthlyCost', 'mode'],
    message: 'low <= mode <= high',
    line: 10,
  },
  'unknown-field-typo.yaml': {
    code: 'unrecognized_keys',
    path: ['parties', 0],
    message: 'unknown field "militray"',
    line: 5,
  },
  'two-belligerents-side-a.yaml': {
    code: 'belligerents_per_side',
    path: ['parties'],
    message: 'exactly one belligerent on side A, found 2 (a, c)',
    line: 5,
  },
  'aid-from-mediator.yaml': {
    code: 'wrong_role',
    path: ['interventions', 0, 'patron'],
    message: 'party "m" is a mediator, expected a patron',
    line: 9,
  },
  'month-beyond-horizon.yaml': {
    code: 'beyond_horizon',
    path: ['interventions', 0, 'month'],
    message: 'month 30 is beyond the horizon',
    line: 8,
  },
  'yaml-syntax-error.yaml': {
    code: 'syntax_error',
    path: [],
    message: 'not valid YAML/JSON',
    line: 6,
  },
  'duplicate-yaml-key.yaml': {
    code: 'syntax_error',
    path: [],
    message: 'Map keys must be unique',
    line: 3,
  },
  'bad-discriminator.yaml': {
    code: 'invalid_discriminator',
    path: ['parties', 0, 'role'],
    message: 'one of belligerent, patron, mediator; found "belligrent"',
    line: 5,
  },
  'duplicate-party-ids.yaml': {
    code: 'duplicate_id',
    path: ['parties', 2, 'id'],
    message: 'duplicate party id "a"',
    line: 7,
  },
  'empty.yaml': { code: 'invalid_type', path: [], message: 'expected a scenario object' },
  'patron-wrong-side.yaml': {
    code: 'wrong_side',
    path: ['parties', 0, 'support', 0, 'patron'],
    message: 'patron "p" is on side B',
    line: 10,
  },
  'unknown-back-channel.yaml': {
    code: 'unknown_channel',
    path: ['interventions', 0, 'channel'],
    message: 'unknown back channel "nope"',
    line: 8,
  },
  'bad-id-format.yaml': {
    code: 'invalid_format',
    path: ['id'],
    message: 'found "Russia Ukraine"',
    line: 2,
  },
  'negative-sd.yaml': {
    code: 'too_small',
    path: ['parties', 1, 'military', 'casualtiesPerMonth', 'sd'],
    message: 'found -100',
    line: 11,
  },
  'bad-intervention-kind.yaml': {
    code: 'invalid_discriminator',
    path: ['interventions', 0, 'kind'],
    message: 'found "aid-chnage"',
    line: 8,
  },
};

function issuesOf(file: string): InputIssue[] {
  const result = parseScenarioText(readFixture(file));
  if (result.ok) throw new Error(`${file} unexpectedly validates`);
  return result.issues;
}

describe('invalid fixtures', () => {
  const files = invalidFixtureFiles();

  it('are at least 18, and each has an expectation in this table', () => {
    expect(files.length).toBeGreaterThanOrEqual(18);
    expect(files).toEqual(Object.keys(EXPECTED).sort());
  });

  describe.each(files)('%s', (file) => {
    const expected = EXPECTED[file];

    it('fails with exactly the expected issue', () => {
      const issues = issuesOf(file);
      expect(issues).toHaveLength(1);
      expect(issues[0]).toMatchObject({
        code: expected.code,
        path: expected.path,
        message: expect.stringContaining(expected.message),
      });
    });

    it(
      expected.line === undefined
        ? 'has no line (nothing in the document to point at)'
        : `points at line ${expected.line}`,
      () => {
        const [issue] = issuesOf(file);
        if (expected.line === undefined) {
          expect(issue.line).toBeUndefined();
        } else {
          expect(issue.line).toBe(expected.line);
          expect(issue.column).toBeGreaterThanOrEqual(1);
        }
      },
    );

    it('names its expected issue code in its top comment', () => {
      const firstLine = readFixture(file).split('\n')[0];
      expect(firstLine).toMatch(/^# Invalid fixture\. Expected: /);
      expect(firstLine).toContain(expected.code);
    });
  });

  // Pinned in full for a few representative fixtures, so any change to a message shows up in review.
  it('pins full issues for representative fixtures', () => {
    expect(issuesOf('unknown-patron.yaml')).toMatchInlineSnapshot(`
      [
        {
          "code": "unknown_party",
          "column": 17,
          "line": 10,
          "message": "unknown party "nobody"; known parties: a, b",
          "path": [
            "parties",
            0,
            "support",
            0,
            "patron",
          ],
        },
      ]
    `);
    expect(issuesOf('range-low-above-high.yaml')).toMatchInlineSnapshot(`
      [
        {
          "code": "low_above_high",
          "column": 24,
          "line": 10,
          "message": "range has low > high",
          "path": [
            "parties",
            0,
            "military",
            "strength",
            "low",
          ],
        },
      ]
    `);
    expect(issuesOf('bad-discriminator.yaml')).toMatchInlineSnapshot(`
      [
        {
          "code": "invalid_discriminator",
          "column": 29,
          "line": 5,
          "message": "expected role to be one of belligerent, patron, mediator; found "belligrent"",
          "path": [
            "parties",
            0,
            "role",
          ],
        },
      ]
    `);
    expect(issuesOf('empty.yaml')).toMatchInlineSnapshot(`
      [
        {
          "code": "invalid_type",
          "message": "expected a scenario object (a mapping of fields), found null",
          "path": [],
        },
      ]
    `);
  });
});

describe('all problems at once', () => {
  const base = `id: many
name: Many problems
parties:
  - id: a
    name: A
    role: belligerent
    side: A
    military: { strongTypeProbability: 1.5, reserves: -1 }
    militray: {}
  - { id: b, name: B, role: belligerent, side: B }
`;

  it('reports every shape problem in one pass', () => {
    const result = parseScenarioText(base);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((i) => [i.code, i.path.join('.')])).toEqual(
      expect.arrayContaining([
        ['too_big', 'parties.0.military.strongTypeProbability'],
        ['too_small', 'parties.0.military.reserves'],
        ['unrecognized_keys', 'parties.0'],
      ]),
    );
  });

  it('reports every cross-reference problem in one pass', () => {
    const text = `id: refs
name: Reference problems
parties:
  - { id: a, name: A, role: belligerent, side: A, support: [{ patron: nobody }] }
  - { id: b, name: B, role: belligerent, side: B }
  - { id: m, name: M, role: mediator, mediation: { bias: { toward: ghost } } }
interventions:
  - { kind: mediator-entry, month: 1, mediator: a }
`;
    const result = parseScenarioText(text);
    if (result.ok) throw new Error('expected failure');
    expect(result.issues.map((i) => i.code)).toEqual([
      'unknown_party',
      'unknown_party',
      'wrong_role',
    ]);
  });

  it('reports cross-reference problems together with shape problems', () => {
    const result = parseScenarioText(
      [
        'id: mixed',
        'name: Mixed problems',
        'parties:',
        '  - { id: a, name: A, role: belligerent, side: A, military: { strength: strong } }',
        '  - { id: b, name: B, role: belligerent, side: B }',
        '  - { id: m, name: M, role: mediator, mediation: { bias: { toward: nobody } } }',
      ].join('\n'),
    );
    if (result.ok) throw new Error('expected failure');
    expect(result.issues.map((i) => i.path.join('.'))).toEqual([
      'parties.0.military.strength',
      'parties.2.mediation.bias.toward',
    ]);
    expect(result.issues[1]).toMatchObject({ code: 'unknown_party', line: 6 });
  });

  it('reads JSON with line numbers too', () => {
    const json =
      '{\n  "id": "j",\n  "name": "J",\n  "parties": [\n    {"id": "a", "name": "A", "role": "belligerent", "side": "A"},\n    {"id": "b", "name": "B", "role": "belligerent", "side": "C"}\n  ]\n}\n';
    const result = parseScenarioText(json);
    if (result.ok) throw new Error('expected failure');
    expect(result.issues[0]).toMatchObject({
      code: 'invalid_value',
      path: ['parties', 1, 'side'],
      line: 6,
    });
  });
});
