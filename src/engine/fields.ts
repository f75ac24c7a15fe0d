/**
 * Declarations of the state arrays a mechanism owns. A mechanism lists its fields (typed-array
 * kind, slots per run, starting value); `State` allocates one array per field for the block's
 * runs, puts it back to its starting value on reset, and exposes it as a plain property
 * (`s.support[i]`), so kernels index typed arrays directly. The mechanism's file adds the same
 * fields to the `State` type by declaration merging (see `FieldsOf`).
 */
import type { Compiled, State } from './state.ts';

type ArrayKind =
  | Float64ArrayConstructor
  | Int32ArrayConstructor
  | Int16ArrayConstructor
  | Int8ArrayConstructor
  | Uint8ArrayConstructor;

/**
 * How many entries a field holds per run, and how they are indexed:
 * - `run`: [r]; `party`: [2r + p] (p = 0 side A, 1 side B)
 * - `mediator`: [r·M + j]; `mediatorParty`: [(r·M + j)·2 + p] (M mediators, at least 1)
 * - `line`: [r·L + l] (L support lines, at least 1); `backChannel`: [r·C + k] (C ≥ 1)
 * - a number n: [n·r + k], k < n
 */
export type Slots =
  'run' | 'party' | 'mediator' | 'mediatorParty' | 'line' | 'backChannel' | number;

export interface FieldSpec<A extends ArrayKind = ArrayKind> {
  readonly array: A;
  readonly slots: Slots;
  /** Every entry's value at the start of a block (before the owner's `sample`). */
  readonly init: number;
}

/** A mechanism's fields by name. */
export type FieldDecls = Readonly<Record<string, FieldSpec>>;

/** `field(Float64Array, 'party', 1)`: a per-party Float64Array starting at 1. */
export const field = <A extends ArrayKind>(
  array: A,
  slots: Slots = 'run',
  init = 0,
): FieldSpec<A> => ({
  array,
  slots,
  init,
});

/**
 * The state properties declared by `D`, for the owner's declaration merge:
 * `declare module '../state.ts' { interface State extends FieldsOf<typeof fields> {} }`.
 */
export type FieldsOf<D extends FieldDecls> = {
  readonly [K in keyof D]: InstanceType<D[K]['array']>;
};

/** Entries per run of a field with these slots, for a compiled scenario. */
export function slotsPerRun(slots: Slots, c: Compiled): number {
  if (typeof slots === 'number') return slots;
  switch (slots) {
    case 'run':
      return 1;
    case 'party':
      return 2;
    case 'mediator':
      return Math.max(1, c.mediators.length);
    case 'mediatorParty':
      return 2 * Math.max(1, c.mediators.length);
    case 'line':
      return Math.max(1, c.lines.length);
    case 'backChannel':
      return Math.max(1, c.secretChannels.length);
  }
}

/** What owns state fields: a mechanism, or the engine's core (status, scenario inputs). */
export interface FieldOwner {
  id: string;
  /** The arrays it owns; names are unique across owners (State checks). */
  fields?: FieldDecls;
  /**
   * Called once per block after every array holds its `init`: sets starting values that depend
   * on the scenario and draws its uncertain inputs for runs 0 … s.n − 1. Owners sample in a
   * fixed order (core inputs, then mechanisms in list order): a new owner that draws from the
   * shared `Stream.sample` shifts the draws of every owner after it, so give it its own Stream.
   */
  sample?(s: State): void;
}
