/**
 * Provisions of comparable peace agreements for a case or a saved scenario (#/history/provisions/
 * case/<id> or …/scenario/<id>): how often each provision family appears, war again within 5
 * years with and without it, published findings, and for a scenario a draft term sheet. The
 * answer's shape is the core's (src/history/provisions/schema.ts).
 */
import { useEffect, useState, type JSX } from 'react';
import type { ProvisionsReport, Share } from '../../../src/history/provisions/schema.ts';
import { getJson, type ApiResult } from './api.ts';

const pct = (x: number | null) => (x === null ? '—' : `${Math.round(100 * x)}%`);
const cell = (s: Share) =>
  s.n === 0
    ? 'n/a'
    : `${pct(s.share)} (${s.k}/${s.n}; 95% ${pct(s.interval.low)}–${pct(s.interval.high)})`;

/** The address of the page for a case or a scenario. */
export const provisionsHref = (kind: 'case' | 'scenario', id: string): string =>
  `#/history/provisions/${kind}/${encodeURIComponent(id)}`;

export function ProvisionsPage(props: { kind?: string; id?: string }): JSX.Element {
  const { kind, id } = props;
  const [answer, setAnswer] = useState<ApiResult<ProvisionsReport>>();
  useEffect(() => {
    if (!id || (kind !== 'case' && kind !== 'scenario')) return;
    setAnswer(undefined);
    const ctl = new AbortController();
    const path =
      kind === 'case'
        ? `/cases/${encodeURIComponent(id)}/provisions`
        : `/scenarios/${encodeURIComponent(id)}/provisions?runs=500`;
    void getJson<ProvisionsReport>(path, ctl.signal).then((r) => {
      if (!ctl.signal.aborted) setAnswer(r);
    });
    return () => ctl.abort();
  }, [kind, id]);

  if (!id || (kind !== 'case' && kind !== 'scenario'))
    return (
      <p>
        Open provisions from a case page or from Results (the address is
        #/history/provisions/case/&lt;id&gt; or …/scenario/&lt;id&gt;).
      </p>
    );
  if (!answer) return <p aria-live="polite">Finding comparable agreements…</p>;
  if (!answer.ok)
    return (
      <p role="alert" className="error">
        {answer.message}
      </p>
    );
  const p = answer.value;
  const q = p.query;
  const freq = [...p.frequencies].sort((x, y) => y.present.k - x.present.k);
  return (
    <div className="history-provisions">
      <h2>{q.label}</h2>
      <p className="muted">
        Comparable PA-X agreements: types {q.agreementTypes.join(', ') || 'none'}; conflict types{' '}
        {q.conflictTypes.join(', ') || 'any'}; stages {q.stages.join(', ')}; {p.agreements.length}{' '}
        of {p.candidates} matching (at most {q.perProcess} per peace process). {p.data.pax}; relapse
        from UCDP termination data to {p.data.lastObservedYear ?? '—'} and the case base.
      </p>
      {q.notes.map((n) => (
        <p key={n} className="muted">
          {n}
        </p>
      ))}
      {p.empty ? (
        <div role="status">
          <p>{p.empty.message}</p>
          <p>To find some, relax one of:</p>
          <ul>
            {p.empty.relax.map((r) => (
              <li key={r.change}>
                {r.change}: {r.matches} agreements would match
              </li>
            ))}
          </ul>
        </div>
      ) : (
        <>
          <table className="provisions-table">
            <caption>
              Provision families: share of comparable agreements, and war again within 5 years with
              and without
            </caption>
            <thead>
              <tr>
                <th scope="col">Provision family</th>
                <th scope="col">Share of agreements</th>
                <th scope="col">War within 5 years, with</th>
                <th scope="col">Without</th>
              </tr>
            </thead>
            <tbody>
              {freq.map((f) => {
                const d = p.durability.find((x) => x.family === f.family && x.years === 5)!;
                return (
                  <tr key={f.family}>
                    <th scope="row">
                      {f.label}
                      {f.verified ? '' : ' [M]'}
                    </th>
                    <td>{cell(f.present)}</td>
                    <td>{cell(d.with)}</td>
                    <td>{cell(d.without)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <p className="muted">
            Counts and 95% Wilson intervals. [M]: code meaning not checked against the dataset’s
            column dictionary.
          </p>
          {p.agreementEnded.some((e) => e.with.n > 0) ? (
            <details>
              <summary>
                The agreement itself ended within 5 years (UCDP Peace Agreement Dataset)
              </summary>
              <table className="provisions-table">
                <thead>
                  <tr>
                    <th scope="col">Provision family</th>
                    <th scope="col">Ended, with</th>
                    <th scope="col">Without</th>
                  </tr>
                </thead>
                <tbody>
                  {p.agreementEnded
                    .filter((e) => e.with.n > 0)
                    .map((e) => (
                      <tr key={e.family}>
                        <th scope="row">{e.label}</th>
                        <td>{cell(e.with)}</td>
                        <td>{cell(e.without)}</td>
                      </tr>
                    ))}
                </tbody>
              </table>
            </details>
          ) : null}
          <h3>Published findings</h3>
          <ul>
            {p.published.map((x) => (
              <li key={x.id}>
                <strong>{x.citation}</strong> {x.finding}
                <br />
                <span className="muted">
                  Here: {x.ours} —{' '}
                  {x.verdict === 'too-few'
                    ? 'too few agreements to compare'
                    : `${x.verdict === 'agrees' ? 'same' : 'opposite'} direction${x.overlap ? ', intervals overlap' : ''}`}
                </span>
              </li>
            ))}
          </ul>
          {p.termSheet ? (
            <section aria-labelledby="term-sheet">
              <h3 id="term-sheet">Draft term sheet</h3>
              <p>
                <strong>{p.termSheet.label}</strong>
              </p>
              <ol>
                <li>{p.termSheet.stakeClause}</li>
                {p.termSheet.clauses.map((c) => (
                  <li key={c.family}>
                    {c.label}: in {cell(c.present)} of comparable settlements; war within 5 years
                    with it {cell(c.relapse5yWith)}, without {cell(c.relapse5yWithout)}.
                  </li>
                ))}
              </ol>
              <p className="muted">
                {p.termSheet.basis}; {p.termSheet.runs} runs, seed {p.termSheet.seed}.
              </p>
            </section>
          ) : null}
          <h3>Caveats</h3>
          <ul>
            {p.caveats.map((c) => (
              <li key={c}>{c}</li>
            ))}
          </ul>
          <details>
            <summary>The {p.agreements.length} comparable agreements</summary>
            <ul>
              {p.agreements.map((a) => (
                <li key={a.paxId}>
                  <a href={a.link} target="_blank" rel="noopener noreferrer">
                    {a.name}
                  </a>{' '}
                  <span className="muted">
                    ({a.date ?? 'undated'}, PA-X {a.paxId}
                    {a.fromAnalogue ? `, analogue ${a.fromAnalogue}` : ''})
                  </span>
                </li>
              ))}
            </ul>
          </details>
        </>
      )}
      {p.own.length > 0 ? (
        <>
          <h3>The case’s own agreements in PA-X (not counted above)</h3>
          <ul>
            {p.own.map((a) => (
              <li key={a.paxId}>
                <a href={a.link} target="_blank" rel="noopener noreferrer">
                  {a.name}
                </a>{' '}
                <span className="muted">
                  ({a.families.join(', ') || 'no coded provision family'})
                </span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}
