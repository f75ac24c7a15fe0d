/**
 * Historical analogues of a saved scenario (GET /analogues?scenarioId=): the scenario's features,
 * then each analogue with its distance (weighted Gower, 0 = identical), the features that matched
 * and differed, and a link to its case page.
 */
import { useEffect, useState, type JSX } from 'react';
import { getJson, type Analogue, type Analogues } from './api.ts';
import { outcomeColour, outcomeLabel, pct } from './labels.ts';
import { ScenarioPicker, useScenarioChoice } from './ScenarioPicker.tsx';

const FEATURE_LABELS: Record<string, string> = {
  warType: 'war type',
  durationMonths: 'months of war before talks',
  momentum: 'momentum (0 = stalemate, 1 = one side advancing)',
  supportMax: 'strongest outside support (0–3)',
  supportMin: 'weaker side’s outside support (0–3)',
  regimePair: 'regime types',
  territorial: 'territorial stakes',
  mediation: 'mediation present',
  deathsPerMonth: 'battle deaths per month',
};

const show = (v: string | number | boolean | null): string =>
  v === null
    ? 'unknown'
    : typeof v === 'boolean'
      ? v
        ? 'yes'
        : 'no'
      : typeof v === 'number'
        ? Number.isInteger(v)
          ? v.toLocaleString('en')
          : v.toLocaleString('en', { maximumFractionDigits: 1 })
        : v.replace(/\+/g, ' + ');

export function AnalogueList(props: { analogues: Analogue[] }): JSX.Element {
  return (
    <ol className="history-analogues">
      {props.analogues.map((a) => (
        <li key={a.caseId}>
          <div className="history-analogue-head">
            <a href={`#/history/case/${encodeURIComponent(a.caseId)}`}>{a.name}</a>
            <span
              className="history-distance"
              title="weighted Gower distance; 0 = identical on every feature"
            >
              distance {a.distance.toFixed(2)} · similarity {pct(a.similarity)}
            </span>
            <span className="outcome-badge" style={{ borderColor: outcomeColour(a.outcome) }}>
              <span
                className="swatch"
                style={{ background: outcomeColour(a.outcome) }}
                aria-hidden="true"
              />
              {outcomeLabel(a.outcome)}
            </span>
          </div>
          <p className="history-features">
            {a.matched.length ? (
              <span>
                <strong>Matched:</strong> {a.matched.join(', ')}.{' '}
              </span>
            ) : null}
            {a.differed.length ? (
              <span>
                <strong>Differed:</strong> {a.differed.join(', ')}.{' '}
              </span>
            ) : null}
            {a.unknown.length ? (
              <span className="muted">Unknown: {a.unknown.join(', ')}.</span>
            ) : null}
          </p>
          <p className="muted history-negotiation">{a.negotiation}</p>
          <details className="history-comparisons">
            <summary>Feature by feature</summary>
            <table>
              <thead>
                <tr>
                  <th scope="col">Feature</th>
                  <th scope="col">Scenario</th>
                  <th scope="col">{a.name}</th>
                  <th scope="col">Distance (0–1)</th>
                </tr>
              </thead>
              <tbody>
                {a.comparisons.map((f) => (
                  <tr key={f.name}>
                    <th scope="row">{f.label}</th>
                    <td>{show(f.query)}</td>
                    <td>{show(f.analogue)}</td>
                    <td>{f.distance === null ? 'not compared' : f.distance.toFixed(2)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        </li>
      ))}
    </ol>
  );
}

export function AnaloguesPage(props: { scenarioId?: string }): JSX.Element {
  const { chosen, setChosen, scenarios } = useScenarioChoice(props.scenarioId);
  const [answer, setAnswer] = useState<
    { ok: true; value: Analogues } | { ok: false; message: string }
  >();
  useEffect(() => {
    if (!chosen) return;
    const ctl = new AbortController();
    setAnswer(undefined);
    void getJson<Analogues>(
      `/analogues?scenarioId=${encodeURIComponent(chosen)}&top=8`,
      ctl.signal,
    ).then((r) => {
      if (!ctl.signal.aborted) setAnswer(r.ok ? r : { ok: false, message: r.message });
    });
    return () => ctl.abort();
  }, [chosen]);

  return (
    <div className="history-analogues-page">
      <ScenarioPicker
        label="Analogues of the scenario"
        chosen={chosen}
        scenarios={scenarios}
        onChange={setChosen}
      />
      {!chosen ? (
        <p>No saved scenario yet: save one in the editor to see its analogues.</p>
      ) : !answer ? (
        <p aria-live="polite">Finding analogues…</p>
      ) : !answer.ok ? (
        <p role="alert" className="error">
          Cannot find analogues of “{chosen}”: {answer.message}
          {/* a scenario open only in this tab is not on the server */}
          {chosen === props.scenarioId ? ' (save the scenario first if it is new)' : ''}
        </p>
      ) : (
        <>
          <section aria-labelledby="analogue-features">
            <h3 id="analogue-features">Features of the scenario</h3>
            <dl className="history-numbers compact">
              {Object.entries(answer.value.features).map(([k, v]) => (
                <div key={k}>
                  <dt>{FEATURE_LABELS[k] ?? k}</dt>
                  <dd>{show(v)}</dd>
                </div>
              ))}
            </dl>
          </section>
          <section aria-labelledby="analogue-list">
            <h3 id="analogue-list">Closest historical cases</h3>
            <AnalogueList analogues={answer.value.analogues} />
          </section>
        </>
      )}
    </div>
  );
}
