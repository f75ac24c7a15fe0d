/**
 * The scenario: the one input format Parley speaks. A war between two sides (A and B), each led
 * by one belligerent, with patrons behind them, mediators around them, back channels between
 * them, scheduled events, and the simulation settings. Every field has a unit and a default;
 * every uncertain number may be a distribution (see uncertain.ts).
 *
 * Structure follows the state of the monthly model (docs/model.md, "The world of one run");
 * cross-references between parties are checked in refs.ts.
 */
import { z } from 'zod';
import { LineSchema, TextSchema } from './text.ts';
import { MechanismParamsSchema } from './mechanismParams.ts';
import { uncertain } from './uncertain.ts';
import { checkReferencesLeniently } from './refs.ts';

const share = (def: number, describe: string) =>
  uncertain({ min: 0, max: 1, default: def, describe });
const month = z
  .number()
  .int()
  .min(0)
  .max(1200)
  .describe('months since the scenario start (0 = first month)');

export const IdSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'an id of lowercase letters, digits and dashes')
  .describe('identifier used to refer to this item elsewhere in the scenario');

export const DateSchema = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$/, 'a date like 2024-02 or 2024-02-24');

export const SideSchema = z.enum(['A', 'B']).describe('side of the war: A or B');
export const RegimeSchema = z
  .enum(['democracy', 'mixed', 'autocracy'])
  .describe('regime type (shapes audience costs and long-war fatigue; Bennett & Stam 1998)');

export const LeaderSchema = z
  .object({
    name: LineSchema(200).min(1).optional(),
    warAims: TextSchema(2000).optional().describe('the war aims as publicly stated, in words'),
    regime: RegimeSchema.default('autocracy'),
    hawkishness: share(
      0.5,
      'how costly it is for this leader to be seen talking, 0 dove to 1 hawk',
    ),
    audienceCost: uncertain({
      min: 0,
      max: 2,
      default: 0.3,
      describe:
        'a_i: weight of the domestic cost of settling below the stated war aim (share of stake per unit shortfall; Fearon 1994, Tomz 2007)',
    }),
  })
  .strict();

export const MilitarySchema = z
  .object({
    strength: uncertain({
      min: 0.01,
      max: 100,
      default: 1,
      describe: 'base fighting strength, relative to the enemy’s (a ratio scale)',
    }),
    strongTypeProbability: share(
      0.5,
      'chance that this side is in truth the strong type (its private information)',
    ),
    strongTypeAdvantage: uncertain({
      min: 1,
      max: 10,
      default: 1.6,
      describe: 'strength multiplier of the strong type over the weak type',
    }),
    monthlyCost: uncertain({
      min: 0,
      max: 0.5,
      default: 0.02,
      describe: 'c_i: cost of a month of war, as a share of the value of the stake',
    }),
    casualtiesPerMonth: uncertain({
      min: 0,
      max: 1e6,
      default: 2000,
      describe: 'battle deaths per month at normal effort (people)',
    }),
    reserves: share(0.5, 'mobilisable reserves left, 0 none to 1 full (consumed by escalation)'),
    escalationCapacity: share(
      0.5,
      'E_i: capacity to prolong, intensify or escalate the war (Mastro 2019), 0 none to 1 great',
    ),
  })
  .strict();

export const BeliefsSchema = z
  .object({
    enemyStrong: share(0.5, 'prior belief that the enemy is the strong type'),
    optimism: uncertain({
      min: -0.5,
      max: 0.5,
      default: 0,
      describe: 'optimism added to the leader’s own chance of winning (misperception)',
    }),
  })
  .strict();

export const OpinionSchema = z
  .object({
    supportForWar: share(0.6, 'share of the public supporting the war now'),
    supportForTalks: share(0.4, 'share of the public supporting talks with the enemy'),
    supportForConcessions: share(
      0.2,
      'share of the public accepting territorial or political concessions',
    ),
    casualtySensitivity: uncertain({
      min: 0,
      max: 10,
      default: 1,
      describe: 'multiplier on the fall of support with casualties (1 = typical)',
    }),
  })
  .strict();

