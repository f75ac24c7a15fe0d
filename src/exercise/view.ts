/**
 * What a role sees of an exercise: a pure copy of what that side would know, never a reference
 * into the engine state. A leader sees its own side's numbers, its belief about the enemy (not
 * the enemy's type or private numbers), the battlefield and the table, leaks, the mediators'
 * messages to it, and the model's "why" for its own side. A mediator sees the battlefield, the
 * table (secret talks only once leaked) and its own means; a patron sees the same public record
 * and its own aid. The facilitator sees everything, the true types included.
 */
import { z } from 'zod';
import { CHANNEL_NAMES } from '../engine/index.ts';
import { Status } from '../engine/state.ts';
import type { Exercise, ExerciseEvent } from './exercise.ts';
import { LogEntrySchema } from './decision.ts';

const SideSchema = z
  .object({
    support: z.number().describe('support for the war at home (0–1)'),
    supportForTalks: z.number(),
    casualties: z.number().describe('battle deaths so far'),
    monthlyCost: z.number().describe('share of the stake the war costs per month'),
    reserves: z.number().describe('reserves left for escalation (0–1)'),
    aid: z.number().describe('outside aid delivered this month'),
    strength: z.number().describe('strength demonstrated so far'),
    escalating: z.boolean(),
    posture: z.enum(CHANNEL_NAMES),
    acceptedMediators: z.array(z.string()),
  })
  .strict();

const WhySchema = z
  .object({
    chanceOfWinning: z.number().describe('as this side sees it'),
    valueOfWar: z.number().describe('expected share from fighting on'),
    leastItWouldAccept: z.number().describe("the model's reservation share for this side"),
    ripeness: z.number(),
    hurtingStalemate: z.number(),
    commitmentProblem: z.boolean().describe('a power shift makes any deal look unsafe'),
    costOfConversation: z.number(),
    audienceCostOfTalking: z.number(),
    benefitOfTalking: z.number(),
  })
  .strict();

export const RoleViewSchema = z
  .object({
    role: z.string(),
    kind: z.enum(['leader', 'mediator', 'patron', 'facilitator']),
    month: z.number().int().describe('the next month to play'),
    parties: z
      .array(
        z
          .object({
            id: z.string(),
            name: z.string(),
            kind: z.enum(['leader', 'mediator', 'patron']),
            side: z.enum(['A', 'B']).nullable(),
          })
          .strict(),
      )
      .describe("the scenario's parties (public: who is in the war and around it)"),
    horizonMonths: z.number().int(),
    finished: z.boolean(),
    outcome: z.string(),
    front: z.object({ position: z.number().int(), positions: z.number().int() }).strict(),
    talks: z.enum(CHANNEL_NAMES).describe('talks under way as this role knows them'),
    mediatorsPresent: z.array(z.string()),
    own: SideSchema.nullable().describe("a leader's own side (null for other roles)"),
    beliefEnemyStrong: z.number().nullable().describe("a leader's belief that the enemy is strong"),
    why: WhySchema.nullable(),
    mediatorMeans: z
      .object({
        carrots: z.record(z.string(), z.number()),
        sticks: z.record(z.string(), z.number()),
      })
      .strict()
      .nullable()
      .describe("a mediator's carrots and sticks per belligerent (its own means)"),
    patronAid: z
      .record(z.string(), z.number())
      .nullable()
      .describe("a patron's committed aid per recipient"),
    patronConditions: z
      .record(
        z.string(),
        z.object({ minimumShare: z.number(), opposesTalks: z.boolean() }).strict(),
      )
      .nullable()
      .describe("a patron's conditions of support per recipient, as they stand"),
    events: z.array(
      z.object({ month: z.number().int(), kind: z.string(), text: z.string() }).strict(),
    ),
    decisions: z.array(LogEntrySchema).describe("this role's own decision log"),
    facilitator: z
      .object({
        sides: z.array(SideSchema),
        enemyStrongBelief: z.array(z.number()),
        strongType: z.array(z.boolean()),
        why: z.array(WhySchema),
        log: z.array(LogEntrySchema),
        supportLines: z
          .array(z.object({ patron: z.string(), recipient: z.string() }).strict())
          .describe('who supports whom (an injected aid change uses one of these)'),
      })
      .strict()
      .nullable()
      .describe('everything (facilitator only)'),
  })
  .strict();
export type RoleView = z.infer<typeof RoleViewSchema>;

const r4 = (x: number) => Math.round(x * 1e4) / 1e4;

