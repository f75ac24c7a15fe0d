/**
 * The core engine in a Web Worker: what-if runs and comparisons without blocking the page.
 * Runs are simulated slice by slice into one BlockRunner (one engine State reused, one Aggregate),
 * so a newer request supersedes an older one between slices (only the latest answer matters while
 * a slider moves), and an early result of the first slice can be shown before the rest is done.
 * The workers of a split either take fixed shares or, when the page is cross-origin isolated,
 * claim slices from a counter they share (src/jobs/simulateWorker.ts does the same in Node), so a
 * worker whose JIT runs slower never leaves the other waiting. Every aggregate field is an integer
 * sum, so the final result is byte-identical to `parley run` with the same seed and runs.
 */
/// <reference lib="webworker" />
import {
  compareVariants,
  prepareVariants,
  simulateRecords,
  type CompareInput,
} from '../../../src/analysis/index.ts';
import {
  belligerents,
  claimSlice,
  compile,
  BlockRunner,
  resultMeta,
  sliceSize,
  summarise,
  type ResultMeta,
} from '../../../src/engine/index.ts';
import { mulberry32 } from '../../../src/history/stats.ts';
import type { Scenario } from '../../../src/model/index.ts';
import {
  CLAIM_CANCELLED,
  CLAIM_NEXT,
  type CompareRequest,
  type EngineRequest,
  type EngineResponse,
  type RunRequest,
} from './protocol.ts';

declare const self: DedicatedWorkerGlobalScope;

/**
 * Guided slices (src/engine/claims.ts): at most 256 runs (a newer request waits at most one
 * slice, a few tens of milliseconds) and at least 64 (each slice
 * costs a pass over every month; 64-run slices take about 15% longer per run than 256-run ones).
 */
const SLICES = { min: 64, max: 256 };

/** Latest request id per kind; an older request stops at its next slice boundary. */
const latest = { run: 0, compare: 0 };

const post = (m: EngineResponse) => self.postMessage(m);

// a macrotask boundary that lets queued messages in (setTimeout(0) is clamped to 4 ms when nested)
const channel = new MessageChannel();
const waiting: (() => void)[] = [];
channel.port1.onmessage = () => waiting.shift()?.();
const yieldToMessages = () =>
  new Promise<void>((resolve) => {
    waiting.push(resolve);
    channel.port2.postMessage(null);
  });

self.onmessage = (e: MessageEvent<EngineRequest>) => {
  const req = e.data;
  if (req.type === 'cancel') {
    latest.run = Math.max(latest.run, req.id);
    return;
  }
  latest[req.type] = Math.max(latest[req.type], req.id);
  const job = req.type === 'run' ? run(req) : compare(req);
  job.catch((err: unknown) =>
    post({ type: 'error', id: req.id, message: err instanceof Error ? err.message : String(err) }),
  );
};

async function run(req: RunRequest): Promise<void> {
  const t0 = performance.now();
  const scenario = withRuns(req.scenario, req.runs);
  const runner = new BlockRunner(compile(scenario), {
    explainMonth: req.explainMonth,
    diagnostics: req.diagnostics,
  });
  // the scenario hash (SHA-256 of the whole scenario) is computed once the first answer is out
  const [a, b] = belligerents(scenario);
  const quickMeta: ResultMeta = {
    scenarioId: scenario.id,
    scenarioName: scenario.name,
    scenarioHash: '',
    settingsHash: '',
    seed: scenario.settings.seed,
    parties: [a, b].map((p) => ({ id: p.id, name: p.name, side: p.side })),
    explainMonth: req.explainMonth ?? scenario.settings.explainMonth,
  };
  let meta: ResultMeta | undefined;
  const hashLater = () => (meta ??= resultMeta(scenario, req.explainMonth));
  const claim = req.claim && new Int32Array(req.claim.counters);
  const threads = req.claim?.threads ?? 1;
  const first = claim ? 0 : (req.first ?? 0);
  const end = claim ? req.runs : first + (req.count ?? req.runs);
  // the preview is the first slice, runs [0, previewRuns), whoever simulates it
  const preview = req.previewRuns && req.previewRuns < end ? req.previewRuns : 0;
  let next = first;
  for (;;) {
    let from: number;
    let size: number;
    if (claim) {
      const slice = claimSlice(claim, CLAIM_NEXT, end, (f) =>
        f === 0 && preview ? preview : sliceSize(end - f, threads, SLICES),
      );
      if (!slice) break;
      ({ from, size } = slice);
    } else {
      from = next;
      if (from >= end) break;
      size = from === 0 && preview ? preview : sliceSize(end - from, 1, SLICES);
      next += size;
    }
    runner.add(from, size);
    if (from === 0 && preview)
      post({
        type: 'result',
        id: req.id,
        result: summarise(runner.agg, quickMeta),
        final: false,
        ms: performance.now() - t0,
      });
    if (claim) {
      // a superseded call is cancelled through the shared counters, without a message round trip
      if (Atomics.load(claim, CLAIM_CANCELLED) === 1) return;
      continue;
    }
    await yieldToMessages();
    if (latest.run !== req.id) return; // superseded
    if (from === 0 && preview && !req.aggregateOnly) {
      hashLater();
      await yieldToMessages();
      if (latest.run !== req.id) return;
    }
  }
  if (claim && Atomics.load(claim, CLAIM_CANCELLED) === 1) return;
  if (req.aggregateOnly) {
    const data = runner.agg.toArrays();
    const buffers = Object.values(data)
      .filter((v): v is Float64Array => v instanceof Float64Array)
      .map((a) => a.buffer);
    self.postMessage(
      { type: 'aggregate', id: req.id, data, ms: performance.now() - t0 } satisfies EngineResponse,
      buffers,
    );
    return;
  }
  post({
    type: 'result',
    id: req.id,
    result: summarise(runner.agg, hashLater()),
    final: true,
    ms: performance.now() - t0,
  });
}

async function compare(req: CompareRequest): Promise<void> {
  const t0 = performance.now();
  const base = withRuns(req.scenario, req.runs);
  const own = (base.variants ?? []).filter((v) => !req.variantIds || req.variantIds.includes(v.id));
  const prepared = prepareVariants({ ...base, variants: own }, []);
  if (!prepared.ok) throw new Error(prepared.issues.map((i) => i.message).join('; '));
  const all = [
    ...prepared.value,
    ...req.extra.map((v) => ({
      ...v,
      // every variant shares the baseline's seed, runs and horizon (common random numbers)
      scenario: {
        ...v.scenario,
        variants: undefined,
        settings: { ...v.scenario.settings, ...pick(base) },
      },
    })),
  ];
  const inputs: CompareInput[] = [];
  for (const [k, v] of all.entries()) {
    await yieldToMessages();
    if (latest.compare !== req.id) return;
    inputs.push({
      id: v.id,
      name: v.name,
      description: v.description,
      records: simulateRecords(v.scenario),
    });
    post({ type: 'progress', id: req.id, done: k + 1, total: all.length });
  }
  const [a, b] = belligerents(base);
  const comparison = compareVariants(inputs, {
    rng: mulberry32(base.settings.seed),
    bootstrap: 200,
    sides: [a.name, b.name],
  });
  post({ type: 'comparison', id: req.id, comparison, ms: performance.now() - t0 });
}

const pick = (s: Scenario) => ({
  runs: s.settings.runs,
  seed: s.settings.seed,
  horizonMonths: s.settings.horizonMonths,
});

const withRuns = (s: Scenario, runs: number): Scenario => ({
  ...s,
  settings: { ...s.settings, runs },
});
