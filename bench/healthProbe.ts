/**
 * What the attack benches share: the server's resident memory, quantiles, and a `/health` probe
 * every 50 ms until a deadline, summarised as p50 / p99 / max.
 */
import { readFileSync } from 'node:fs';

export const rssMb = (pid: number) =>
  Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;

export const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? NaN;
};

/** Probes `${url}/health` until `end` (ms since the epoch); `each` runs after every answer. */
export async function probeHealth(url: string, end: number, each?: () => void): Promise<number[]> {
  const health: number[] = [];
  while (Date.now() < end) {
    const t0 = performance.now();
    await (await fetch(`${url}/health`)).text();
    health.push(performance.now() - t0);
    each?.();
    await new Promise((r) => setTimeout(r, 50));
  }
  return health;
}

export const healthFigures = (health: number[]) => ({
  n: health.length,
  p50Ms: +quantile(health, 0.5).toFixed(1),
  p99Ms: +quantile(health, 0.99).toFixed(1),
  maxMs: +Math.max(...health).toFixed(1),
});

/** The printed line for /health figures during an attack or burst. */
export const healthLine = (during: string, h: ReturnType<typeof healthFigures>) =>
  `/health during the ${during}: p50 ${h.p50Ms} ms, p99 ${h.p99Ms} ms, max ${h.maxMs} ms (${h.n} probes)`;
