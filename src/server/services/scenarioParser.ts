/**
 * Scenario bodies are parsed and validated off the event loop. The YAML parser needs about 2 s of
 * CPU for a 750 kB body of junk (and as long for a large valid one), which on the main thread
 * stalled every other request, `/health` included. Small bodies (every real scenario is a few kB)
 * are read inline, where a worker round trip would cost more than the parse; larger ones go to one
 * worker thread, at most `maxPending` at a time (then 503 with Retry-After) and each within
 * `timeoutMs` (the worker is stopped and the request answered 400).
 */
import type { Piscina } from 'piscina';
import { getPool, workerPath } from '../../jobs/workerPool.ts';
import {
  parseScenarioText,
  validateScenario,
  type Result,
  type Scenario,
} from '../../model/index.ts';
import { HttpError } from '../errors.ts';
import type { ParseTask } from './parseWorker.ts';

const WORKER = workerPath(import.meta.url, 'parseWorker');

export interface ParserLimits {
  /** bodies up to this many bytes are parsed on the event loop (a few ms at most) */
  inlineBytes: number;
  /** bodies being parsed in the worker or waiting for it; more get 503 */
  maxPending: number;
  /** a body that takes longer than this is refused */
  timeoutMs: number;
}

export const DEFAULT_PARSER_LIMITS: ParserLimits = {
  inlineBytes: 64 * 1024,
  maxPending: 4,
  timeoutMs: 10_000,
};

export class ScenarioParser {
  private pending = 0;
  private pool: Promise<Piscina> | undefined;

  constructor(private readonly limits: ParserLimits = DEFAULT_PARSER_LIMITS) {}

  /** Bodies waiting for or inside the worker now (for tests and /health). */
  get inFlight(): number {
    return this.pending;
  }

  /** The body (YAML text or parsed JSON) as a validated scenario, or its issues. */
  async check(body: unknown, bytes: number): Promise<Result<Scenario>> {
    const task: ParseTask = typeof body === 'string' ? { text: body } : { data: body };
    if (bytes <= this.limits.inlineBytes)
      return 'text' in task ? parseScenarioText(task.text) : validateScenario(task.data);
    if (this.pending >= this.limits.maxPending)
      throw new HttpError(
        503,
        [
          {
            code: 'busy',
            path: [],
            message: `${this.pending} large scenario bodies are being read; try again shortly`,
          },
        ],
        2,
      );
    this.pending++;
    try {
      this.pool ??= getPool(WORKER, 1);
      const pool = await this.pool;
      return (await pool.run(task, {
        signal: AbortSignal.timeout(this.limits.timeoutMs),
      })) as Result<Scenario>;
    } catch (e) {
      if ((e as Error).name === 'AbortError' || (e as Error).name === 'TimeoutError')
        throw new HttpError(400, [
          {
            code: 'too_complex',
            path: ['body'],
            message: `the scenario took longer than ${this.limits.timeoutMs / 1000} s to read; a scenario is a few kB`,
          },
        ]);
      throw e;
    } finally {
      this.pending--;
    }
  }
}
