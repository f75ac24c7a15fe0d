/**
 * Results dashboard: the scenario simulated in the browser's engine worker (the same engine and
 * seed as `parley run`, so the same numbers), with the report's charts: outcomes over time with
 * 95% bands, time to talks by channel, ripeness and cost-of-conversation fans, terms, durability,
 * and the why-panel at a chosen month.
 */
import { useEffect, useMemo, useState, type JSX } from 'react';
import { RUN_CHARTS } from '../../../src/report/charts/runCharts.ts';
import { formatRunSummary } from '../../../src/report/summary.ts';
import { skillLine } from '../../../src/model/index.ts';
import type { Shared, Workspace } from '../workspace.ts';
import { Chart } from '../Chart.tsx';
import { provisionsHref } from '../history/Provisions.tsx';
import { runInWorker } from '../engine/client.ts';
import { headline, outcomeRows, pct, at, TABLE_MONTHS } from './numbers.ts';
import { Term } from '../Term.tsx';
import { ExportReport } from './ExportReport.tsx';
import { WhyPanel } from './WhyPanel.tsx';

export function ResultsPage({ shared, ws }: { shared: Shared; ws: Workspace }): JSX.Element {
  const s = ws.working;
  const [runs, setRuns] = useState(s.settings.runs <= 10_000 ? s.settings.runs : 2000);
  const [explainMonth, setExplainMonth] = useState(s.settings.explainMonth);
  const [state, setState] = useState<{ busy: boolean; ms?: number; error?: string }>({
    busy: false,
  });
  const r = shared.result;
  const { setResult } = shared;

  const run = async (month = explainMonth) => {
    setState({ busy: true });
    try {
      const u = await runInWorker(s, { runs, explainMonth: month });
      if (u) {
        setResult(u.result);
        setState({ busy: false, ms: u.ms });
      }
    } catch (e) {
      setState({ busy: false, error: (e as Error).message });
    }
  };

  // the why-panel's month needs a new run; wait until the slider rests
  useEffect(() => {
    if (!r || r.explanation.month === explainMonth) return;
    const t = setTimeout(() => void run(explainMonth), 250);
    return () => clearTimeout(t);
  }, [explainMonth]);

  const charts = useMemo(
    () =>
      r
        ? RUN_CHARTS.map((c) => ({ id: c.id, label: c.title, spec: c.spec(r), terms: c.terms }))
        : [],
    [r],
  );

  return (
    <section aria-labelledby="results-title" className="results">
      <div className="page-head">
        <h1 id="results-title">Results: {s.name}</h1>
        <label className="inline">
          Runs{' '}
          <select value={runs} onChange={(e) => setRuns(Number(e.target.value))}>
            {[...new Set([500, 1000, 2000, 5000, 10000, runs])]
              .sort((x, y) => x - y)
              .map((n) => (
                <option key={n} value={n}>
                  {n.toLocaleString('en')}
                </option>
              ))}
          </select>
        </label>
        <button type="button" className="primary" onClick={() => void run()} disabled={state.busy}>
          {state.busy ? 'Running…' : r ? 'Run again' : 'Run'}
        </button>
      </div>
      <p className="status" role="status" aria-live="polite" data-busy={state.busy}>
        {state.error
          ? `✖ ${state.error}`
          : state.busy
            ? `Simulating ${runs.toLocaleString('en')} runs in the browser…`
            : r && state.ms !== undefined
              ? `${r.meta.runs.toLocaleString('en')} runs, seed ${r.meta.seed}, ${r.meta.horizonMonths} months in ${(state.ms / 1000).toFixed(2)} s (engine ${r.meta.engineVersion}, scenario ${r.meta.scenarioHash.slice(0, 12)})`
              : r
                ? `${r.meta.runs.toLocaleString('en')} runs, seed ${r.meta.seed}`
                : 'Not run yet: press Run to simulate in this browser (nothing is saved).'}
      </p>
      <p className="provisions-link">
        <a href={provisionsHref('scenario', ws.open.id)}>
          Provisions of comparable agreements and a draft term sheet →
        </a>
        {ws.edited ? (
          <span className="muted"> (for the saved scenario, not these edits)</span>
        ) : null}
      </p>
      {r ? (
        <>
          <ExportReport scenario={s} runs={r.meta.runs} explainMonth={r.explanation.month} />
          {r.meta.skill && r.meta.skill.figures.length > 0 ? (
            <p className="skill" data-testid="skill">
              {skillLine(r.meta.skill)}
            </p>
          ) : null}
          <dl className="headline" aria-label="Headline numbers">
            {headline(r).map((h) => (
              <div key={h.key} data-key={h.key}>
                <dt>{h.term ? <Term id={h.term}>{h.label}</Term> : h.label}</dt>
                <dd>{h.value}</dd>
              </div>
            ))}
          </dl>
          <table className="outcomes">
            <caption>Outcome by month (cumulative share of runs)</caption>
            <thead>
              <tr>
                <th scope="col">outcome</th>
                {TABLE_MONTHS.filter((m) => m <= r.meta.horizonMonths).map((m) => (
                  <th key={m} scope="col">
                    {m}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {outcomeRows(r).map((row) => (
                <tr key={row.label}>
                  <th scope="row">
                    {row.term ? <Term id={row.term}>{row.label}</Term> : row.label}
                  </th>
                  {TABLE_MONTHS.filter((m) => m <= r.meta.horizonMonths).map((m) => (
                    <td key={m}>{pct(at(row.values, m))}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
          <div className="why-controls">
            <label htmlFor="explain-month">Explain month</label>
            <input
              id="explain-month"
              type="range"
              min={0}
              max={r.meta.horizonMonths - 1}
              value={explainMonth}
              onChange={(e) => setExplainMonth(Number(e.target.value))}
              aria-valuetext={`month ${explainMonth}`}
            />
            <output htmlFor="explain-month">month {explainMonth}</output>
          </div>
          <WhyPanel result={r} />
          <div className="charts">
            {charts.map((c) => (
              <figure key={c.id} className="chart-box">
                <Chart id={c.id} spec={c.spec} label={c.label} />
                <figcaption className="chart-terms">
                  Terms:{' '}
                  {c.terms.map((t, k) => (
                    <span key={t}>
                      {k > 0 ? ', ' : null}
                      <Term id={t} />
                    </span>
                  ))}
                </figcaption>
              </figure>
            ))}
          </div>
          <details className="summary-text">
            <summary>The same summary as `parley run` prints</summary>
            <pre>{formatRunSummary(r, state.ms !== undefined ? state.ms / 1000 : undefined)}</pre>
          </details>
        </>
      ) : null}
    </section>
  );
}
