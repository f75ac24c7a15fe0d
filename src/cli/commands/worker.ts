/**
 * `parley worker --redis URL [--concurrency N]`: a worker process for distributed sweeps. Takes
 * chunk jobs from Redis (BullMQ), simulates them on N local worker threads, and stores each
 * chunk's result for the coordinator (`parley sweep|compare|sensitivity|calibrate --distributed`).
 * Runs until SIGTERM or SIGINT, then finishes the chunks in hand and exits.
 * Also exports the `--distributed --redis` options the coordinating commands share.
 */
import { Presets, SingleBar } from 'cli-progress';
import { Option, type Command } from 'commander';
import { startWorker } from '../../jobs/distributed/worker.ts';
import {
  checkRedisUrl,
  DEFAULT_PREFIX,
  redactUrl,
  redisBoundsFromEnv,
} from '../../jobs/distributed/protocol.ts';
import type {
  DistributedRunOptions,
  DistributedSweepError,
} from '../../jobs/distributed/analyses.ts';
import type { Scenario } from '../../model/index.ts';
import type { AnalysisKind } from '../../store/index.ts';
import { storeAnalysis } from '../storeAnalysis.ts';
import { closePools } from '../../jobs/workerPool.ts';
import { EXIT_UNAVAILABLE, UserError } from '../exit.ts';
import { int } from '../scenarioInput.ts';

/** Exit code of a distributed command whose chunks failed for good (partial results were kept). */
export const EXIT_PARTIAL = EXIT_UNAVAILABLE;

/** Both Redis settings are checked before anything connects, with messages that name them. */
function checkRedis(url: string): void {
  const bad = checkRedisUrl(url);
  if (bad) throw new UserError(`✖ ${bad}`);
  try {
    redisBoundsFromEnv();
  } catch (e) {
    throw new UserError(`✖ ${(e as Error).message}`);
  }
}

const REDIS_ENV_HELP =
  'PARLEY_REDIS_CONNECT_MS (default 10000): how long to try to reach Redis before giving up with exit code 3;\nPARLEY_REDIS_OUTAGE_MS (default 60000): how long a lost connection may stay down before giving up (exit 3).';

export interface DistributedCliOptions {
  distributed?: boolean;
  redis?: string;
  prefix?: string;
  attempts?: number;
  chunkRuns?: number;
}

/** Adds --distributed, --redis, --prefix, --attempts and --chunk-runs to a command. */
export function distributedOptions(cmd: Command): Command {
  return cmd
    .option('--distributed', 'run the simulations on `parley worker` processes through Redis')
    .addOption(
      new Option('--redis <url>', 'Redis of the distributed workers').env('PARLEY_REDIS_URL'),
    )
    .addOption(
      new Option('--prefix <p>', 'Redis key prefix shared with the workers')
        .env('PARLEY_QUEUE_PREFIX')
        .default(DEFAULT_PREFIX),
    )
    .option(
      '--attempts <n>',
      'attempts per chunk before the sweep fails (default PARLEY_ATTEMPTS or 3)',
      int('--attempts', 1, 100),
    )
    .option(
      '--chunk-runs <n>',
      'runs per distributed chunk (default 2000)',
      int('--chunk-runs', 1, 1_000_000),
    )
    .addHelpText('after', `\nWith --distributed: ${REDIS_ENV_HELP}`);
}

/**
 * The coordinator's options, or undefined without --distributed; a user error when --redis is
 * missing. With `progress`, a progress bar of runs finished on the workers (on a terminal).
 */
export function distributedFrom(
  opts: DistributedCliOptions,
  progress = true,
): DistributedRunOptions | undefined {
  if (!opts.distributed) return undefined;
  if (!opts.redis) throw new UserError('✖ --distributed needs --redis URL (or PARLEY_REDIS_URL)');
  checkRedis(opts.redis);
  const redis = opts.redis;
  let bar: SingleBar | undefined;
  const onProgress = (done: number, total: number) => {
    if (!bar) {
      bar = new SingleBar(
        {
          format: 'workers {bar} {value}/{total} runs | {eta_formatted} left',
          stream: process.stderr,
        },
        Presets.shades_classic,
      );
      bar.start(total, done);
    }
    bar.update(done);
    if (done >= total) bar.stop();
  };
  return {
    redis: opts.redis,
    prefix: opts.prefix,
    attempts: opts.attempts,
    chunkRuns: opts.chunkRuns,
    onProgress: progress && process.stderr.isTTY ? onProgress : undefined,
    onNoWorkers: () =>
      process.stderr.write(
        `waiting: no worker is connected to ${redactUrl(redis)} with prefix ${opts.prefix ?? DEFAULT_PREFIX}; start \`parley worker --redis … --prefix …\` (the chunks stay queued)\n`,
      ),
    onResume: (n) =>
      process.stderr.write(
        `Redis came back empty (restarted without persistence?): stored the scenarios again and re-enqueued ${n} chunks\n`,
      ),
  };
}