export const AttentionShockSchema = z
  .object({
    month,
    drop: share(0.3, 'share of the aid diverted while the shock lasts (e.g. a competing crisis)'),
    durationMonths: z.number().int().min(1).max(600).default(6).describe('months the shock lasts'),
    reason: TextSchema(500).optional(),
  })
  .strict();

export const SupportLineSchema = z
  .object({
    patron: IdSchema.describe('id of a party with role patron'),
    level: uncertain({
      min: 0,
      max: 3,
      default: 0.5,
      describe: 'aid level: outside support as a share of the recipient’s own war effort',
    }),
    waningRate: share(0.01, 'monthly rate at which the aid wanes without new decisions'),
    fungible: z
      .boolean()
      .default(false)
      .describe('money or arms the recipient can use freely (Sawyer et al. 2017)'),
    attentionShocks: z.array(AttentionShockSchema).max(50).default([]),
    conditions: z
      .object({
        minimumShare: share(
          0,
          'the patron cuts support if the recipient settles for less than this share of the stake',
        ),
        opposesTalks: z.boolean().default(false).describe('the patron disapproves of talks'),
      })
      .strict()
      .prefault({}),
    note: TextSchema(1000).optional(),
  })
  .strict();

const PartyBase = {
  id: IdSchema,
  name: LineSchema(200).min(1),
  note: TextSchema(2000).optional(),
};

export const BelligerentSchema = z
  .object({
    ...PartyBase,
    role: z.literal('belligerent'),
    side: SideSchema,
    leader: LeaderSchema.prefault({}),
    military: MilitarySchema.prefault({}),
    beliefs: BeliefsSchema.prefault({}),
    opinion: OpinionSchema.prefault({}),
    support: z
      .array(SupportLineSchema)
      .max(20)
      .default([])
      .describe('outside support from patrons'),
    demobilisationShift: share(
      0,
      'fall in this side’s win chance if it disarms under a deal (Walter 1997)',
    ),
  })
  .strict();

export const PatronSchema = z
  .object({
    ...PartyBase,
    role: z.literal('patron'),
    side: SideSchema,
    regime: RegimeSchema.optional(),
  })
  .strict();

export const IncentiveKindSchema = z
  .enum(['reconstruction-aid', 'sanctions-relief', 'security-guarantee', 'recognition', 'other'])
  .describe('what the incentive is');

export const CarrotSchema = z
  .object({
    to: IdSchema.describe('id of the belligerent offered the carrot'),
    kind: IncentiveKindSchema.default('other'),
    size: share(0.05, 'value of the carrot, as a share of the value of the stake'),
    conditionalOn: z
      .enum(['talks', 'agreement'])
      .default('agreement')
      .describe('paid for opening talks or for signing'),
  })
  .strict();

export const StickSchema = z
  .object({
    on: IdSchema.describe('id of the belligerent threatened'),
    kind: z.enum(['sanctions', 'aid-cut', 'military-pressure', 'other']).default('other'),
    size: share(0.05, 'cost imposed for refusing, as a share of the value of the stake'),
  })
  .strict();

