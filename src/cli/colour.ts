/**
 * Colour in the CLI's output: only on a terminal, and never with NO_COLOR set to anything but ""
 * (https://no-color.org) or TERM=dumb, so a pipe or a file gets plain text. Blue for good and red
 * for bad, a pair colour-blind readers tell apart (not red against green).
 */
export interface Stream {
  isTTY?: boolean;
}
type Env = Record<string, string | undefined>;

export function colourOn(stream: Stream, env: Env = process.env): boolean {
  return stream.isTTY === true && !env.NO_COLOR && env.TERM !== 'dumb';
}

const sgr = (code: string) => (on: boolean) => (s: string) => (on ? `\x1b[${code}m${s}\x1b[0m` : s);
const good = sgr('1;34');
const bad = sgr('1;31');
const dim = sgr('2');

export interface Colours {
  good: (s: string) => string;
  bad: (s: string) => string;
  dim: (s: string) => string;
}

/** Colour helpers for `stream`: identity functions when colour is off. */
export function paint(stream: Stream, env: Env = process.env): Colours {
  const on = colourOn(stream, env);
  return { good: good(on), bad: bad(on), dim: dim(on) };
}
