/**
 * Exercise pages (issue 20), joined by link: `#/exercise/<id>/<token>`. The token says who you
 * are: a player sees only its role's view (from GET /exercises/{id}/state) and hands in its
 * month's decision; the facilitator sees everything, the path against the model, and plays the
 * month. The page polls the state, so players see the new month once the facilitator plays it.
 */
import { useCallback, useEffect, useState, type JSX } from 'react';
import type { Decision, RoleView } from '../../../src/exercise/index.ts';

interface StateAnswer {
  exercise: { id: string; month: number; status: 'open' | 'finished'; deadline: string | null };
  view: RoleView;
  pending: Record<string, Decision>;
  standing:
    | {
        month: number;
        path: { talksOpened: boolean };
        model: { talksOpened: number; ended: number };
      }[]
    | null;
  fingerprint: string | null;
}

const pct = (x: number) => `${Math.round(100 * x)} %`;

async function call<T>(
  method: string,
  path: string,
  token: string,
  body?: unknown,
): Promise<{ ok: true; value: T } | { ok: false; error: string }> {
  const res = await fetch(path, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = (await res.json().catch(() => null)) as unknown;
  if (res.ok) return { ok: true, value: json as T };
  const issues = (json as { issues?: { message: string }[] } | null)?.issues ?? [];
  return { ok: false, error: issues.map((i) => i.message).join('; ') || `HTTP ${res.status}` };
}

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
    const r = await call<unknown>(method, p, token, body);
    if (r.ok) setNotice(done);
    else setError(r.error);
    await load();
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
          <button
            type="button"
            disabled={v.finished}
            onClick={() =>
              void act('POST', `/exercises/${id}/advance`, {}, `Month ${v.month} played.`)
            }
          >
            Play the month
          </button>
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
      {v.kind === 'leader' && !v.finished ? (
        <LeaderForm
          talks={v.talks}
          mediators={v.mediatorsPresent.length > 0}
          pending={state.pending[v.role]}
          onSubmit={(decision) =>
            void act(
              'POST',
              `/exercises/${id}/decisions`,
              { role: v.role, month: v.month, decision },
              `Decision for month ${v.month} handed in.`,
            )
          }
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

function LeaderForm(props: {
  talks: string;
  mediators: boolean;
  pending: Decision | undefined;
  onSubmit: (d: Decision) => void;
}): JSX.Element {
  const [posture, setPosture] = useState('');
  const [effort, setEffort] = useState('');
  const [demand, setDemand] = useState('');
  const options =
    props.talks === 'closed' ? ['closed', 'secret', 'mediated', 'public'] : ['closed', props.talks];
  return (
    <form
      data-testid="decide"
      onSubmit={(e) => {
        e.preventDefault();
        const d: Decision = {};
        if (posture) d.posture = posture as Decision['posture'];
        if (effort) d.effort = effort as Decision['effort'];
        if (demand) d.demand = Number(demand);
        props.onSubmit(d);
      }}
    >
      <h2>Your decision this month</h2>
      <label>
        Posture{' '}
        <select aria-label="posture" value={posture} onChange={(e) => setPosture(e.target.value)}>
          <option value="">the model's choice</option>
          {options.map((o) => (
            <option key={o} value={o}>
              {o}
            </option>
          ))}
        </select>
      </label>{' '}
      <label>
        Effort{' '}
        <select aria-label="effort" value={effort} onChange={(e) => setEffort(e.target.value)}>
          <option value="">the model's choice</option>
          <option value="hold">hold</option>
          <option value="escalate">escalate</option>
        </select>
      </label>{' '}
      <label>
        Demand (share you keep){' '}
        <input
          aria-label="demand"
          value={demand}
          onChange={(e) => setDemand(e.target.value)}
          size={5}
        />
      </label>{' '}
      <button type="submit">Hand in</button>
      {props.pending ? (
        <p data-testid="pending">Handed in: {JSON.stringify(props.pending)}</p>
      ) : null}
    </form>
  );
}
