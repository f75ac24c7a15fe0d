/**
 * The exercise decision form's pure parts (web/src/exercise): the controls each kind of role
 * gets from a real view, the decision its values say (accepted by the core's DecisionSchema and
 * role check), and where the API's issues land on the form.
 */
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/data/scenarios.ts';
import { DecisionSchema, Exercise, viewFor } from '../../src/exercise/index.ts';
import { decisionSpecs, toDecision } from '../../web/src/exercise/decisionSpecs.ts';
import { issueField } from '../../web/src/exercise/issueField.ts';

const l = loadScenario('bosnia-1995').result;
if (!l.ok) throw new Error('bosnia-1995 invalid');
const scenario = l.value;
const roles = ['bosnian-serbs', 'bosnian-government', 'united-states', 'serbia'];

describe('decision form controls', () => {
  const ex = new Exercise(scenario, { run: 1, roles });
  const keys = (role: string) => decisionSpecs(viewFor(ex, role)).map((s) => s.key);

  it('every field the API accepts from a role has a control, and no other', () => {
    expect(keys('bosnian-serbs')).toEqual(['posture', 'effort', 'demand', 'leastAcceptable']);
    expect(keys('united-states')).toEqual([
      'offerServices',
      'approach',
      'proposal',
      'carrots.bosnian-serbs',
      'sticks.bosnian-serbs',
      'carrots.bosnian-government',
      'sticks.bosnian-government',
    ]);
    expect(keys('serbia')).toEqual([
      'aid.bosnian-serbs',
      'conditions.bosnian-serbs.minimumShare',
      'conditions.bosnian-serbs.opposesTalks',
    ]);
    // once a mediator is present: the leaders answer it; it no longer offers or brings means
    ex.advance({ 'united-states': { offerServices: true } });
    expect(keys('bosnian-serbs')).toContain('mediator');
    expect(keys('united-states')).toEqual(['approach', 'proposal']);
  });

  it("the form's values make a decision the core accepts; empty values are the model's", () => {
    const fresh = new Exercise(scenario, { run: 1, roles });
    const med = decisionSpecs(viewFor(fresh, 'united-states'));
    const d = toDecision(med, {
      offerServices: 'yes',
      approach: 'bosnian-serbs',
      proposal: '0.55',
      'carrots.bosnian-government': '0.5',
      'sticks.bosnian-serbs': ' ',
    });
    expect(d).toEqual({
      offerServices: true,
      approach: 'bosnian-serbs',
      proposal: 0.55,
      carrots: { 'bosnian-government': 0.5 },
    });
    expect(DecisionSchema.parse(d)).toEqual(d);
    expect(fresh.check('united-states', d)).toEqual([]);
    const patron = toDecision(decisionSpecs(viewFor(fresh, 'serbia')), {
      'aid.bosnian-serbs': '0.4',
      'conditions.bosnian-serbs.opposesTalks': 'yes',
      'conditions.bosnian-serbs.minimumShare': '0.6',
    });
    expect(patron).toEqual({
      aid: { 'bosnian-serbs': 0.4 },
      conditions: { 'bosnian-serbs': { opposesTalks: true, minimumShare: 0.6 } },
    });
    expect(fresh.check('serbia', patron)).toEqual([]);
    expect(toDecision(med, {})).toEqual({});
  });
});

describe('where an API issue lands on the form', () => {
  it.each([
    [{ code: 'too_big', path: ['body', 'decision', 'demand'], message: 'Too big' }, 'demand'],
    [
      { code: 'too_big', path: ['body', 'decision', 'carrots', 'alpha'], message: 'Too big' },
      'carrots.alpha',
    ],
    [
      {
        code: 'invalid_decision',
        path: ['decision'],
        message: 'effort: escalate needs reserves above 0.05; x has 0.040',
      },
      'effort',
    ],
    [
      {
        code: 'invalid_decision',
        path: ['decision'],
        message: 'aid.bosnian-serbs: croatia has no support line to bosnian-serbs',
      },
      'aid.bosnian-serbs',
    ],
    [
      {
        code: 'too_big',
        path: ['body', 'decision', 'conditions', 'b', 'minimumShare'],
        message: 'Too big',
      },
      'conditions.b.minimumShare',
    ],
    [{ code: 'forbidden', path: [], message: 'this token plays x' }, null],
  ])('%j → %s', (issue, field) => {
    expect(issueField(issue, 'decision')).toBe(field);
  });
});
