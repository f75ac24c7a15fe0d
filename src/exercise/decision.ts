/**
 * What a played role may decide in one month, and the decision log: the shapes every edge (CLI,
 * API, web, store) derives from. One object per role and month; every field optional, and a
 * field left out is the model's choice for it. Which fields a role may use, and their ranges in
 * the month, are checked by checkDecision (roles.ts) against the exercise's state.
 */
import { z } from 'zod';
import { CHANNEL_NAMES } from '../engine/index.ts';

const share = z.number().min(0).max(1);

export const DecisionSchema = z
  .object({
    posture: z
      .enum(CHANNEL_NAMES)
      .optional()
      .describe(
        'leader: no talks (closed) or willing to talk in secret, via a mediator or in public; in talks, closed walks out and any other keeps talking',
      ),
    effort: z.enum(['hold', 'escalate']).optional().describe('leader: fighting effort this month'),
    demand: share
      .optional()
      .describe('leader: share of the stake it keeps when it makes the offer'),
    leastAcceptable: share
      .optional()
      .describe('leader: least share of the stake it accepts when it answers an offer'),
    mediator: z
      .enum(['accept', 'refuse'])
      .optional()
      .describe('leader: accept the mediators present, or refuse (withdrawing an acceptance)'),
    offerServices: z
      .boolean()
      .optional()
      .describe('mediator: offer its services this month (true) or stay out (false)'),
    carrots: z
      .record(z.string().max(64), share)
      .optional()
      .describe('mediator: per belligerent id, share of its carrots put on the table on arrival'),
    sticks: z
      .record(z.string().max(64), share)
      .optional()
      .describe('mediator: per belligerent id, share of its sticks used on arrival'),
    proposal: share.optional().describe("mediator: side A's share it proposes when it leads talks"),
    approach: z
      .string()
      .max(64)
      .optional()
      .describe(
        "mediator: whom it approaches this month: a belligerent id, or 'both' (the model's choice); a side not approached neither accepts nor refuses it this month",
      ),
    aid: z
      .record(z.string().max(64), z.number().min(0).max(3))
      .optional()
      .describe('patron: per recipient belligerent id, the committed aid level this month (0–3)'),
    conditions: z
      .record(
        z.string().max(64),
        z
          .object({
            minimumShare: share
              .optional()
              .describe(
                'the least share of the stake it lets the recipient settle for (a veto below it)',
              ),
            opposesTalks: z.boolean().optional().describe('it disapproves of talks'),
          })
          .strict(),
      )
      .optional()
      .describe(
        'patron: per recipient belligerent id, the conditions of its support from this month on (they stand until changed)',
      ),
  })
  .strict();
export type Decision = z.infer<typeof DecisionSchema>;

/** One line of the decision log: a role's decision in a month, or null when the model chose. */
export const LogEntrySchema = z
  .object({
    month: z.number().int().min(0),
    role: z.string().min(1).max(64),
    decision: DecisionSchema.nullable().describe('null: no decision came; the model chose'),
  })
  .strict();
export type LogEntry = z.infer<typeof LogEntrySchema>;

/** How an exercise is set up: which run of the scenario's seed is the path, and who is played. */
export const ExerciseSetupSchema = z
  .object({
    run: z
      .number()
      .int()
      .min(0)
      .max(1_000_000)
      .default(0)
      .describe("which run of the scenario's seed the exercise follows (its random numbers)"),
    roles: z
      .array(z.string().min(1).max(64))
      .min(1)
      .max(8)
      .describe('party ids played by people; the model plays every other party'),
  })
  .strict();
export type ExerciseSetup = z.infer<typeof ExerciseSetupSchema>;
