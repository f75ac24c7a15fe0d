/**
 * Progress bars of long commands: on stderr, and only when stderr is a terminal, so a pipe or a
 * log file gets no bar and no cursor codes; `--quiet` turns them off on a terminal too.
 */
import { Presets, SingleBar } from 'cli-progress';
import type { Stream } from './colour.ts';

export function progressOn(stream: Stream, quiet = false): boolean {
  return stream.isTTY === true && !quiet;
}

export interface Progress {
  /** `done` of `total` units finished (`now`: what is under way); the bar appears at the first call */
  update(done: number, total: number, now?: string): void;
  stop(): void;
}

/**
 * A progress bar on stderr, `label {bar} done/total unit`, or nothing at all when stderr is not
 * a terminal or `quiet` is set.
 */
export function progressBar(label: string, unit: string, quiet = false): Progress {
  if (!progressOn(process.stderr, quiet)) return { update: () => {}, stop: () => {} };
  let bar: SingleBar | undefined;
  return {
    update(done, total, now) {
      const payload = { now: now ? ` | ${now}` : '' };
      if (!bar) {
        bar = new SingleBar(
          {
            format: `${label} {bar} {value}/{total} ${unit} | {eta_formatted} left{now}`,
            stream: process.stderr,
          },
          Presets.shades_classic,
        );
        bar.start(total, done, payload);
      } else {
        bar.setTotal(total);
        bar.update(done, payload);
      }
    },
    stop() {
      bar?.stop();
      bar = undefined;
    },
  };
}
