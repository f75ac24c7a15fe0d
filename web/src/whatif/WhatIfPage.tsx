/**
 * What-if panel: the levers of the source article as scenario edits (levers.ts), recomputed in
 * the engine workers as they move. While a lever moves faster than full answers come, a quick
 * answer from the first slice of runs is shown and refined to the full count; a newer move
 * cancels the older computation.
 *
 * Latency instrumentation (read by the browser test): for every change, the time from the input
 * event to the chart showing its answer, as `data-latency-ms` / `data-final-latency-ms` on the
 * panel and a `parley:whatif` event with { seq, final, ms, workerMs, renderMs, result }.
 */
import { useEffect, useMemo, useRef, useState, type JSX } from 'react';
import { belligerents, type RunResult } from '../../../src/engine/index.ts';
import { formatIssues, skillLine, type Mediator } from '../../../src/model/index.ts';
import {
  cumulativeIncidenceChart,
  timeToTalksChart,
  type Spec,
} from '../../../src/report/charts/index.ts';
import type { Shared, Workspace } from '../workspace.ts';
import { Chart } from '../Chart.tsx';
import { countEdits, EditList } from '../EditList.tsx';
import { Term } from '../Term.tsx';
import { runInWorker } from '../engine/client.ts';
import { href } from '../router.ts';
import { at, pct } from '../results/numbers.ts';
import { WhyPanel } from '../results/WhyPanel.tsx';
import {
  applyLevers,
  describeLevers,
  leverEdits,
  leversOf,
  type Levers,
  type MediatorMode,
} from './levers.ts';
import { leversFromQuery, leversToQuery } from './leverUrl.ts';
import { draftWithVariant } from './saveVariant.ts';

/** Runs of the full answer, and of the quick first answer shown while the rest is computed. */
export const WHATIF_RUNS = 2000;
export const PREVIEW_RUNS = 128;

interface Shown {
  result: RunResult;
  final: boolean;
  seq: number;
  t0: number;
  /** time the worker took, from the request to this answer */
  workerMs: number;
  /** when the answer reached the page */
  tArrived: number;
}

/**
 * The report's chart with the run count left out of its subtitle (the status line gives it), so
 * quick and full answers share one chart shape and redraw by swapping data, not by a new chart.
 */
function sameTitleForAnyRuns(spec: Spec): Spec {
  const t = spec.title as { text: string; subtitle?: string } | string | undefined;
  if (typeof t !== 'object' || !t.subtitle) return spec;
  return { ...spec, title: { ...t, subtitle: t.subtitle.replace(/of \d+ runs/, 'of the runs') } };
}

/** Change from the scenario as written: points for shares, months, or share of the stake. */
function delta(kind: 'share' | 'months' | 'terms', x: number | null, base: number | null): string {
  if (x === null || base === null) return '';
  // rounded as shown, so a change too small to show reads ±0
  const d =
    kind === 'share'
      ? Math.round((x - base) * 100)
      : kind === 'months'
        ? x - base
        : Math.round((x - base) * 100) / 100;
  if (d === 0) return '±0';
  const sign = d > 0 ? '+' : '−';
  if (kind === 'share') return `${sign}${Math.abs(d)} pts`;
  if (kind === 'months') return `${sign}${Math.abs(d)}`;
  return `${sign}${Math.abs(d).toFixed(2)}`;
}

function metrics(r: RunResult) {
  const q = r.duration.quantiles;
  return [
    {
      key: 'talks12',
      term: 'talks-opened',
      label: 'talks opened by month 12',
      value: at(r.talks.any, 12),
      fmt: pct,
      kind: 'share' as const,
    },
    {
      key: 'mediated24',
      term: 'talks-opened',
      label: 'talks via a mediator by month 24',
      value: at(r.talks.mediated, 24),
      fmt: pct,
      kind: 'share' as const,
    },
    {
      key: 'settlement24',
      term: 'settlement',
      label: 'settled by month 24',
      value: at(r.outcomes.settlement, 24),
      fmt: pct,
      kind: 'share' as const,
    },
    {
      key: 'ongoing60',
      label: 'still fighting at month 60',
      value: at(r.outcomes.ongoing, 60),
      fmt: pct,
      kind: 'share' as const,
    },
    {
      key: 'duration',
      label: 'median months of war',
      value: q.p50,
      fmt: (x: number | null) => (x === null ? '—' : String(x)),
      kind: 'months' as const,
    },
    {
      key: 'terms',
      term: 'terms',
      label: `terms: median share of the stake to ${r.meta.parties[0].name}`,
      value: r.terms.quantiles.p50,
      fmt: (x: number | null) => (x === null ? '—' : x.toFixed(2)),
      kind: 'terms' as const,
    },
  ];
}

