/**
 * The insights digest (GET /insights): each finding with its estimate, 95% interval, n, the
 * cases behind it (links to their pages) and its caveats, grouped by topic. Shares are drawn on
 * a 0–100% scale with their interval; medians are in months, written for people.
 */
import { useEffect, useState, type JSX } from 'react';
import { getJson, type CaseList, type Insight, type Insights } from './api.ts';
import { formatMonths, pct } from './labels.ts';

const TOPIC_LABELS: Record<string, string> = {
  'back-channels': 'Back channels',
  'time-to-talks': 'Time to talks',
  momentum: 'Stalemate and momentum',
  mediation: 'Mediation',
  'leverage-guarantees': 'Leverage and guarantees',
  'failed-talks': 'Failed talks and durability',
  ceasefires: 'Ceasefires',
  termination: 'How wars end',
  crises: 'Crises',
  durations: 'Durations',
};

type Interval = Insight['interval'];

function value(measure: Insight['measure'], x: number): string {
  return measure === 'share' ? pct(x) : formatMonths(x);
}

function intervalText(measure: Insight['measure'], i: Interval): string {
  if (!i) return 'no interval (no case in scope)';
  return `95% ${i.method === 'wilson' ? 'Wilson' : 'bootstrap'} interval ${value(measure, i.low)}–${value(measure, i.high)}`;
}

/** A share and its interval on a 0–100% bar. */
function ShareBar(props: { estimate: number; interval: Interval }): JSX.Element {
  const { estimate, interval } = props;
  return (
    <svg className="history-sharebar" width="120" height="12" aria-hidden="true">
      <rect className="track" x="0" y="4" width="120" height="4" rx="2" />
      {interval ? (
        <rect
          className="ci"
          x={interval.low * 120}
          y="2"
          width={Math.max(1, (interval.high - interval.low) * 120)}
          height="8"
          rx="2"
        />
      ) : null}
      <circle className="est" cx={estimate * 120} cy="6" r="4" />
    </svg>
  );
}

function CaseLinks(props: {
  ids: string[];
  names: Map<string, string>;
  label: string;
}): JSX.Element | null {
  if (props.ids.length === 0) return null;
  return (
    <details className="history-caselinks">
      <summary>
        {props.label} ({props.ids.length})
      </summary>
      <ul>
        {props.ids.map((id) => (
          <li key={id}>
            <a href={`#/history/case/${encodeURIComponent(id)}`}>{props.names.get(id) ?? id}</a>
          </li>
        ))}
      </ul>
    </details>
  );
}

function InsightCard(props: {
  insight: Insight;
  names: Map<string, string>;
  shared: Set<string>;
}): JSX.Element {
  const i = props.insight;
  const caveats = i.caveats.filter((c) => !props.shared.has(c));
  return (
    <article className="history-insight" aria-labelledby={`insight-${i.id}`} data-insight={i.id}>
      <h4 id={`insight-${i.id}`}>{i.title}</h4>
      <p>{i.finding}</p>
      <p className="history-estimate">
        <strong>{value(i.measure, i.estimate)}</strong>
        {i.measure === 'share' ? <ShareBar estimate={i.estimate} interval={i.interval} /> : null}
        <span>{intervalText(i.measure, i.interval)}</span>
        <span>
          n = {i.numerator} of {i.denominator}
          {i.measure === 'median' ? ' with a value' : ''}
        </span>
      </p>
      {i.breakdown.length > 0 ? (
        <table className="history-breakdown">
          <caption className="visually-hidden">{i.title}: by group</caption>
          <thead>
            <tr>
              <th scope="col">Group</th>
              <th scope="col">{i.measure === 'share' ? 'Share' : 'Median'}</th>
              <th scope="col">95% interval</th>
              <th scope="col">n</th>
            </tr>
          </thead>
          <tbody>
            {i.breakdown.map((b) => (
              <tr key={b.label}>
                <th scope="row">{b.label}</th>
                <td>{value(i.measure, b.estimate)}</td>
                <td>
                  {b.interval
                    ? `${value(i.measure, b.interval.low)}–${value(i.measure, b.interval.high)}`
                    : '—'}
                </td>
                <td>
                  {b.numerator} of {b.denominator}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <CaseLinks ids={i.caseIds} names={props.names} label="Cases behind the number" />
      {caveats.length > 0 ? (
        <ul className="history-caveats" aria-label="Caveats">
          {caveats.map((c) => (
            <li key={c}>{c}</li>
          ))}
        </ul>
      ) : null}
      <p className="muted history-source">Source: {i.source}</p>
    </article>
  );
}

export function InsightsPage(): JSX.Element {
  const [answer, setAnswer] = useState<
    { ok: true; value: Insights } | { ok: false; message: string }
  >();
  const [names, setNames] = useState(new Map<string, string>());
  useEffect(() => {
    const ctl = new AbortController();
    void getJson<Insights>('/insights', ctl.signal).then((r) => {
      if (!ctl.signal.aborted) setAnswer(r.ok ? r : { ok: false, message: r.message });
    });
    void getJson<CaseList>('/cases', ctl.signal).then((r) => {
      if (!ctl.signal.aborted && r.ok) setNames(new Map(r.value.cases.map((c) => [c.id, c.name])));
    });
    return () => ctl.abort();
  }, []);

  if (!answer) return <p aria-live="polite">Computing insights…</p>;
  if (!answer.ok)
    return (
      <p role="alert" className="error">
        Cannot load the insights: {answer.message}
      </p>
    );
  const all = answer.value.insights;
  const missing = answer.value.datasets?.missing ?? [];
  const topics = [...new Set(all.map((i) => i.topic))];
  // a caveat every finding carries is said once, above them all
  const shared = new Set(
    all.length > 1 ? all[0].caveats.filter((c) => all.every((i) => i.caveats.includes(c))) : [],
  );
  return (
    <div className="history-insights">
      <p className="muted">
        Each finding is computed from the case base each time: a count, its denominator, a 95%
        interval and the cases behind it. {[...shared].join(' ')}
      </p>
      {missing.length > 0 ? (
        <p className="note" role="status" data-testid="insights-missing">
          {answer.value.skipped.length} finding{answer.value.skipped.length === 1 ? '' : 's'} not
          shown: the server did not find {missing.length === 1 ? 'the dataset' : 'the datasets'}{' '}
          {missing.join(', ')} in its data folder (start it with{' '}
          <code>parley serve --data &lt;folder&gt;</code>; <code>parley data list</code> names the
          files).
        </p>
      ) : (
        <p className="muted" data-testid="insights-complete">
          {all.length} findings over the case base and the{' '}
          {answer.value.datasets?.loaded.length ?? 0} standard datasets
          {answer.value.skipped.length > 0
            ? `; ${answer.value.skipped.length} more had nothing in scope (${answer.value.skipped.map((k) => `${k.id}: ${k.reason}`).join('; ')})`
            : ''}
          .
        </p>
      )}
      {topics.map((t) => (
        <section key={t} aria-labelledby={`topic-${t}`}>
          <h3 id={`topic-${t}`}>{TOPIC_LABELS[t] ?? t}</h3>
          {answer.value.insights
            .filter((i) => i.topic === t)
            .map((i) => (
              <InsightCard key={i.id} insight={i} names={names} shared={shared} />
            ))}
        </section>
      ))}
    </div>
  );
}