/**
 * Ends a distributed command whose chunks failed for good: prints the message naming the chunk
 * and its error, stores what finished as a partial analysis (with --store), exit code 3.
 */
export async function failPartial(
  e: DistributedSweepError,
  store:
    | { kind: AnalysisKind; scenario: Scenario; params: unknown; summary: object; rows: unknown[] }
    | undefined,
): Promise<void> {
  process.stderr.write(`${e.message}\n`);
  if (store) {
    const summary = { ...store.summary, partial: true, failures: e.failures };
    const msg = await storeAnalysis(store.kind, store.scenario, store.params, summary, store.rows);
    process.stderr.write(`${msg} (partial: ${store.rows.length} rows)\n`);
  }
  process.exitCode = EXIT_PARTIAL;
}

export function register(program: Command): void {
  program
    .command('worker')
    .description('serve distributed sweeps: run chunks from Redis on local worker threads')
    .addOption(
      new Option('--redis <url>', 'Redis URL, e.g. redis://10.0.0.5:6379')
        .env('PARLEY_REDIS_URL')
        .makeOptionMandatory(),
    )
    .addOption(
      new Option('-c, --concurrency <N>', 'chunks at a time (one worker thread each)')
        .argParser(int('--concurrency', 1, 256))
        .env('PARLEY_WORKER_CONCURRENCY')
        .default(1),
    )
    .addOption(
      new Option('--prefix <p>', 'Redis key prefix shared with the coordinator')
        .env('PARLEY_QUEUE_PREFIX')
        .default(DEFAULT_PREFIX),
    )
    .option('-q, --quiet', 'no line per chunk')
    .addHelpText(
      'after',
      `\nExamples:\n  $ parley worker --redis redis://127.0.0.1:6379 --concurrency 2\n  $ PARLEY_REDIS_URL=redis://queue.internal:6379 parley worker\n\nEnvironment: PARLEY_STALLED_MS (lock and stalled-check interval, default 30000) must match across workers;\n${REDIS_ENV_HELP}`,
    )
    .action(
      async (opts: { redis: string; concurrency: number; prefix: string; quiet?: boolean }) => {
        checkRedis(opts.redis);
        const log = (line: string) => process.stderr.write(`worker ${process.pid}: ${line}\n`);
        let lastError = '';
        const w = await startWorker({
          redis: opts.redis,
          concurrency: opts.concurrency,
          prefix: opts.prefix,
          onChunk: opts.quiet
            ? undefined
            : (job, stored, ms) =>
                log(
                  `chunk ${job.sweepId}:${job.cell}:${job.firstRun} (${job.runs} runs) in ${ms.toFixed(0)} ms${stored ? '' : ' (already stored by another delivery)'}`,
                ),
          // BullMQ reports each reconnect attempt during an outage: log a repeated error once
          onError: (m) => {
            if (m !== lastError) log(m);
            lastError = m;
          },
        }).catch(async (e: unknown) => {
          await closePools(); // threads may be warm already; they would keep the process alive
          throw e;
        });
        log(`ready (${opts.concurrency} threads, prefix ${opts.prefix})`);
        const lost = await new Promise<Error | undefined>((resolve) => {
          const stop = () => resolve(undefined);
          process.once('SIGTERM', stop);
          process.once('SIGINT', stop);
          // Redis gone for longer than PARLEY_REDIS_OUTAGE_MS: exit 3 so a supervisor notices
          void w.failed.then(resolve);
        });
        log(lost ? 'stopping: Redis is gone' : 'stopping: finishing the chunks in hand');
        await w.close();
        await closePools();
        if (lost) throw lost;
      },
    );
}
