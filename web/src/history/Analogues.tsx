/**
 * Historical analogues of a saved scenario (GET /analogues?scenarioId=): the scenario's features,
 * then each analogue with its distance (weighted Gower, 0 = identical), the features that matched
 * and differed, and a link to its case page.
 */
import { useEffect, useId, useState, type JSX } from 'react';
import { getJson, type Analogue, type AnaloguesAnswer } from './api.ts';
import { outcomeColour, outcomeLabel, pct } from './labels.ts';

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
        : v;

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
        </li>
      ))}
    </ol>
  );
}

export function AnaloguesPage(props: { scenarioId?: string }): JSX.Element {
  const selectId = useId();
  const [scenarios, setScenarios] = useState<{ id: string; name: string }[]>([]);
  const [chosen, setChosen] = useState<string | undefined>(props.scenarioId);
  const [answer, setAnswer] = useState<
    { ok: true; value: AnaloguesAnswer } | { ok: false; message: string }
  >();

  useEffect(() => {
    void getJson<{ scenarios: { id: string; name: string }[] }>('/scenarios').then((r) => {
      if (!r.ok) return;
      setScenarios(r.value.scenarios);
      setChosen((c) => c ?? r.value.scenarios[0]?.id);
    });
  }, []);
  useEffect(() => {
    if (props.scenarioId) setChosen(props.scenarioId);
  }, [props.scenarioId]);
  useEffect(() => {
    if (!chosen) return;
    const ctl = new AbortController();
    setAnswer(undefined);
    void getJson<AnaloguesAnswer>(
      `/analogues?scenarioId=${encodeURIComponent(chosen)}&top=8`,
      ctl.signal,
    ).then((r) => {
      if (!ctl.signal.aborted) setAnswer(r.ok ? r : { ok: false, message: r.message });
    });
    return () => ctl.abort();
  }, [chosen]);

  const options =
    scenarios.some((s) => s.id === chosen) || !chosen
      ? scenarios
      : [{ id: chosen, name: chosen }, ...scenarios];
  return (
    <div className="history-analogues-page">
      <div className="history-filter">
        <label htmlFor={selectId}>Analogues of the scenario</label>
        <select
          id={selectId}
          value={chosen ?? ''}
          onChange={(e) => setChosen(e.target.value || undefined)}
        >
          {options.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
      </div>
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