/** The baseline's outcome chart, titled as the scenario as written (beside the what-if's). */
function asWritten(spec: Spec): Spec {
  const t = spec.title as { text: string; subtitle?: string } | string | undefined;
  const text = 'As written: how the war ends';
  return { ...spec, title: typeof t === 'object' ? { ...t, text } : text };
}

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
  const [a, b] = belligerents(s);
  const mediators = s.parties.filter((p): p is Mediator => p.role === 'mediator');
  const start = useMemo(() => leversOf(s), [s]);
  const fromUrl = useMemo(
    () => (query ? leversFromQuery(query, start, s.settings.horizonMonths - 1) : undefined),
    [query, start],
  );
  const levers: Levers = shared.levers ?? fromUrl ?? start;
  const edits = useMemo(() => leverEdits(s, levers), [s, levers]);
  const [why, setWhy] = useState<{ levers: Levers; result?: RunResult; error?: string }>();
  const [variantName, setVariantName] = useState('');
  const [saved, setSaved] = useState<{ ok: boolean; text: string }>();

  // the levers in the address, so the what-if can be shared and survives a reload
  useEffect(() => {
    if (!shared.levers && fromUrl) shared.setLevers(fromUrl);
  }, [fromUrl]);
  useEffect(() => {
    const q = leversToQuery(levers, start);
    // the levers as a query string of their own: '=' and '&' stay readable in the address
    const want = q ? `${href('whatif', ws.open.id)}/${q}` : href('whatif', ws.open.id);
    if (window.location.hash !== want)
      history.replaceState(null, '', `${window.location.pathname}${window.location.search}${want}`);
  }, [levers, start, ws.open.id]);

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
  const [baseline, setBaseline] = useState<RunResult>();
  const [shown, setShown] = useState<Shown>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const seq = useRef(0);
  /** The change whose what-if answer is being computed (until its full answer arrives), or 0. */
  const computing = useRef(0);
  const panel = useRef<HTMLDivElement>(null);
  /** The answer each outcomes chart spec was built from (for the latency report). */
  const drawnFrom = useRef(new WeakMap<Spec, Shown>());

  // the baseline (the scenario as written), once per scenario
  useEffect(() => {
    let live = true;
    if (
      shared.result &&
      shared.result.meta.runs === WHATIF_RUNS &&
      shared.result.meta.scenarioId === s.id
    ) {
      setBaseline(shared.result);
      return;
    }
    void runInWorker(s, { runs: WHATIF_RUNS, lane: 'baseline', diagnostics: false }).then((u) => {
      if (live && u) setBaseline(u.result);
    });
    return () => {
      live = false;
    };
  }, [s]);

  const recompute = (l: Levers, t0: number) => {
    const n = ++seq.current;
    const edited = applyLevers(s, l);
    if (!edited.ok) {
      setError(formatIssues('what-if', edited.issues));
      return;
    }
    setError(undefined);
    setBusy(true);
    // A quick answer only while the slider moves faster than full answers come (the previous
    // full answer is still being computed): then the chart follows the slider. Otherwise the
    // full answer comes sooner without it: the quick answer's summary and drawing (about 25 ms
    // on the main thread) take CPU from the two workers on a 2-core machine, which delayed the
    // full answer by more than that (measured in Chromium, alternating moves with and without).
    const previewRuns = computing.current ? PREVIEW_RUNS : undefined;
    computing.current = n;
    // outcomes only: the panel shows no diagnostics, fans or explanation, and its numbers are the
    // same without them (about 15% less work in the engine)
    const opts = { runs: WHATIF_RUNS, previewRuns, diagnostics: false };
    void runInWorker(edited.value, opts, (u) => {
      if (u.final && computing.current === n) computing.current = 0;
      if (n !== seq.current) return;
      setShown({
        result: u.result,
        final: u.final,
        seq: n,
        t0,
        workerMs: u.ms,
        tArrived: performance.now(),
      });
    }).then(
      (u) => {
        if (u && n === seq.current) setBusy(false);
      },
      (e: unknown) => {
        if (computing.current === n) computing.current = 0;
        if (n !== seq.current) return;
        setBusy(false);
        setError(e instanceof Error ? e.message : String(e));
      },
    );
  };

  const change = (patch: Partial<Levers>) => {
    const t0 = performance.now();
    const next = { ...levers, ...patch };
    shared.setLevers(next);
    recompute(next, t0);
  };

  // chart rendered → latency of the answer it shows
  useEffect(() => {
    const el = panel.current;
    if (!el) return;
    const on = (e: Event) => {
      const d = (e as CustomEvent<{ id?: string; t: number; spec: Spec }>).detail;
      // the answer whose chart was drawn (a quick answer can finish drawing after the full one
      // has arrived)
      const cur = drawnFrom.current.get(d.spec);
      if (d.id !== 'whatif-outcomes' || !cur) return;
      const ms = d.t - cur.t0;
      el.dataset.seq = String(cur.seq);
      el.dataset[cur.final ? 'finalLatencyMs' : 'latencyMs'] = ms.toFixed(1);
      el.dataset.final = String(cur.final);
      el.dispatchEvent(
        new CustomEvent('parley:whatif', {
          bubbles: true,
          // ms = input → chart; workerMs = in the worker; renderMs = answer arrived → chart drawn;
          // result = the answer shown (the browser test compares it with the Node engine's)
          detail: {
            seq: cur.seq,
            final: cur.final,
            ms,
            workerMs: cur.workerMs,
            renderMs: d.t - cur.tArrived,
            result: cur.result,
          },
        }),
      );
    };
    el.addEventListener('parley:chart', on);
    return () => el.removeEventListener('parley:chart', on);
  }, []);

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
  const last = s.settings.horizonMonths - 1;
  const first = mediators[0];
  const mediationMonth = levers.mediationMonth;

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
        <form className="levers" aria-label="What-if levers" onSubmit={(e) => e.preventDefault()}>
          <fieldset>
            <legend>Mediation</legend>
            <div className="field">
              <label htmlFor="lever-mediator">Mediator</label>
              <select
                id="lever-mediator"
                value={levers.mediator}
                onChange={(e) => change({ mediator: e.target.value as MediatorMode })}
              >
                <option value="as-written">
                  as written ({mediators.length ? mediators.map((m) => m.name).join(', ') : 'none'})
                </option>
                <option value="none">none at all (no mediator, named or not)</option>
                <option value="neutral">{first ? first.name : 'a what-if mediator'} neutral</option>
                <option value="toward-A">
                  {first ? first.name : 'a what-if mediator'} leaning toward {a.name}
                </option>
                <option value="toward-B">
                  {first ? first.name : 'a what-if mediator'} leaning toward {b.name}
                </option>
              </select>
            </div>
            {mediators.length > 1 ? (
              <div className="field checkbox">
                <input
                  id="lever-only"
                  type="checkbox"
                  checked={levers.othersStayOut}
                  disabled={levers.mediator === 'none'}
                  onChange={(e) => change({ othersStayOut: e.target.checked })}
                />
                <label htmlFor="lever-only">
                  Only {mediators[0].name} mediates (
                  {mediators
                    .slice(1)
                    .map((m) => m.name)
                    .join(', ')}{' '}
                  stay out)
                </label>
              </div>
            ) : null}
            <div className="field">
              <label htmlFor="lever-month">
                Mediation offered from month{first ? ` (${first.name})` : ''}
              </label>
              <input
                id="lever-month"
                type="range"
                min={0}
                max={Math.min(last, 60)}
                step={1}
                value={mediationMonth ?? 0}
                disabled={
                  levers.mediator === 'none' || (!first && levers.mediator === 'as-written')
                }
                aria-valuetext={mediationMonth === null ? 'as written' : `month ${mediationMonth}`}
                onChange={(e) => change({ mediationMonth: Number(e.target.value) })}
              />
              <output htmlFor="lever-month">
                {mediationMonth === null ? 'as written' : `month ${mediationMonth}`}
              </output>
            </div>
            <div className="field checkbox">
              <input
                id="lever-confidential"
                type="checkbox"
                checked={levers.confidential}
                disabled={levers.mediator === 'none'}
                onChange={(e) => change({ confidential: e.target.checked })}
              />
              <label htmlFor="lever-confidential">
                Confidential (what each side says stays with the mediator)
              </label>
            </div>
          </fieldset>
          <fieldset>
            <legend>Channels and incentives</legend>
            <div className="field">
              <label htmlFor="lever-channel">Back channel</label>
              <select
                id="lever-channel"
                value={levers.backChannel}
                onChange={(e) => change({ backChannel: e.target.value as Levers['backChannel'] })}
              >
                <option value="as-written">as written ({s.backChannels.length})</option>
                <option value="on">open from month 0</option>
                <option value="off">none</option>
              </select>
            </div>
            <div className="field">
              <label htmlFor="lever-aid">Reconstruction aid to {b.name} for opening talks</label>
              <input
                id="lever-aid"
                type="range"
                min={0}
                max={0.3}
                step={0.01}
                value={levers.reconstructionAid}
                aria-valuetext={`${Math.round(levers.reconstructionAid * 100)}% of the stake`}
                onChange={(e) => change({ reconstructionAid: Number(e.target.value) })}
              />
              <output htmlFor="lever-aid">
                {Math.round(levers.reconstructionAid * 100)}% of the stake
              </output>
            </div>
            <div className="field">
              <label htmlFor="lever-waning">How fast outside aid to {b.name} wanes</label>
              <input
                id="lever-waning"
                type="range"
                min={0}
                max={5}
                step={0.25}
                value={levers.aidWaning}
                aria-valuetext={`${levers.aidWaning} times the scenario's rate`}
                onChange={(e) => change({ aidWaning: Number(e.target.value) })}
              />
              <output htmlFor="lever-waning">×{levers.aidWaning} the scenario&apos;s rate</output>
            </div>
          </fieldset>
          <fieldset>
            <legend>Demonstration of strength</legend>
            <div className="field">
              <label htmlFor="lever-strength-side">By</label>
              <select
                id="lever-strength-side"
                value={levers.strengthSide}
                onChange={(e) => change({ strengthSide: e.target.value as 'A' | 'B' })}
              >
                <option value="A">{a.name}</option>
                <option value="B">{b.name}</option>
              </select>
            </div>
            <div className="field">
              <label htmlFor="lever-strength-size">Size (0 = none)</label>
              <input
                id="lever-strength-size"
                type="range"
                min={0}
                max={1}
                step={0.05}
                value={levers.strengthSize}
                onChange={(e) => change({ strengthSize: Number(e.target.value) })}
              />
              <output htmlFor="lever-strength-size">{levers.strengthSize.toFixed(2)}</output>
            </div>
            <div className="field">
              <label htmlFor="lever-strength-month">In month</label>
              <input
                id="lever-strength-month"
                type="range"
                min={0}
                max={Math.min(last, 60)}
                value={levers.strengthMonth}
                onChange={(e) => change({ strengthMonth: Number(e.target.value) })}
              />
              <output htmlFor="lever-strength-month">month {levers.strengthMonth}</output>
            </div>
          </fieldset>
        </form>
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
          {r ? (
            <table className="whatif-numbers">
              <caption>
                What-if against the <Term id="baseline">scenario as written</Term> (
                {WHATIF_RUNS.toLocaleString('en')} <Term id="run">runs</Term> each, on{' '}
                <Term id="common-random-numbers" />)
              </caption>
              <thead>
                <tr>
                  <th scope="col">outcome</th>
                  <th scope="col">as written</th>
                  <th scope="col">what-if</th>
                  <th scope="col">change</th>
                </tr>
              </thead>
              <tbody>
                {metrics(r).map((m, k) => {
                  const base = baseline ? metrics(baseline)[k] : undefined;
                  return (
                    <tr key={m.key} data-key={m.key}>
                      <th scope="row">
                        {'term' in m && m.term ? <Term id={m.term}>{m.label}</Term> : m.label}
                      </th>
                      <td>{base ? base.fmt(base.value) : '…'}</td>
                      <td className="value">{m.fmt(m.value)}</td>
                      <td className="delta">{base ? delta(m.kind, m.value, base.value) : ''}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          ) : null}
          {specs ? (
            <>
              <div className="chart-pair">
                <Chart
                  id="whatif-outcomes"
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