export const MediationSchema = z
  .object({
    bias: z
      .object({
        toward: z
          .union([IdSchema, z.literal('neutral')])
          .default('neutral')
          .describe('id of the belligerent the mediator is biased toward, or neutral'),
        strength: share(0.5, 'how strong the bias is, 0 none to 1 fully'),
        reason: TextSchema(1000).optional(),
      })
      .strict()
      .prefault({}),
    informationQuality: share(
      0.3,
      'ρ_M: quality of the mediator’s own information about both sides (Fey & Ramsay 2010)',
    ),
    offerMonth: month
      .nullable()
      .default(null)
      .describe('month the mediator offers its services; null = arrives at random'),
    arrivalRate: share(
      0,
      'monthly base rate of a stochastic offer, when offerMonth is null (Greig & Regan 2008)',
    ),
    confidential: z
      .boolean()
      .default(true)
      .describe('keeps what each side says from the other (Hörner, Morelli & Squintani 2015)'),
    style: z
      .enum(['facilitation', 'formulation', 'manipulation'])
      .default('facilitation')
      .describe('Beardsley et al. 2006'),
    guarantee: share(
      0,
      'g: third-party enforcement it brings (monitors, peacekeepers), 0 none to 1 full',
    ),
    carrots: z.array(CarrotSchema).max(20).default([]),
    sticks: z.array(StickSchema).max(20).default([]),
  })
  .strict();

export const MediatorSchema = z
  .object({
    ...PartyBase,
    role: z.literal('mediator'),
    kind: z.enum(['state', 'io', 'ngo', 'individual', 'religious']).default('state'),
    mediation: MediationSchema.prefault({}),
  })
  .strict();

export const PartySchema = z.discriminatedUnion('role', [
  BelligerentSchema,
  PatronSchema,
  MediatorSchema,
]);

export const FrontSchema = z
  .object({
    description: TextSchema(2000).optional().describe('what is contested'),
    positions: z
      .number()
      .int()
      .min(2)
      .max(100)
      .default(10)
      .describe('K: net battle wins between the two military victories'),
    balance: share(
      0.5,
      'where the front stands between B’s victory (0) and A’s victory (1); 0.5 = even',
    ),
    territoryHeldByA: share(0.5, 'share of the contested stake side A holds now'),
    demands: z
      .record(
        IdSchema,
        share(0.5, 'g_i: minimum share of the stake this belligerent publicly claims'),
      )
      .default({})
      .describe('publicly stated demands by belligerent id'),
  })
  .strict();

export const BackChannelSchema = z
  .object({
    id: IdSchema,
    via: IdSchema.optional().describe('id of a party hosting or carrying the channel, if any'),
    openFrom: month.default(0).describe('first month the channel is available'),
    participants: z
      .number()
      .int()
      .min(1)
      .max(1000)
      .default(4)
      .describe('people who know of the channel'),
    leakHazardPerParticipant: share(0.01, 'h_0: monthly leak hazard per participant'),
    note: TextSchema(1000).optional(),
  })
  .strict();

const event = <K extends string, S extends z.ZodRawShape>(kind: K, shape: S) =>
  z.object({ kind: z.literal(kind), month, note: TextSchema(1000).optional(), ...shape }).strict();

export const InterventionSchema = z.discriminatedUnion('kind', [
  event('aid-change', {
    recipient: IdSchema,
    patron: IdSchema,
    level: uncertain({ min: 0, max: 3, default: 0.5, describe: 'new aid level from this month' }),
  }),
  event('mediator-entry', { mediator: IdSchema }),
  event('incentive-offer', {
    from: IdSchema,
    to: IdSchema,
    incentive: IncentiveKindSchema.default('other'),
    size: share(0.05, 'value as a share of the stake'),
    conditionalOn: z.enum(['talks', 'agreement']).default('agreement'),
  }),
  event('ceasefire-proposal', {
    by: IdSchema,
    pressure: share(0.3, 'third-party pressure behind the proposal'),
  }),
  event('back-channel-open', { channel: IdSchema }),
  event('show-of-strength', {
    party: IdSchema,
    size: share(0.5, 'demonstrated strength added (an offensive, a successful defence)'),
  }),
]);