function side(ex: Exercise, p: number): z.infer<typeof SideSchema> {
  const s = ex.state;
  return {
    support: r4(s.support[p]),
    supportForTalks: r4(s.supportForTalks[p]),
    casualties: Math.round(s.casualties[p]),
    monthlyCost: r4(s.cost[p]),
    reserves: r4(s.reserves[p]),
    aid: r4(s.aid[p]),
    strength: r4(s.strength[p]),
    escalating: s.effort[p] === 1,
    posture: CHANNEL_NAMES[s.posture[p]],
    acceptedMediators: ex.c.mediators.filter((_, m) => s.accepted[p] & (1 << m)).map((m) => m.id),
  };
}

function why(ex: Exercise, p: number): z.infer<typeof WhySchema> {
  const s = ex.state;
  return {
    chanceOfWinning: r4(s.pWin[p]),
    valueOfWar: r4(s.warValue[p]),
    leastItWouldAccept: r4(s.reservation[p]),
    ripeness: r4(s.readiness[p]),
    hurtingStalemate: r4(s.mhs[p]),
    commitmentProblem: s.commitmentGap[p] > 0,
    costOfConversation: r4(s.conversationCost[p]),
    audienceCostOfTalking: r4(s.talkAudienceCost[p]),
    benefitOfTalking: r4(s.talkBenefit[p]),
  };
}

const visible = (e: ExerciseEvent, role: string) =>
  role === 'facilitator' || e.to === 'all' || e.to.includes(role);

/** The view of role `roleId` ('facilitator' for everything). */
export function viewFor(ex: Exercise, roleId: string): RoleView {
  const s = ex.state;
  const c = ex.c;
  const facilitator = roleId === 'facilitator';
  const role = facilitator ? null : ex.role(roleId);
  const leader = role?.kind === 'leader' ? role.side! : -1;
  const m = role?.kind === 'mediator' ? c.mediators.findIndex((x) => x.id === role.id) : -1;
  // secret talks are known to the two sides until they leak
  const talksKnown =
    facilitator || leader >= 0 || s.talks[0] !== 1 || s.leaked[0] !== 0 ? s.talks[0] : 0;
  const byParty = (f: (p: number) => number) =>
    Object.fromEntries(c.partyIds.map((id, p) => [id, r4(f(p))]));
  return {
    role: roleId,
    kind: role?.kind ?? 'facilitator',
    month: ex.month,
    parties: ex.roles.map((r) => ({
      id: r.id,
      name: r.name,
      kind: r.kind,
      side: r.side === null ? null : r.side === 0 ? 'A' : 'B',
    })),
    horizonMonths: c.horizonMonths,
    finished: ex.finished,
    outcome: s.status[0] === Status.war ? 'ongoing' : ex.outcome(),
    front: { position: s.front[0], positions: c.K },
    talks: CHANNEL_NAMES[talksKnown],
    mediatorsPresent: c.mediators
      .filter((_, k) => s.mediatorsPresent[0] & (1 << k))
      .map((x) => x.id),
    own: leader >= 0 ? side(ex, leader) : null,
    beliefEnemyStrong: leader >= 0 ? r4(s.belief[leader]) : null,
    why: leader >= 0 ? why(ex, leader) : null,
    mediatorMeans:
      m >= 0
        ? {
            carrots: byParty(
              (p) => s.mediatorCarrotTalks[2 * m + p] + s.mediatorCarrotAgreement[2 * m + p],
            ),
            sticks: byParty((p) => s.mediatorStick[2 * m + p]),
          }
        : null,
    patronAid:
      role?.kind === 'patron'
        ? Object.fromEntries(
            c.lines.flatMap((l, k) =>
              l.patron === role.id ? [[c.partyIds[l.party], r4(s.lineAid[k])]] : [],
            ),
          )
        : null,
    patronConditions:
      role?.kind === 'patron'
        ? Object.fromEntries(
            c.lines.flatMap((l, k) =>
              l.patron === role.id
                ? [
                    [
                      c.partyIds[l.party],
                      {
                        minimumShare: r4(ex.lineConditions[k].minShare),
                        opposesTalks: ex.lineConditions[k].opposesTalks,
                      },
                    ],
                  ]
                : [],
            ),
          )
        : null,
    events: ex.events
      .filter((e) => visible(e, roleId))
      .map((e) => ({ month: e.month, kind: e.kind, text: e.text })),
    decisions: structuredClone(ex.log.filter((e) => e.role === roleId)),
    facilitator: facilitator
      ? {
          sides: [side(ex, 0), side(ex, 1)],
          enemyStrongBelief: [r4(s.belief[0]), r4(s.belief[1])],
          strongType: [s.strong[0] === 1, s.strong[1] === 1],
          why: [why(ex, 0), why(ex, 1)],
          log: structuredClone(ex.log),
          supportLines: c.lines.map((l) => ({ patron: l.patron, recipient: c.partyIds[l.party] })),
        }
      : null,
  };
}
