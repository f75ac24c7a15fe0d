/**
 * Sharing runs [0, runs) among threads that claim slices from one shared counter (worker threads
 * in Node, Web Workers in the browser). A thread that runs slower simply claims fewer slices, so
 * all finish together; the merged result never depends on who simulated which runs (every
 * aggregate field is an integer sum, aggregate.ts).
 */

/** Guided slices: a quarter of each thread's part of what is left, within [min, max] runs. */
export function sliceSize(
  remaining: number,
  threads: number,
  limits: { min: number; max: number },
): number {
  return Math.min(
    remaining,
    limits.max,
    Math.max(limits.min, Math.ceil(remaining / (4 * threads))),
  );
}

/**
 * Claims the next slice of runs [0, runs) from counter[index] (the next unclaimed run): its first
 * run and size, or undefined when every run is taken. `size(from)` proposes the slice's size.
 */
export function claimSlice(
  counter: Int32Array,
  index: number,
  runs: number,
  size: (from: number) => number,
): { from: number; size: number } | undefined {
  for (;;) {
    const from = Atomics.load(counter, index);
    if (from >= runs) return undefined;
    const n = Math.min(size(from), runs - from);
    if (Atomics.compareExchange(counter, index, from, from + n) === from) return { from, size: n };
  }
}
