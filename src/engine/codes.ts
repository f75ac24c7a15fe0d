/**
 * The engine's small integer codes (war status, outcome, channel, effort), in a module of their
 * own so mechanism files can import them without importing the state they are assembled into.
 */
/** War status of a run. */
export const Status = { war: 0, ended: 1 } as const;

/** How a war ended (index into outcome counters). */
export const Outcome = {
  ongoing: 0,
  settlement: 1,
  ceasefire: 2,
  victoryA: 3,
  victoryB: 4,
  collapseA: 5,
  collapseB: 6,
  /** the fighting died down without victory, deal or declared ceasefire (UCDP "low activity") */
  faded: 7,
} as const;
export const OUTCOME_NAMES = [
  'ongoing',
  'settlement',
  'ceasefire',
  'victoryA',
  'victoryB',
  'collapseA',
  'collapseB',
  'faded',
] as const;
export const OUTCOME_COUNT = OUTCOME_NAMES.length;

/** Posture / talks channel codes; a lower code is more discreet. */
export const Channel = { closed: 0, secret: 1, mediated: 2, public: 3 } as const;
export const CHANNEL_NAMES = ['closed', 'secret', 'mediated', 'public'] as const;
export const CHANNEL_COUNT = CHANNEL_NAMES.length;

/** Effort codes. */
export const Effort = { fight: 0, escalate: 1 } as const;
