export * from './simulate.ts';
export type { StateField } from './state.ts';
export * from './result.ts';
export * from './aggregate.ts';
export {
  compile,
  compileEvent,
  State,
  Status,
  Outcome,
  OUTCOME_NAMES,
  Channel,
  CHANNEL_NAMES,
  belligerents,
  type Compiled,
  type CompiledEvent,
} from './state.ts';
export {
  MECHANISMS,
  MechanismParamsSchema,
  type Mechanism,
  type MechanismParams,
} from './mechanisms/index.ts';
export { Rng, Stream } from './rng.ts';
export { runScenario, resultMeta } from './runScenario.ts';
export { scenarioHash, settingsHash, inputHash, canonicalJson } from './hash.ts';
export { Decisions } from './decisions.ts';
export { RunTraceSchema, emptyTraces, type RunTrace } from './trace.ts';
export { sliceSize, claimSlice } from './claims.ts';
export {
  POST_COLD_WAR_YEAR,
  contactScaleFactor,
  type ContactScaleFactors,
} from './mechanisms/contact.ts';