export const SettingsSchema = z
  .object({
    horizonMonths: z.number().int().min(1).max(600).default(120).describe('months simulated'),
    runs: z.number().int().min(1).max(1_000_000).default(2000).describe('Monte Carlo runs'),
    seed: z
      .number()
      .int()
      .min(0)
      .max(2 ** 32 - 1)
      .default(1)
      .describe('random seed (same seed, same result)'),
    explainMonth: month.default(0).describe('month for the "why" explanation'),
    startDate: DateSchema.optional().describe('calendar date of month 0 of the scenario'),
    warBegan: DateSchema.optional().describe(
      'when the war itself began (for analogues: how long it has lasted at month 0)',
    ),
  })
  .strict();

/**
 * The war as it stands at month 0, beyond its age (settings.warBegan): what a forecaster knows on
 * the forecast date. Optional; without it the war is taken as having no talks under way and no
 * contact known since it began.
 */
export const SituationSchema = z
  .object({
    lastContact: DateSchema.optional().describe(
      'date of the latest known contact between the sides (any channel); the contact clock restarts there',
    ),
    talksUnderWay: z
      .enum(['secret', 'mediated', 'public'])
      .optional()
      .describe('talks going on at month 0, and through which channel'),
    talksSince: DateSchema.optional().describe(
      'when the talks under way began (needs talksUnderWay and settings.startDate); months of talks so far build trust in a secret channel',
    ),
    inForce: z
      .object({
        kind: z
          .enum(['ceasefire', 'agreement'])
          .describe('a bare ceasefire, or a settlement of terms'),
        since: DateSchema.optional().describe('when it took effect'),
      })
      .strict()
      .optional()
      .describe(
        'a ceasefire or agreement in force on the forecast date: every run starts from it, and the forecast is whether it holds (relapse within mechanisms.durability.followUpMonths)',
      ),
  })
  .strict();

/**
 * A named variant of the scenario (an intervention to compare): an overlay deep-merged into the
 * scenario (objects merge; lists of items with an id, or support lines with a patron, merge by
 * that key; other lists replace). The merged scenario is validated again (src/analysis/variants.ts).
 */
export const VariantSchema = z
  .object({
    id: IdSchema,
    name: LineSchema(300).min(1),
    description: TextSchema(2000).optional(),
    overlay: z
      .record(z.string(), z.unknown())
      .describe('fields to change, in the shape of the scenario itself'),
  })
  .strict();

export const ScenarioSchema = z
  .object({
    $schema: z.string().max(2000).optional(),
    id: IdSchema,
    name: LineSchema(300).min(1),
    description: TextSchema(10_000).optional(),
    type: z
      .enum(['interstate', 'civil', 'internationalized-civil', 'extra-state'])
      .default('interstate'),
    sources: z
      .array(z.object({ title: LineSchema(500), url: z.url().max(2000).optional() }).strict())
      .max(100)
      .default([]),
    parties: z.array(PartySchema).min(2).max(40),
    front: FrontSchema.prefault({}),
    backChannels: z.array(BackChannelSchema).max(20).default([]),
    interventions: z.array(InterventionSchema).max(500).default([]),
    situation: SituationSchema.optional(),
    settings: SettingsSchema.prefault({}),
    mechanisms: MechanismParamsSchema,
    variants: z
      .array(VariantSchema)
      .max(50)
      .optional()
      .describe('interventions to compare with `parley compare` (common random numbers)'),
  })
  .strict()
  // cross-references are checked even when other fields failed, so every problem is reported at once
  .superRefine(checkReferencesLeniently, {
    when: (payload) => typeof payload.value === 'object' && payload.value !== null,
  });

export type Scenario = z.infer<typeof ScenarioSchema>;
export type ScenarioInput = z.input<typeof ScenarioSchema>;
export type Party = z.infer<typeof PartySchema>;
export type Belligerent = z.infer<typeof BelligerentSchema>;
export type Patron = z.infer<typeof PatronSchema>;
export type Mediator = z.infer<typeof MediatorSchema>;
export type Intervention = z.infer<typeof InterventionSchema>;
export type BackChannel = z.infer<typeof BackChannelSchema>;
export type Variant = z.infer<typeof VariantSchema>;
