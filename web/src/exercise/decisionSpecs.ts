/**
 * The controls of a player's decision form, derived from its role's view: which fields its kind
 * of role may decide this month (as the API's role check allows them: a mediator's offer and its
 * carrots and sticks only before it is present, the answer to a mediator only when one is),
 * with labels, ranges and hints; and the decision a form's values say.
 */
import type { Decision, RoleView } from '../../../src/exercise/index.ts';

export type Spec =
  | { key: string; label: string; kind: 'select'; options: [string, string][]; help?: string }
  | { key: string; label: string; kind: 'number'; min: number; max: number; help?: string };

export const MODEL = "the model's choice";
const share = (key: string, label: string, help?: string): Spec => ({
  key,
  label,
  kind: 'number',
  min: 0,
  max: 1,
  help,
});
const r2 = (x: number) => x.toFixed(2);

/** The controls of a role's decision in the month its view shows. */
export function decisionSpecs(v: RoleView): Spec[] {
  const name = (id: string) => v.parties.find((p) => p.id === id)?.name ?? id;
  if (v.kind === 'leader') {
    const postures =
      v.talks === 'closed' ? ['closed', 'secret', 'mediated', 'public'] : ['closed', v.talks];
    const specs: Spec[] = [
      {
        key: 'posture',
        label: 'Posture',
        kind: 'select',
        options: postures.map((o) => [
          o,
          o === 'closed' && v.talks !== 'closed' ? 'closed (walk out)' : o,
        ]),
        help:
          v.talks === 'closed' ? 'willing to talk, and how' : `talks are under way (${v.talks})`,
      },
      {
        key: 'effort',
        label: 'Effort',
        kind: 'select',
        options: [
          ['hold', 'hold'],
          ['escalate', 'escalate'],
        ],
      },
      share('demand', 'Demand (share you keep)', 'when you make the offer, 0–1'),
      share(
        'leastAcceptable',
        'Least acceptable share',
        'the least you accept when answering an offer, 0–1',
      ),
    ];
    if (v.mediatorsPresent.length > 0)
      specs.push({
        key: 'mediator',
        label: 'Mediator',
        kind: 'select',
        options: [
          ['accept', `accept (${v.mediatorsPresent.join(', ')})`],
          ['refuse', 'refuse'],
        ],
      });
    return specs;
  }
  if (v.kind === 'mediator') {
    const sides = Object.keys(v.mediatorMeans?.carrots ?? {});
    const present = v.mediatorsPresent.includes(v.role);
    const specs: Spec[] = [];
    if (!present)
      specs.push({
        key: 'offerServices',
        label: 'Offer your services',
        kind: 'select',
        options: [
          ['yes', 'yes, this month'],
          ['no', 'not yet'],
        ],
      });
    specs.push({
      key: 'approach',
      label: 'Approach',
      kind: 'select',
      options: [
        ...sides.map((id): [string, string] => [id, `${name(id)} only`]),
        ['both', 'both sides'],
      ],
      help: 'a side not approached neither accepts nor refuses you this month',
    });
    specs.push(
      share(
        'proposal',
        'Proposal (side A’s share)',
        'the terms you put forward when you lead talks, 0–1',
      ),
    );
    if (!present)
      for (const id of sides) {
        const means = v.mediatorMeans!;
        specs.push(
          share(
            `carrots.${id}`,
            `Carrots for ${name(id)}`,
            `share of your carrots (${r2(means.carrots[id])} of the stake) put on the table on arrival, 0–1`,
          ),
          share(
            `sticks.${id}`,
            `Sticks on ${name(id)}`,
            `share of your sticks (${r2(means.sticks[id])}) used on arrival, 0–1`,
          ),
        );
      }
    return specs;
  }
  if (v.kind === 'patron')
    return Object.entries(v.patronAid ?? {}).flatMap(([id, now]): Spec[] => {
      const cond = v.patronConditions?.[id];
      return [
        {
          key: `aid.${id}`,
          label: `Aid to ${name(id)}`,
          kind: 'number',
          min: 0,
          max: 3,
          help: `committed level this month, 0–3 (now ${r2(now)})`,
        },
        share(
          `conditions.${id}.minimumShare`,
          `Least share ${name(id)} may settle for`,
          `your condition, from this month on, 0–1 (now ${r2(cond?.minimumShare ?? 0)})`,
        ),
        {
          key: `conditions.${id}.opposesTalks`,
          label: `Oppose ${name(id)}'s talks`,
          kind: 'select',
          options: [
            ['yes', 'yes, from this month on'],
            ['no', 'no, from this month on'],
          ],
          help: `now: ${cond?.opposesTalks ? 'you oppose them' : 'you do not'}`,
        },
      ];
    });
  return [];
}

/** The decision the form's values say (empty values are the model's choice). */
export function toDecision(specs: Spec[], values: Record<string, string>): Decision {
  const out: Record<string, unknown> = {};
  for (const s of specs) {
    const text = (values[s.key] ?? '').trim();
    if (text === '') continue;
    const yesNo = s.key === 'offerServices' || s.key.endsWith('.opposesTalks');
    const value = s.kind === 'number' ? Number(text) : yesNo ? text === 'yes' : text;
    // a dotted key nests: carrots.<side>, conditions.<recipient>.minimumShare
    const path = s.key.split('.');
    let at = out;
    for (const part of path.slice(0, -1)) at = (at[part] ??= {}) as Record<string, unknown>;
    at[path[path.length - 1]] = value;
  }
  return out;
}
