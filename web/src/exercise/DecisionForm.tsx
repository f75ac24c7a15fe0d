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
import type { ApiIssue } from './exerciseApi.ts';
import { issueField } from './issueField.ts';
import { decisionSpecs, MODEL, toDecision } from './decisionSpecs.ts';

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
