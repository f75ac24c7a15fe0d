/**
 * What the shell shares with its pages: the open scenario with the editor's working copy, the
 * last result and the what-if levers. Its own module, so pages import these types without
 * importing the shell that imports them (no App.tsx <-> page cycle).
 */
import type { RunResult } from '../../src/engine/index.ts';
import type { Scenario } from '../../src/model/index.ts';
import type { OpenScenario } from './scenarioSource.ts';
import type { Levers } from './whatif/levers.ts';

/** The open scenario with the editor's working copy. */
export interface Workspace {
  open: OpenScenario;
  /** editor text (YAML) */
  draft: string;
  /** the last draft that validated: what Results, What-if and Compare simulate */
  working: Scenario;
  /** the draft differs from the opened text */
  edited: boolean;
  /** the draft validates (when not, `working` is the last draft that did) */
  valid: boolean;
}

export interface Shared {
  ws: Workspace | undefined;
  setDraft: (text: string, valid: Scenario | undefined) => void;
  reopen: (id: string) => Promise<void>;
  /** open a scenario that exists only in this tab (a new one, not yet saved) */
  openLocal: (o: OpenScenario) => void;
  result: RunResult | undefined;
  setResult: (r: RunResult | undefined) => void;
  /** what-if levers; undefined = where the scenario is */
  levers: Levers | undefined;
  setLevers: (l: Levers | undefined) => void;
}
