/**
 * Rewinding an exercise to an earlier month: the decisions and injected events of that month and
 * after are dropped (and kept in the record as rewound, with when and from where), and the state
 * is rebuilt by replaying what remains from the seed.
 */
import { z } from 'zod';
import { LogEntrySchema, type LogEntry } from './decision.ts';
import { DecisionError } from './exercise.ts';
import { InjectionSchema, type Injection } from './injection.ts';

/** One rewind, as recorded: when, from which month to which, and what it dropped. */
export const RewindSchema = z
  .object({
    at: z.string().describe('ISO time of the rewind'),
    from: z.number().int().min(0).describe('the month the exercise was at'),
    to: z.number().int().min(0).describe('the month it went back to'),
    log: z.array(LogEntrySchema).describe('decisions dropped'),
    injections: z.array(InjectionSchema).describe('injected events dropped'),
  })
  .strict();
export type Rewind = z.infer<typeof RewindSchema>;

/** What a rewind to `month` keeps and drops of a decision log and its injections. */
export function rewindRecord(
  log: readonly LogEntry[],
  injections: readonly Injection[],
  month: number,
  current: number,
): {
  log: LogEntry[];
  injections: Injection[];
  dropped: { log: LogEntry[]; injections: Injection[] };
} {
  if (!Number.isInteger(month) || month < 0 || month >= current)
    throw new DecisionError('facilitator', [
      `month: rewind goes back to an earlier month, from 0 to ${current - 1}; found ${month}${current === 0 ? ' (no month has been played yet)' : ''}`,
    ]);
  return {
    log: log.filter((e) => e.month < month),
    injections: injections.filter((e) => e.month < month),
    dropped: {
      log: log.filter((e) => e.month >= month),
      injections: injections.filter((e) => e.month >= month),
    },
  };
}
