import type { Scenario } from '../../src/model/index.ts';

/**
 * A built scenario as the language stood at commit 2df4e0a, where the builder's SHA-256 pins were
 * taken: without the parameter groups added since (contact), whose defaults no builder sets.
 */
export function asAtHashCommit(s: Scenario): unknown {
  const { contact: _added, ...mechanisms } = s.mechanisms;
  return { ...s, mechanisms };
}
