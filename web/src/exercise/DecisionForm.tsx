/**
 * A player's decision for the month: one labelled control for every field the API accepts from
 * its kind of role (issue 20): a leader's posture, effort, demand, least acceptable share and
 * answer to a mediator; a mediator's offer, whom it approaches, its proposal and the carrots
 * and sticks it puts on the table (within its means); a patron's aid. A control left at "the
 * model's choice" or empty leaves that choice to the model. Refusals show the API's messages
 * beside the field they are about.
 */
import { useId, useState, type JSX } from 'react';
import type { Decision, RoleView } from '../../../src/exercise/index.ts';
import { issueField, type ApiIssue } from './exerciseApi.ts';

type Spec =
  | { key: string; label: string; kind: 'select'; options: [string, string][]; help?: string }
  | { key: string; label: string; kind: 'number'; min: number; max: number; help?: string };

const MODEL = "the model's choice";
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
    return Object.entries(v.patronAid ?? {}).map(([id, now]) => ({
      key: `aid.${id}`,
      label: `Aid to ${name(id)}`,
      kind: 'number',
      min: 0,
      max: 3,
      help: `committed level this month, 0–3 (now ${r2(now)})`,
    }));
  return [];
}

/** The decision the form's values say (empty values are the model's choice). */
export function toDecision(specs: Spec[], values: Record<string, string>): Decision {
  const out: Record<string, unknown> = {};
  for (const s of specs) {
    const text = (values[s.key] ?? '').trim();
    if (text === '') continue;
    const value =
      s.kind === 'number' ? Number(text) : s.key === 'offerServices' ? text === 'yes' : text;
    const [field, sub] = s.key.split('.', 2);
    if (sub === undefined) out[field] = value;
    else ((out[field] ??= {}) as Record<string, unknown>)[sub] = value;
  }
  return out;
}

export function DecisionForm(props: {
  view: RoleView;
  pending: Decision | undefined;
  /** Hands the decision in; resolves to the API's issues (empty when it was accepted). */
  onSubmit: (d: Decision) => Promise<ApiIssue[]>;
}): JSX.Element | null {
  const specs = decisionSpecs(props.view);
  const [values, setValues] = useState<Record<string, string>>({});
  const [issues, setIssues] = useState<ApiIssue[]>([]);
  const id = useId();
  if (specs.length === 0) return null;
  const byField = new Map<string, string[]>();
  const general: string[] = [];
  for (const i of issues) {
    const f = issueField(i, 'decision');
    if (f !== null && specs.some((s) => s.key === f))
      byField.set(f, [...(byField.get(f) ?? []), i.message]);
    else general.push(i.message);
  }
  return (
    <form
      className="form"
      data-testid="decide"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void props.onSubmit(toDecision(specs, values)).then(setIssues);
      }}
    >
      <fieldset className="group">
        <legend>Your decision for month {props.view.month}</legend>
        {issues.length > 0 ? (
          <div role="alert" className="error" data-testid="decision-errors">
            The decision was refused; nothing changed.
            {general.length > 0 ? (
              <ul>
                {general.map((m, k) => (
                  <li key={k}>{m}</li>
                ))}
              </ul>
            ) : null}
          </div>
        ) : null}
        {specs.map((s) => {
          const errors = byField.get(s.key) ?? [];
          const control = `${id}-${s.key}`;
          const help = `${control}-help`;
          const err = `${control}-err`;
          const describedBy =
            [s.help ? help : '', errors.length ? err : ''].filter(Boolean).join(' ') || undefined;
          const common = {
            id: control,
            name: s.key,
            value: values[s.key] ?? '',
            'aria-invalid': errors.length > 0 ? true : undefined,
            'aria-describedby': describedBy,
          };
          return (
            <div key={s.key} className={errors.length ? 'field invalid' : 'field'}>
              <label htmlFor={control}>{s.label}</label>
              {s.kind === 'select' ? (
                <select
                  {...common}
                  onChange={(e) => setValues({ ...values, [s.key]: e.target.value })}
                >
                  <option value="">{MODEL}</option>
                  {s.options.map(([value, label]) => (
                    <option key={value} value={value}>
                      {label}
                    </option>
                  ))}
                </select>
              ) : (
                <input
                  {...common}
                  type="number"
                  inputMode="decimal"
                  min={s.min}
                  max={s.max}
                  step="0.01"
                  placeholder={MODEL}
                  onChange={(e) => setValues({ ...values, [s.key]: e.target.value })}
                />
              )}
              {s.help ? (
                <span className="help" id={help}>
                  {s.help}
                </span>
              ) : null}
              {errors.length ? (
                <span className="field-error" id={err}>
                  {errors.map((m, k) => (
                    <span key={k}>{m}</span>
                  ))}
                </span>
              ) : null}
            </div>
          );
        })}
        <button type="submit">Hand in</button>
        {props.pending ? (
          <p data-testid="pending">Handed in: {JSON.stringify(props.pending)}</p>
        ) : null}
      </fieldset>
    </form>
  );
}
