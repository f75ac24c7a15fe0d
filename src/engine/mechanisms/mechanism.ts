import type { MechanismParams } from '../../model/index.ts';
import type { State, StateField } from '../state.ts';
import type { FieldOwner } from '../fields.ts';

/**
 * A mechanism of the monthly loop: a pure step over the state arrays of the runs still at war
 * (`s.active[0 .. s.nActive)`), reading and writing only the fields it declares (a test runs
 * every bundled scenario through a recording proxy and fails on an undeclared touch). It owns
 * the arrays listed in `fields` and draws their inputs in `sample` (FieldOwner, fields.ts), so
 * one file holds a whole mechanism (docs/architecture.md, "A new mechanism"). The engine runs the
 * list in mechanisms/index.ts in order and never branches on ids.
 */
export interface Mechanism extends FieldOwner {
  id: string;
  /** Where the rule comes from (author, year) or "design choice". */
  source: string;
  /**
   * The parameter group under `mechanisms:` that configures this step (its `enabled` switches
   * it off); null for a step with no parameters of its own. Other groups may be read too.
   */
  params: keyof MechanismParams | null;
  /** State fields the step reads (fields it also writes need not be repeated). */
  reads: readonly StateField[];
  writes: readonly StateField[];
  /** The engine compacts the list of runs at war after a mechanism that can end wars. */
  endsWars?: boolean;
  /**
   * The month's diagnostics, "why" probe and traces are taken right after this step (once the
   * leaders have chosen postures and channels, before talks run), so they describe the month's
   * decision. Exactly one mechanism carries it.
   */
  observedAfter?: boolean;
  step(s: State): void;
}
