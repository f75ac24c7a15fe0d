/**
 * Bounds on open progress streams (server-sent events). Each stream holds a connection, a timer
 * and a listener on its run's events; unbounded, one client could open thousands (past 100 on a
 * run Node warned MaxListenersExceededWarning). A stream is counted from open() until its
 * release function is called; over a bound, open() throws: 429 when one address holds too many
 * (that client should close some), 503 when a run or the server has too many.
 */
import { HttpError } from '../errors.ts';

export type StreamBounds = {
  maxStreamsPerRun: number;
  maxStreamsPerAddress: number;
  maxStreams: number;
};

export class StreamLimits {
  private readonly perRun = new Map<string, number>();
  private readonly perAddress = new Map<string, number>();
  private total = 0;

  constructor(private readonly bounds: StreamBounds) {}

  get open(): number {
    return this.total;
  }

  /** Counts a new stream on `runId` from `address`; returns its release (idempotent). */
  acquire(runId: string, address: string): () => void {
    const b = this.bounds;
    if ((this.perAddress.get(address) ?? 0) >= b.maxStreamsPerAddress)
      throw new HttpError(
        429,
        [
          {
            code: 'too_many_streams',
            path: [],
            message: `this address already has ${b.maxStreamsPerAddress} progress streams open (the most allowed); close one first`,
          },
        ],
        5,
      );
    if ((this.perRun.get(runId) ?? 0) >= b.maxStreamsPerRun)
      throw new HttpError(
        503,
        [
          {
            code: 'too_many_streams',
            path: [],
            message: `run ${runId} already has ${b.maxStreamsPerRun} progress streams open (the most allowed); poll GET /runs/${runId} instead`,
          },
        ],
        5,
      );
    if (this.total >= b.maxStreams)
      throw new HttpError(
        503,
        [
          {
            code: 'too_many_streams',
            path: [],
            message: `the server has ${b.maxStreams} progress streams open (the most allowed); try again later`,
          },
        ],
        5,
      );
    bump(this.perRun, runId, 1);
    bump(this.perAddress, address, 1);
    this.total++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      bump(this.perRun, runId, -1);
      bump(this.perAddress, address, -1);
      this.total--;
    };
  }
}

/** Adds d to a count, forgetting keys that reach 0 (the maps stay as small as the open streams). */
function bump(m: Map<string, number>, key: string, d: number): void {
  const n = (m.get(key) ?? 0) + d;
  if (n <= 0) m.delete(key);
  else m.set(key, n);
}
