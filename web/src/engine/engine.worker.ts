/**
 * The core engine in a Web Worker: what-if runs and comparisons without blocking the page.
 * Runs are simulated in blocks so a newer request supersedes an older one between blocks (only
 * the latest answer matters while a slider moves), and an early result of the first block can be
 * shown before the rest is done. Blocks merge exactly, so the final result is byte-identical to
 * `parley run` with the same seed and runs.
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
  compile,
  resultMeta,
  simulateBlock,
  summarise,
  type ResultMeta,
} from '../../../src/engine/index.ts';
import { mulberry32 } from '../../../src/history/stats.ts';
import type { Scenario } from '../../../src/model/index.ts';
import type { CompareRequest, EngineRequest, EngineResponse, RunRequest } from './protocol.ts';

declare const self: DedicatedWorkerGlobalScope;

/** Runs per block: small enough to notice a newer request within a few tens of milliseconds. */
const BLOCK = 64;

/** Latest request id per kind; an older request stops at its next block boundary. */
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
  const c = compile(scenario);
  const opts = { explainMonth: req.explainMonth };
  // the scenario hash (SHA-256 of the whole scenario) is computed once the first answer is out
  const [a, b] = belligerents(scenario);
  const quickMeta: ResultMeta = {
    scenarioId: scenario.id,
    scenarioName: scenario.name,
    scenarioHash: '',
    seed: scenario.settings.seed,
    parties: [a, b].map((p) => ({ id: p.id, name: p.name, side: p.side })),
    explainMonth: req.explainMonth ?? scenario.settings.explainMonth,
  };
  let meta: ResultMeta | undefined;
  const hashLater = () => (meta ??= resultMeta(scenario, req.explainMonth));
  const first = req.first ?? 0;
  const end = first + (req.count ?? req.runs);
  const agg = simulateBlock(c, first, Math.min(BLOCK, end - first), opts);
  let previewSent = false;
  for (let done = first + agg.runs; done < end; done = first + agg.runs) {
    if (!previewSent && req.previewRuns && agg.runs >= req.previewRuns) {
      post({
        type: 'result',
        id: req.id,
        result: summarise(agg, quickMeta),
        final: false,
        ms: performance.now() - t0,
      });
      previewSent = true;
    }
    await yieldToMessages();
    if (latest.run !== req.id) return; // superseded
    if (previewSent && !meta && !req.aggregateOnly) {
      hashLater();
      await yieldToMessages();
      if (latest.run !== req.id) return;
    }
    agg.merge(simulateBlock(c, done, Math.min(BLOCK, end - done), opts));
  }
  if (req.aggregateOnly) {
    const data = agg.toArrays();
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
    result: summarise(agg, hashLater()),
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
