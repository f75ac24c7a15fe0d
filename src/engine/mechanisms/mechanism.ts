import type { State } from '../state.ts';

/**
 * A mechanism of the monthly loop: a pure step over the state arrays of the runs still at war
 * (`s.active[0 .. s.nActive)`), reading and writing only the fields it declares. The engine runs
 * the list in mechanisms/index.ts in order and never branches on ids.
 */
export interface Mechanism {
  id: string;
  /** Where the rule comes from (author, year) or "design choice". */
  source: string;
  reads: readonly string[];
  writes: readonly string[];
  /** The engine compacts the list of runs at war after a mechanism that can end wars. */
  endsWars?: boolean;
  step(s: State): void;
}
