/**
 * The what-if's simulations: the baseline (the scenario as written) once per scenario, and the
 * what-if of each change of the levers, with a quick first answer while the levers move faster
 * than full answers come; a newer change supersedes the older computation.
 */
import { useEffect, useRef, useState } from 'react';
import type { RunResult } from '../../../src/engine/index.ts';
import { formatIssues, type Scenario } from '../../../src/model/index.ts';
import { runInWorker } from '../engine/client.ts';
import { applyLevers, type Levers } from './levers.ts';

/** Runs of the full answer, and of the quick first answer shown while the rest is computed. */
export const WHATIF_RUNS = 2000;
export const PREVIEW_RUNS = 128;

/** An answer on show, with the times the latency report needs. */
export interface Shown {
  result: RunResult;
  final: boolean;
  seq: number;
  t0: number;
  /** time the worker took, from the request to this answer */
  workerMs: number;
  /** when the answer reached the page */
  tArrived: number;
}

export function useWhatIfRuns(
  s: Scenario,
  /** the shell's last result: the baseline when it is this scenario's at WHATIF_RUNS */
  sharedResult: RunResult | undefined,
): {
  baseline: RunResult | undefined;
  shown: Shown | undefined;
  error: string | undefined;
  busy: boolean;
  /** simulates the what-if of levers `l`, changed at time `t0` */
  recompute: (l: Levers, t0: number) => void;
} {
  const [baseline, setBaseline] = useState<RunResult>();
  const [shown, setShown] = useState<Shown>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const seq = useRef(0);
  /** The change whose what-if answer is being computed (until its full answer arrives), or 0. */
  const computing = useRef(0);

  // the baseline (the scenario as written), once per scenario
  useEffect(() => {
    let live = true;
    if (
      sharedResult &&
      sharedResult.meta.runs === WHATIF_RUNS &&
      sharedResult.meta.scenarioId === s.id
    ) {
      setBaseline(sharedResult);
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

  return { baseline, shown, error, busy, recompute };
}
