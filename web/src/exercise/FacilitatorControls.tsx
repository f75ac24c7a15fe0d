/**
 * The facilitator's controls of an exercise (issue 20): play one month or N at once (the model
 * decides for every role after the first), pause and resume (no month is played, the deadline
 * is frozen), inject an event into the month being played (a leak, or one of the scenario's
 * intervention kinds), rewind to an earlier month, and set or clear the month's deadline (after
 * it, decisions for the month are refused). Each calls the API and shows its answer's messages
 * when refused.
 */
import { useId, useState, type JSX } from 'react';
import type { Injection, InjectionInput, RoleView } from '../../../src/exercise/index.ts';

type Act = (method: string, path: string, body: unknown, done: string) => Promise<boolean>;

const KINDS = [
  ['leak', 'a leak of the secret talks'],
  ['show-of-strength', 'a show of strength (a shock on the battlefield)'],
  ['ceasefire-proposal', 'a ceasefire proposal'],
  ['incentive-offer', 'an incentive offer'],
  ['aid-change', 'an aid change'],
  ['mediator-entry', "a mediator's entry"],
] as const;
type Kind = (typeof KINDS)[number][0];

function Field(props: {
  label: string;
  help?: string;
  children: (id: string) => JSX.Element;
}): JSX.Element {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      {props.children(id)}
      {props.help ? (
        <span className="help" id={`${id}-help`}>
          {props.help}
        </span>
      ) : null}
    </div>
  );
}

/** A labelled whole-number input with its help line (months to play, minutes to a deadline). */
function WholeNumberField(props: {
  label: string;
  help: string;
  min: number;
  max: number;
  value: string;
  onChange: (value: string) => void;
}): JSX.Element {
  return (
    <Field label={props.label} help={props.help}>
      {(cid) => (
        <input
          id={cid}
          type="number"
          min={props.min}
          max={props.max}
          step={1}
          value={props.value}
          onChange={(e) => props.onChange(e.target.value)}
          aria-describedby={`${cid}-help`}
        />
      )}
    </Field>
  );
}

