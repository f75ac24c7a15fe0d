/**
 * A lighter `parley worker` for tests: the same startWorker() the CLI command calls, without
 * loading every other command (the full CLI takes seconds to start on a busy 2-core box).
 * Usage: node --import tsx test/jobs/workerEntry.ts <redis url> <prefix>
 */
import { startWorker } from '../../src/jobs/distributed/worker.ts';
import { closePools } from '../../src/jobs/workerPool.ts';

const [url, prefix] = process.argv.slice(2);
const log = (line: string) => process.stderr.write(`worker ${process.pid}: ${line}\n`);
const w = await startWorker({
  redis: url,
  prefix,
  concurrency: 1,
  onChunk: (job, stored, ms) =>
    log(
      `chunk ${job.sweepId}:${job.cell}:${job.firstRun} (${job.runs} runs) in ${ms.toFixed(0)} ms${stored ? '' : ' (already stored by another delivery)'}`,
    ),
  onError: log,
});
log('ready');
process.once('SIGTERM', () => void w.close().then(closePools));
