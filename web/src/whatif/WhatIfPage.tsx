/**
 * What-if panel: the levers of the source article as scenario edits (levers.ts), recomputed in
 * the engine workers as they move (useWhatIfRuns.ts: a quick answer from the first slice of runs
 * while a lever moves faster than full answers come, refined to the full count; a newer move
 * cancels the older computation). The levers live in the address (useLeverAddress.ts); the
 * outcomes chart's drawing times are reported for the browser test (useLatencyReport.ts).
 */
import { useEffect, useMemo, useState, type JSX } from 'react';
import type { RunResult } from '../../../src/engine/index.ts';
import { formatIssues, skillLine } from '../../../src/model/index.ts';
import { cumulativeIncidenceChart, timeToTalksChart } from '../../../src/report/charts/index.ts';
import type { Shared, Workspace } from '../workspace.ts';
import { Chart } from '../Chart.tsx';
import { countEdits, EditList } from '../EditList.tsx';
import { runInWorker } from '../engine/client.ts';
import { WhyPanel } from '../results/WhyPanel.tsx';
import { LeverForm } from './LeverForm.tsx';
import { applyLevers, describeLevers, leverEdits, leversOf, type Levers } from './levers.ts';
import { NumbersTable } from './NumbersTable.tsx';
import { draftWithVariant } from './saveVariant.ts';
import { TIMED_CHART, useLatencyReport } from './useLatencyReport.ts';
import { useLeverAddress } from './useLeverAddress.ts';
import { PREVIEW_RUNS, useWhatIfRuns, WHATIF_RUNS } from './useWhatIfRuns.ts';
import { asWritten, sameTitleForAnyRuns } from './whatifCharts.ts';

