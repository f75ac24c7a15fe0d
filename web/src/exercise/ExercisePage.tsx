/**
 * Exercise pages (issue 20), joined by link: `#/exercise/<id>/<token>`. The token says who you
 * are: a player sees only its role's view (from GET /exercises/{id}/state) and hands in its
 * month's decision; the facilitator sees everything, the path against the model, and plays the
 * month. The page polls the state, so players see the new month once the facilitator plays it.
 */
import { useCallback, useEffect, useState, type JSX } from 'react';
import type { Decision, Injection, RoleView } from '../../../src/exercise/index.ts';
import { call } from './exerciseApi.ts';
import { DecisionForm } from './DecisionForm.tsx';
import { FacilitatorControls } from './FacilitatorControls.tsx';

interface StateAnswer {
  exercise: {
    id: string;
    month: number;
    status: 'open' | 'finished';
    deadline: string | null;
    pausedAt: string | null;
  };
  view: RoleView;
  pending: Record<string, Decision>;
  standing:
    | {
        month: number;
        path: { talksOpened: boolean };
        model: { talksOpened: number; ended: number };
      }[]
    | null;
  injections: Injection[] | null;
  rewinds: { from: number; to: number; at: string }[] | null;
  fingerprint: string | null;
}

const pct = (x: number) => `${Math.round(100 * x)} %`;

export function ExercisePage({ path }: { path: string[] }): JSX.Element {
  const [id, token] = path;
  const [state, setState] = useState<StateAnswer>();
  const [error, setError] = useState<string>();
  const [notice, setNotice] = useState<string>();
  const load = useCallback(async () => {
    if (!id || !token) return;
    const r = await call<StateAnswer>('GET', `/exercises/${id}/state`, token);
    if (r.ok) setState(r.value);
    else setError(r.error);
  }, [id, token]);
  useEffect(() => {
    void load();
    const timer = setInterval(() => void load(), 1000);
    return () => clearInterval(timer);
  }, [load]);
  if (!id || !token) return <p className="error">This link lacks its exercise id or token.</p>;
  if (error && !state)
    return (
      <p role="alert" className="error">
        {error}
      </p>
    );
  if (!state) return <p aria-live="polite">Joining the exercise…</p>;
  const v = state.view;
  const act = async (method: string, p: string, body: unknown, done: string) => {
    setError(undefined);
    setNotice(undefined);
    const r = await call<unknown>(method, p, token, body);
    if (r.ok) setNotice(done);
    else setError(r.error);
    await load();
    return r.ok;
  };
  return (
    <section className="exercise" data-role={v.role} data-month={v.month}>
      <h1>
        {v.kind === 'facilitator' ? 'Facilitator' : `You play ${v.role}`} · month{' '}
        <span data-testid="month">{v.month}</span> of {v.horizonMonths}
      </h1>
      <p data-testid="outcome">
        {v.finished ? `Finished: ${v.outcome}` : 'The war goes on.'} Front {v.front.position}/
        {v.front.positions}; talks: <span data-testid="talks">{v.talks}</span>
        {v.mediatorsPresent.length ? `; mediators: ${v.mediatorsPresent.join(', ')}` : ''}
      </p>
      {state.exercise.pausedAt && v.kind !== 'facilitator' ? (
        <p data-testid="paused">
          The facilitator has paused the exercise: no month is played and the deadline is frozen
          meanwhile.
        </p>
      ) : null}
      {error ? (
        <p role="alert" className="error">
          {error}
        </p>
      ) : null}
      {notice ? <p aria-live="polite">{notice}</p> : null}
      {v.own ? (
        <div data-testid="own">
          <h2>Your side</h2>
          <p>
            Support for the war {pct(v.own.support)}, for talks {pct(v.own.supportForTalks)}; deaths{' '}
            {v.own.casualties}; reserves {pct(v.own.reserves)}; aid {v.own.aid.toFixed(2)}. You
            believe the enemy is the strong type with probability {pct(v.beliefEnemyStrong ?? 0)}.
          </p>
        </div>
      ) : null}
      {v.facilitator ? (
        <div data-testid="sides">
          <h2>Both sides</h2>
          <table>
            <tbody>
              {v.facilitator.sides.map((s, p) => (
                <tr key={p}>
                  <td>side {p === 0 ? 'A' : 'B'}</td>
                  <td>support {pct(s.support)}</td>
                  <td>reserves {pct(s.reserves)}</td>
                  <td>strong type: {v.facilitator!.strongType[p] ? 'yes' : 'no'}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {state.standing && state.standing.length > 0 ? (
            <p data-testid="standing">
              In the model, talks had opened by now in{' '}
              {pct(state.standing[state.standing.length - 1].model.talksOpened)} of runs; the war
              had ended in {pct(state.standing[state.standing.length - 1].model.ended)}.
            </p>
          ) : null}
          <p>Decisions handed in: {Object.keys(state.pending).join(', ') || 'none yet'}.</p>
          {state.rewinds && state.rewinds.length > 0 ? (
            <p data-testid="rewinds">
              Rewound {state.rewinds.map((r) => `from month ${r.from} to ${r.to}`).join('; ')} (the
              dropped decisions and events are kept in the record).
            </p>
          ) : null}
          <FacilitatorControls
            id={id}
            view={v}
            pausedAt={state.exercise.pausedAt}
            deadline={state.exercise.deadline}
            injections={state.injections ?? []}
            act={act}
          />
          <button
            type="button"
            onClick={() =>
              void (async () => {
                const res = await fetch(`/exercises/${id}/report.html`, {
                  headers: { authorization: `Bearer ${token}` },
                });
                if (!res.ok) return setError(`the report is not available (HTTP ${res.status})`);
                const url = URL.createObjectURL(
                  new Blob([await res.text()], { type: 'text/html' }),
                );
                window.open(url, '_blank', 'noopener');
              })()
            }
          >
            After-action report
          </button>
        </div>
      ) : null}
      {v.kind !== 'facilitator' && !v.finished ? (
        <DecisionForm
          key={`${v.month}-${state.rewinds?.length ?? 0}`}
          view={v}
          pending={state.pending[v.role]}
          onSubmit={async (decision) => {
            setNotice(undefined);
            const r = await call<unknown>('POST', `/exercises/${id}/decisions`, token, {
              role: v.role,
              month: v.month,
              decision,
            });
            await load();
            if (!r.ok)
              return r.issues.length ? r.issues : [{ code: 'error', path: [], message: r.error }];
            setNotice(`Decision for month ${v.month} handed in.`);
            return [];
          }}
        />
      ) : null}
      <h2>What you know happened</h2>
      <ul data-testid="events">
        {v.events
          .slice(-12)
          .reverse()
          .map((e, k) => (
            <li key={k}>
              month {e.month}: {e.text}
            </li>
          ))}
      </ul>
    </section>
  );
}
