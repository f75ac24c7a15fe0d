/**
 * The scenario's inputs that no single mechanism owns, drawn per run: ...
 */
import type { Belligerent, Scenario } from '../model/index.ts';

export function belligerents(s: Scenario): [Belligerent, Belligerent] {
  const a = s.parties.find((p): p is Belligerent => p.role === 'belligerent' && p.side === 'A');
  const b = s.parties.find((p): p is Belligerent => p.role === 'belligerent' && p.side === 'B');
  if (!a || !b)
    throw new Error('invalid scenario: needs one belligerent per side (validate it first)');
  return [a, b];
}