export function WhatIfPage({
  shared,
  ws,
  query,
}: {
  shared: Shared;
  ws: Workspace;
  /** levers from the address (leverUrl.ts), read when the panel has none yet */
  query?: string;
}): JSX.Element {
  const s = ws.working;
  const start = useMemo(() => leversOf(s), [s]);
  const levers = useLeverAddress(shared, s, ws.open.id, start, query);
  const edits = useMemo(() => leverEdits(s, levers), [s, levers]);
  const [why, setWhy] = useState<{ levers: Levers; result?: RunResult; error?: string }>();
  const [variantName, setVariantName] = useState('');
  const [saved, setSaved] = useState<{ ok: boolean; text: string }>();
  const { baseline, shown, error, busy, recompute } = useWhatIfRuns(s, shared.result);
  const { panel, drawnFrom } = useLatencyReport();

  const explain = () => {
    const edited = applyLevers(s, levers);
    if (!edited.ok) return;
    const asked = levers;
    setWhy({ levers: asked });
    // the baseline lane: the sliders' lane stays free for what-if answers
    runInWorker(edited.value, {
      runs: WHATIF_RUNS,
      lane: 'baseline',
      explainMonth: s.settings.explainMonth,
    }).then(
      (u) => {
        if (u) setWhy((w) => (w?.levers === asked ? { levers: asked, result: u.result } : w));
      },
      (e: unknown) =>
        setWhy((w) => (w?.levers === asked ? { levers: asked, error: String(e) } : w)),
    );
  };

  const saveAsVariant = () => {
    const edited = applyLevers(s, levers);
    if (!edited.ok) return setSaved({ ok: false, text: formatIssues('what-if', edited.issues) });
    const name = variantName.trim() || `What-if: ${describeLevers(s, levers)}`;
    const r = draftWithVariant(ws.draft, s, edited.value, name);
    if (!r.ok) return setSaved({ ok: false, text: formatIssues('what-if', r.issues) });
    shared.setDraft(r.value.text, r.value.scenario);
    setSaved({
      ok: true,
      text: `Saved as variant "${r.value.id}" in the draft (not yet on the server: save it in the Editor); it is listed in Compare.`,
    });
  };

  const change = (patch: Partial<Levers>) => {
    const t0 = performance.now();
    const next = { ...levers, ...patch };
    shared.setLevers(next);
    recompute(next, t0);
  };

  // first answer on arrival (and after the scenario changed)
  useEffect(() => {
    recompute(levers, performance.now());
  }, [s]);

  const r = shown?.result;
  // the second chart follows full answers only, so quick answers redraw one chart
  const [lastFull, setLastFull] = useState<RunResult>();
  useEffect(() => {
    if (shown?.final) setLastFull(shown.result);
  }, [shown]);
  const outcomesSpec = useMemo(() => {
    if (!r || !shown) return undefined;
    const spec = sameTitleForAnyRuns(cumulativeIncidenceChart(r));
    drawnFrom.current.set(spec, shown);
    return spec;
  }, [r]);
  const talksSpec = useMemo(() => (lastFull ? timeToTalksChart(lastFull) : undefined), [lastFull]);
  const baselineSpec = useMemo(
    () =>
      baseline ? asWritten(sameTitleForAnyRuns(cumulativeIncidenceChart(baseline))) : undefined,
    [baseline],
  );
  const specs = outcomesSpec && { outcomes: outcomesSpec, talks: talksSpec };

  return (
    <section aria-labelledby="whatif-title" className="whatif">
      <div className="page-head">
        <h1 id="whatif-title">What if…</h1>
        <button type="button" onClick={() => change(start)}>
          Reset to the scenario
        </button>
      </div>
      <p className="help">
        Every change edits a copy of <strong>{s.name}</strong> and simulates it in this browser:{' '}
        {WHATIF_RUNS.toLocaleString('en')} runs on common random numbers with the baseline, with a
        first answer from {PREVIEW_RUNS} runs while a lever moves faster than that. Now:{' '}
        {describeLevers(s, levers)}.
      </p>
      <div className="whatif-grid">
        <LeverForm s={s} levers={levers} change={change} />
        <div className="whatif-out" ref={panel} data-testid="whatif-output">
          {error ? (
            <pre className="issues" role="alert">
              {error}
            </pre>
          ) : null}
          <p className="status" role="status" aria-live="polite">
            {r
              ? `${r.meta.runs.toLocaleString('en')} runs${shown?.final ? '' : ' (first answer; refining…)'}${busy && shown?.final ? ' — updating…' : ''}`
              : 'Computing…'}
          </p>
          <details className="edits" open data-testid="whatif-edits">
            <summary>
              {edits.ok ? countEdits(edits.value.length) : 'the levers give an invalid scenario'}
            </summary>
            {edits.ok && edits.value.length > 0 ? <EditList edits={edits.value} /> : null}
          </details>
          <div className="whatif-actions">
            <label htmlFor="variant-name">Variant name</label>
            <input
              id="variant-name"
              type="text"
              maxLength={120}
              placeholder={`What-if: ${describeLevers(s, levers)}`}
              value={variantName}
              onChange={(e) => setVariantName(e.target.value)}
            />
            <button
              type="button"
              onClick={saveAsVariant}
              disabled={!edits.ok || edits.value.length === 0}
            >
              Save as variant
            </button>
            <button type="button" onClick={explain} disabled={!edits.ok || !baseline}>
              Why? Explain month {s.settings.explainMonth} of this what-if
            </button>
          </div>
          {saved ? (
            <p role="status" className={saved.ok ? 'ok' : 'error'} data-testid="variant-saved">
              {saved.text}
            </p>
          ) : null}
          {r?.meta.skill && r.meta.skill.figures.length > 0 ? (
            <p className="skill" data-testid="skill">
              {skillLine(r.meta.skill)}
            </p>
          ) : null}
          {r ? <NumbersTable r={r} baseline={baseline} /> : null}
          {specs ? (
            <>
              <div className="chart-pair">
                <Chart
                  id={TIMED_CHART}
                  // canvas redraws about twice as fast as SVG while the slider moves (measured)
                  renderer="canvas"
                  spec={specs.outcomes}
                  label="What-if: how the war ends, month by month"
                />
                {baselineSpec ? (
                  <Chart
                    id="whatif-baseline"
                    spec={baselineSpec}
                    label="As written: how the war ends, month by month"
                  />
                ) : null}
              </div>
              {specs.talks ? (
                <Chart
                  id="whatif-talks"
                  spec={specs.talks}
                  label="What-if: time to talks by channel (full answers)"
                />
              ) : null}
            </>
          ) : null}
          {why ? (
            why.levers !== levers ? (
              <p className="note">The explanation was for earlier levers; press Why? again.</p>
            ) : why.result ? (
              <div data-testid="whatif-why">
                <WhyPanel result={why.result} />
              </div>
            ) : (
              <p role="status">{why.error ? `✖ ${why.error}` : 'Explaining the what-if…'}</p>
            )
          ) : null}
        </div>
      </div>
    </section>
  );
}