export function FacilitatorControls(props: {
  id: string;
  view: RoleView;
  pausedAt: string | null;
  deadline: string | null;
  injections: Injection[];
  act: Act;
}): JSX.Element {
  const { id, view: v, act } = props;
  const [months, setMonths] = useState('1');
  const [minutes, setMinutes] = useState('10');
  const [to, setTo] = useState('');
  const [kind, setKind] = useState<Kind>('show-of-strength');
  const [f, setF] = useState<Record<string, string>>({});
  const belligerents = v.parties.filter((p) => p.kind === 'leader');
  const mediators = v.parties.filter((p) => p.kind === 'mediator');
  const lines = v.facilitator?.supportLines ?? [];
  const n = Number(months);
  const set = (key: string) => (e: { target: { value: string } }) =>
    setF({ ...f, [key]: e.target.value });
  const pick = (key: string, options: { id: string; name: string }[]) => (cid: string) => (
    <select id={cid} value={f[key] ?? options[0]?.id ?? ''} onChange={set(key)}>
      {options.map((o) => (
        <option key={o.id} value={o.id}>
          {o.name}
        </option>
      ))}
    </select>
  );
  const amount = (key: string, max: number) => (cid: string) => (
    <input
      id={cid}
      type="number"
      min={0}
      max={max}
      step="0.05"
      value={f[key] ?? ''}
      placeholder="0–1"
      onChange={set(key)}
    />
  );
  const value = (key: string, fallback: string) => f[key] ?? fallback;
  const event = (): InjectionInput => {
    const month = v.month;
    const note = f.note?.trim() ? { note: f.note.trim() } : {};
    // an amount left empty is the schema's default (sent as absent)
    const num = (key: string) => (value(key, '').trim() === '' ? undefined : Number(f[key]));
    switch (kind) {
      case 'leak':
        return { kind, month, ...note };
      case 'show-of-strength':
        return {
          kind,
          month,
          party: value('party', belligerents[0]?.id),
          size: num('size'),
          ...note,
        };
      case 'ceasefire-proposal':
        return {
          kind,
          month,
          by: value('by', v.parties[0]?.id),
          pressure: num('pressure'),
          ...note,
        };
      case 'incentive-offer':
        return {
          kind,
          month,
          from: value('from', v.parties[0]?.id),
          to: value('to', belligerents[0]?.id),
          size: num('size'),
          incentive: 'other',
          conditionalOn: value('conditionalOn', 'agreement') as 'talks' | 'agreement',
          ...note,
        };
      case 'aid-change': {
        const [patron, recipient] = value(
          'line',
          `${lines[0]?.patron}|${lines[0]?.recipient}`,
        ).split('|');
        return { kind, month, patron, recipient, level: num('level'), ...note };
      }
      case 'mediator-entry':
        return { kind, month, mediator: value('mediator', mediators[0]?.id), ...note };
    }
  };
  return (
    <div className="form" data-testid="facilitator-controls">
      <fieldset className="group">
        <legend>Play</legend>
        {props.pausedAt ? (
          <p data-testid="paused">
            Paused since {props.pausedAt}: no month is played and the deadline is frozen.
          </p>
        ) : null}
        <WholeNumberField
          label="Months to play"
          help="after the first month the model decides for every role (said so in the log)"
          min={1}
          max={120}
          value={months}
          onChange={setMonths}
        />
        <button
          type="button"
          disabled={v.finished}
          onClick={() =>
            void act(
              'POST',
              `/exercises/${id}/advance`,
              { months: n },
              n === 1
                ? `Month ${v.month} played.`
                : `Months ${v.month} to ${v.month + n - 1} played (or to the war's end).`,
            )
          }
        >
          {n === 1 ? 'Play the month' : `Play ${months} months`}
        </button>{' '}
        <button
          type="button"
          disabled={v.finished}
          onClick={() =>
            void act(
              'PUT',
              `/exercises/${id}/pause`,
              { paused: props.pausedAt === null },
              props.pausedAt === null ? 'Paused.' : 'Resumed.',
            )
          }
        >
          {props.pausedAt === null ? 'Pause' : 'Resume'}
        </button>
      </fieldset>
      <fieldset className="group">
        <legend>Deadline for month {v.month}</legend>
        <p data-testid="deadline">
          {props.deadline === null
            ? 'No deadline: the month is played when you play it.'
            : `Decisions for this month are refused after ${props.deadline}.`}
        </p>
        <WholeNumberField
          label="Minutes from now"
          help="a player who misses it is played by the model for the month (said so in the log)"
          min={1}
          max={10080}
          value={minutes}
          onChange={setMinutes}
        />
        <button
          type="button"
          disabled={v.finished}
          onClick={() => {
            const m = Number(minutes);
            const at = Number.isFinite(m) ? new Date(Date.now() + m * 60_000) : null;
            void act(
              'PUT',
              `/exercises/${id}/deadline`,
              // an unreadable number goes to the API as it is, which names the problem
              { deadline: at && !Number.isNaN(at.getTime()) ? at.toISOString() : minutes },
              `Deadline set ${minutes} minutes from now.`,
            );
          }}
        >
          Set the deadline
        </button>{' '}
        <button
          type="button"
          disabled={v.finished || props.deadline === null}
          onClick={() =>
            void act('PUT', `/exercises/${id}/deadline`, { deadline: null }, 'Deadline cleared.')
          }
        >
          Clear the deadline
        </button>
      </fieldset>
      <fieldset className="group">
        <legend>Inject an event into month {v.month}</legend>
        <Field label="Event">
          {(cid) => (
            <select id={cid} value={kind} onChange={(e) => setKind(e.target.value as Kind)}>
              {KINDS.map(([k, label]) => (
                <option key={k} value={k}>
                  {label}
                </option>
              ))}
            </select>
          )}
        </Field>
        {kind === 'show-of-strength' ? (
          <>
            <Field label="By">{pick('party', belligerents)}</Field>
            <Field label="Size (strength shown, 0–1)">{amount('size', 1)}</Field>
          </>
        ) : null}
        {kind === 'ceasefire-proposal' ? (
          <>
            <Field label="Proposed by">{pick('by', v.parties)}</Field>
            <Field label="Pressure behind it (0–1)">{amount('pressure', 1)}</Field>
          </>
        ) : null}
        {kind === 'incentive-offer' ? (
          <>
            <Field label="From">{pick('from', v.parties)}</Field>
            <Field label="To">{pick('to', belligerents)}</Field>
            <Field label="Size (share of the stake, 0–1)">{amount('size', 1)}</Field>
            <Field label="Conditional on">
              {(cid) => (
                <select
                  id={cid}
                  value={value('conditionalOn', 'agreement')}
                  onChange={set('conditionalOn')}
                >
                  <option value="agreement">an agreement</option>
                  <option value="talks">talks</option>
                </select>
              )}
            </Field>
          </>
        ) : null}
        {kind === 'aid-change' ? (
          <>
            <Field label="Support line">
              {(cid) => (
                <select
                  id={cid}
                  value={value('line', `${lines[0]?.patron}|${lines[0]?.recipient}`)}
                  onChange={set('line')}
                >
                  {lines.map((l) => (
                    <option key={`${l.patron}|${l.recipient}`} value={`${l.patron}|${l.recipient}`}>
                      {l.patron} → {l.recipient}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label="New aid level (0–3)">{amount('level', 3)}</Field>
          </>
        ) : null}
        {kind === 'mediator-entry' ? (
          <Field label="Mediator">{pick('mediator', mediators)}</Field>
        ) : null}
        <Field label="Note (shown with the event)">
          {(cid) => (
            <input
              id={cid}
              type="text"
              value={f.note ?? ''}
              maxLength={200}
              onChange={set('note')}
            />
          )}
        </Field>
        <button
          type="button"
          disabled={v.finished}
          onClick={() =>
            void act(
              'POST',
              `/exercises/${id}/events`,
              { event: event() },
              'Event injected; it happens when the month is played.',
            )
          }
        >
          Inject
        </button>
        {props.injections.some((e) => e.month === v.month) ? (
          <p data-testid="injected">
            Injected for this month:{' '}
            {props.injections
              .filter((e) => e.month === v.month)
              .map((e) => e.kind)
              .join(', ')}
          </p>
        ) : null}
      </fieldset>
      <fieldset className="group">
        <legend>Rewind</legend>
        <Field label="Go back to month">
          {(cid) => (
            <input
              id={cid}
              type="number"
              min={0}
              max={Math.max(0, v.month - 1)}
              step={1}
              value={to}
              onChange={(e) => setTo(e.target.value)}
            />
          )}
        </Field>
        <button
          type="button"
          onClick={() =>
            void act(
              'POST',
              `/exercises/${id}/rewind`,
              { month: to === '' ? -1 : Number(to) },
              `Rewound to month ${to}; the later decisions and events are kept as rewound.`,
            )
          }
        >
          Rewind
        </button>
      </fieldset>
    </div>
  );
}
