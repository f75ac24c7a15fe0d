/**
 * The historical case schema: one war or peace process per file in data/cases/<id>.yaml.
 * Source: the fields follow issue 4 and the coding vocabularies of the standard datasets the
 * cases are cross-checked against (COW war data, Sarkees & Wayman 2010; UCDP/PRIO ACD and the
 * UCDP Conflict Termination Dataset, Kreutz 2010; mediation strategy and mediator kinds after
 * Bercovitch's typology as used by ICB and CWM, DeRouen, Bercovitch & Pospieszna 2011).
 * Conventions that are design choices are marked where they are defined.
 */
import { z } from 'zod';
import { sourceProblems } from './caseSources.ts';

/** A kebab-case id, equal to the file name without `.yaml`. */
export const CaseIdSchema = z
  .string()
  .regex(
    /^[a-z0-9]+(?:-[a-z0-9]+)*$/,
    'expected a kebab-case id such as "russo-japanese-war-1904"',
  );

export const DatePrecisionSchema = z.enum(['day', 'month', 'year']);
export type DatePrecision = z.infer<typeof DatePrecisionSchema>;

const ISO_PARTIAL = /^(\d{4})(?:-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01]))?)?$/;

/**
 * The `id`s of the case's `sources` entries that contain a fact (one id or several). Issue 17:
 * every dated fact names the source that contains it; docs/history.md states the rules.
 */
export const SourceRefSchema = z
  .union([z.string().min(1), z.array(z.string().min(1)).min(1)])
  .describe('id(s) of the entries of `sources` that contain this fact');
export type SourceRef = z.infer<typeof SourceRefSchema>;

/**
 * A date with its precision. `date` is ISO `YYYY-MM-DD`, `YYYY-MM` or `YYYY`; it must carry at
 * least the parts its precision claims (a month-precision date needs `YYYY-MM`). Extra parts are
 * allowed and ignored beyond the precision.
 */
export const DatedSchema = z
  .object({
    date: z
      .preprocess(
        (v) => (typeof v === 'number' && Number.isInteger(v) ? String(v) : v),
        z.string().regex(ISO_PARTIAL, 'expected an ISO date: YYYY-MM-DD, YYYY-MM or YYYY'),
      )
      .describe('ISO date; partial dates allowed (YYYY-MM, YYYY; a bare year may be unquoted)'),
    precision: DatePrecisionSchema.describe('how exact the date is: day, month or year'),
    source: SourceRefSchema.optional().describe(
      'for start, end and resumedOn: the source(s) giving this date',
    ),
  })
  .strict()
  .superRefine((d, ctx) => {
    const m = ISO_PARTIAL.exec(d.date);
    if (!m) return;
    const parts = m[3] ? 3 : m[2] ? 2 : 1;
    const needed = d.precision === 'day' ? 3 : d.precision === 'month' ? 2 : 1;
    if (parts < needed) {
      ctx.addIssue({
        code: 'custom',
        path: ['date'],
        message: `precision "${d.precision}" needs a date with ${needed === 3 ? 'YYYY-MM-DD' : 'YYYY-MM'}, found "${d.date}"`,
      });
    }
    if (m[3]) {
      const y = Number(m[1]);
      const mo = Number(m[2]);
      const day = Number(m[3]);
      const last = new Date(Date.UTC(y, mo, 0)).getUTCDate();
      if (day > last)
        ctx.addIssue({ code: 'custom', path: ['date'], message: `no such day: "${d.date}"` });
    }
  });
export type Dated = z.infer<typeof DatedSchema>;

export const CaseTypeSchema = z.enum([
  'interstate',
  'civil',
  'internationalized-civil',
  'extra-state',
]);
export type CaseType = z.infer<typeof CaseTypeSchema>;

/** Design choice: in civil and internationalized-civil cases side `a` is the government (as in UCDP and COW). */
export const SideSchema = z.enum(['a', 'b']);
export type Side = z.infer<typeof SideSchema>;

export const RegionSchema = z.enum([
  'europe',
  'middle-east',
  'asia',
  'africa',
  'americas',
  'oceania',
]);

export const SupportKindSchema = z.enum([
  'troops',
  'arms',
  'money',
  'advisers',
  'intelligence',
  'sanctuary',
  'diplomatic',
  'volunteers',
]);

export const PatronSchema = z
  .object({
    name: z.string().min(1),
    support: z.array(SupportKindSchema).min(1).describe('kinds of support given'),
  })
  .strict();
export type Patron = z.infer<typeof PatronSchema>;

export const BelligerentSchema = z
  .object({
    name: z.string().min(1),
    side: SideSchema,
    role: z
      .enum(['primary', 'secondary'])
      .default('primary')
      .describe('secondary = joined in support of a primary'),
    cowCode: z.number().int().positive().optional().describe('COW state code (ccode), for states'),
    ucdpActorId: z.number().int().positive().optional(),
    patrons: z
      .array(PatronSchema)
      .default([])
      .describe('outside states or groups backing this belligerent without fighting'),
  })
  .strict();
export type Belligerent = z.infer<typeof BelligerentSchema>;

/** Polity-style regime class of the main belligerent on a side; `non-state` for rebels, `colonial` for a colonial administration. */
export const RegimeSchema = z.enum(['democracy', 'anocracy', 'autocracy', 'non-state', 'colonial']);
export type Regime = z.infer<typeof RegimeSchema>;

export const StakeSchema = z.enum([
  'territory',
  'secession',
  'autonomy',
  'independence',
  'government',
  'regime-change',
  'resources',
  'ideology',
  'ethnic-religious',
  'regional-influence',
]);
export type Stake = z.infer<typeof StakeSchema>;

export const SupportLevelSchema = z.enum(['none', 'limited', 'substantial', 'decisive']);
export type SupportLevel = z.infer<typeof SupportLevelSchema>;

export const SupportChangeSchema = z
  .object({
    date: DatedSchema,
    side: SideSchema.describe('the side whose outside support changed'),
    change: z.enum(['started', 'increased', 'decreased', 'ended']),
    by: z.string().min(1).optional().describe('the patron whose support changed'),
    description: z.string().min(1),
  })
  .strict();

export const OutsideSupportSchema = z
  .object({
    sideA: SupportLevelSchema.describe('outside support to side a while the war was fought'),
    sideB: SupportLevelSchema,
    changes: z.array(SupportChangeSchema).default([]),
  })
  .strict();
export type OutsideSupport = z.infer<typeof OutsideSupportSchema>;

export const MediatorKindSchema = z.enum(['state', 'io', 'ngo', 'individual', 'religious']);
export type MediatorKind = z.infer<typeof MediatorKindSchema>;

/** Leverage a mediator brought to bear (Bercovitch's "manipulative" tools); empty = pure facilitation. */
export const LeverageSchema = z.enum([
  'diplomatic-pressure',
  'economic-incentives',
  'aid-conditionality',
  'sanctions',
  'security-guarantees',
  'peacekeepers',
  'military-threat',
  'military-force',
]);
export type Leverage = z.infer<typeof LeverageSchema>;

const eventBase = {
  date: DatedSchema,
  endDate: DatedSchema.optional().describe(
    'when the event (talks, mediation) ended, if it spans time',
  ),
  summary: z.string().min(1).describe('one or two sentences in our own words'),
  preWar: z
    .boolean()
    .optional()
    .describe(
      'the event happened before the war began: recorded for context, left out of time-to-talks lags (docs/history.md). An event surely before the start counts as pre-war even unmarked; the case base marks it',
    ),
  source: SourceRefSchema.optional().describe('the source(s) giving the event and its dates'),
};

/** A contact or a round of talks: who took part and where, both optional. */
const contactEvent = <K extends string>(kind: K) =>
  z
    .object({
      kind: z.literal(kind),
      ...eventBase,
      who: z.array(z.string().min(1)).default([]),
      where: z.string().min(1).optional(),
    })
    .strict();

/**
 * A secret channel became public against the will of at least one party (a press report, a
 * disclosure by a third party or by one side). Issue 17 asks how often secret channels leaked and
 * what followed; only the sources' word counts, so absence means "no leak recorded", not "kept".
 */
export const LeakSchema = z
  .object({
    date: DatedSchema,
    summary: z.string().min(1).describe('how it became known and what followed, in our own words'),
    source: SourceRefSchema.optional().describe('the source(s) saying the channel leaked'),
  })
  .strict();
export type Leak = z.infer<typeof LeakSchema>;

const leaked = LeakSchema.optional().describe(
  "set when the secret channel became public against a party's will (optional)",
);

export const SecretContactEventSchema = z
  .object({
    kind: z.literal('secret-contact'),
    ...eventBase,
    who: z.array(z.string().min(1)).default([]),
    where: z.string().min(1).optional(),
    leaked,
  })
  .strict();

export const BackChannelEventSchema = z
  .object({
    kind: z.literal('back-channel'),
    ...eventBase,
    who: z.array(z.string().min(1)).min(1).describe('the envoys or intermediaries'),
    where: z.string().min(1).describe('place(s) the channel met'),
    leaked,
  })
  .strict();

export const PublicTalksEventSchema = contactEvent('public-talks');

export const MediationEventSchema = z
  .object({
    kind: z.literal('mediation'),
    ...eventBase,
    mediator: z.string().min(1),
    mediatorKind: MediatorKindSchema,
    bias: z
      .object({
        toward: z.enum(['a', 'b', 'neutral']),
        reason: z
          .string()
          .min(1)
          .describe('why we code it so (alliance, kinship, stated position...)'),
      })
      .strict(),
    strategy: z
      .enum(['facilitation', 'formulation', 'manipulation'])
      .describe('most intense strategy used (Bercovitch; as in ICB medstyle)'),
    leverage: z.array(LeverageSchema).default([]),
    incentives: z
      .array(z.string().min(1))
      .default([])
      .describe('what was offered: aid, recognition, reconstruction money...'),
    result: z.enum(['agreement', 'ceasefire', 'talks-only', 'failed', 'ongoing']),
  })
  .strict();

export const CeasefireEventSchema = z
  .object({
    kind: z.literal('ceasefire'),
    ...eventBase,
    mediated: z.boolean().describe('a third party helped negotiate it'),
    held: z
      .boolean()
      .nullable()
      .describe(
        'did it hold for at least a year? false = failed (broke down within a year); null = unknown or too recent',
      ),
    scope: z
      .enum(['general', 'local', 'humanitarian'])
      .optional()
      .describe(
        'general (the whole war; the default when absent), local (one front or area) or humanitarian (a pause for aid or evacuation)',
      ),
  })
  .strict();

export const AgreementTypeSchema = z.enum(['ceasefire', 'armistice', 'framework', 'comprehensive']);
export type AgreementType = z.infer<typeof AgreementTypeSchema>;

export const AgreementEventSchema = z
  .object({
    kind: z.literal('agreement'),
    ...eventBase,
    name: z.string().min(1),
    agreementType: AgreementTypeSchema,
    guarantors: z
      .array(z.string().min(1))
      .default([])
      .describe('third parties formally guaranteeing it'),
    peacekeepers: z
      .boolean()
      .default(false)
      .describe('an outside force deployed to monitor or enforce it'),
    ucdpPeaceAgreementId: z.number().int().positive().optional(),
    paxId: z.number().int().positive().optional(),
    datedAt: z
      .enum(['signature', 'initialling', 'announcement', 'entry-into-force'])
      .optional()
      .describe(
        'which act `date` records; absent = signature (the rule). Anything else is marked here',
      ),
  })
  .strict();

export const BreakdownEventSchema = z
  .object({ kind: z.literal('breakdown'), ...eventBase })
  .strict()
  .describe('talks, a ceasefire or an agreement collapsed');

export const OtherEventSchema = z.object({ kind: z.literal('other'), ...eventBase }).strict();

export const NegotiationEventSchema = z.discriminatedUnion('kind', [
  SecretContactEventSchema,
  BackChannelEventSchema,
  PublicTalksEventSchema,
  MediationEventSchema,
  CeasefireEventSchema,
  AgreementEventSchema,
  BreakdownEventSchema,
  OtherEventSchema,
]);
export type NegotiationEvent = z.infer<typeof NegotiationEventSchema>;
export type NegotiationEventKind = NegotiationEvent['kind'];
export type MediationEvent = z.infer<typeof MediationEventSchema>;
export type AgreementEvent = z.infer<typeof AgreementEventSchema>;

export const BattlefieldSchema = z.enum([
  'stalemate',
  'momentum-side-a',
  'momentum-side-b',
  'unclear',
]);
export type Battlefield = z.infer<typeof BattlefieldSchema>;

export const OutcomeSchema = z.enum([
  'victory-side-a',
  'victory-side-b',
  'negotiated-settlement',
  'ceasefire-frozen',
  'petered-out',
  'ongoing',
]);
export type Outcome = z.infer<typeof OutcomeSchema>;

export const DurabilitySchema = z
  .object({
    resumedWithin2y: z
      .boolean()
      .nullable()
      .describe('war resumed within 2 years of the end; null = not yet observable'),
    resumedWithin5y: z.boolean().nullable(),
    resumedWithin10y: z.boolean().nullable(),
    resumedOn: DatedSchema.nullable().describe('when fighting resumed; null if it did not'),
    observedTo: DatedSchema.optional().describe(
      'the last date the cited sources cover; a window closing later stays null. Absent = the review date (caseRules.ts)',
    ),
    source: SourceRefSchema.optional().describe(
      'the source(s) showing whether and when fighting resumed',
    ),
  })
  .strict()
  .superRefine((d, ctx) => {
    const seq = [d.resumedWithin2y, d.resumedWithin5y, d.resumedWithin10y];
    for (let i = 0; i < 2; i++) {
      if (seq[i] === true && seq[i + 1] === false) {
        ctx.addIssue({
          code: 'custom',
          path: [['resumedWithin5y', 'resumedWithin10y'][i]],
          message: 'resumed within a shorter window implies resumed within a longer one',
        });
      }
    }
    if (seq.some((v) => v === true) && d.resumedOn === null) {
      ctx.addIssue({
        code: 'custom',
        path: ['resumedOn'],
        message: 'give the date fighting resumed',
      });
    }
  });
export type Durability = z.infer<typeof DurabilitySchema>;

export const CasualtiesSchema = z
  .object({
    battleDeaths: z
      .number()
      .int()
      .nonnegative()
      .describe('best estimate of battle deaths, all sides'),
    low: z.number().int().nonnegative().optional(),
    high: z.number().int().nonnegative().optional(),
    basis: z.string().min(1).optional().describe('which source/dataset the estimate comes from'),
  })
  .strict();

export const SourceSchema = z
  .object({
    id: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]*$/, 'expected a short kebab-case id such as "ucdp" or "frus-1946"')
      .optional()
      .describe('how facts cite this source (their `source` keys)'),
    publisher: z.string().min(1),
    title: z.string().min(1),
    url: z.url(),
    dataset: z
      .enum(['cow', 'ucdp'])
      .optional()
      .describe(
        "a dataset's landing page: it supports only the dataset's own fields (start, end, durability), not negotiation events",
      ),
  })
  .strict();
export type Source = z.infer<typeof SourceSchema>;

/** The cross-check fields an annotation may excuse (see test/history/crossCheck.test.ts). */
export const AnnotationFieldSchema = z.enum([
  'start',
  'end',
  'belligerents',
  'type',
  'ucdp-conflict',
  'ucdp-years',
  'ucdp-outcome',
  'cow-war',
  'casualties',
  'other',
]);
export type AnnotationField = z.infer<typeof AnnotationFieldSchema>;

export const AnnotationSchema = z
  .object({
    field: AnnotationFieldSchema,
    dataset: z.enum(['cow', 'ucdp', 'icb', 'other']).optional(),
    reason: z.string().min(10).describe('why our coding differs from the dataset'),
  })
  .strict();
export type Annotation = z.infer<typeof AnnotationSchema>;

/**
 * The strands of contact a complete timeline covers (issue 17, item 3). A reviewed case either
 * holds at least one event of each strand or says that the record searched holds none.
 */
export const StrandSchema = z.enum(['mediation', 'secret', 'ceasefire', 'public-talks']);
export type Strand = z.infer<typeof StrandSchema>;

/** Which timeline events make up each strand. */
export const STRAND_EVENTS: Readonly<Record<Strand, (e: NegotiationEvent) => boolean>> = {
  mediation: (e) => e.kind === 'mediation',
  secret: (e) => e.kind === 'secret-contact' || e.kind === 'back-channel',
  ceasefire: (e) =>
    e.kind === 'ceasefire' ||
    (e.kind === 'agreement' &&
      (e.agreementType === 'ceasefire' || e.agreementType === 'armistice')),
  'public-talks': (e) => e.kind === 'public-talks',
};

export const ReviewSchema = z
  .object({
    reviewed: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected the review date as YYYY-MM-DD')
      .describe('when the timeline was last searched for missing strands'),
    searched: z
      .array(z.string().min(3))
      .min(1)
      .describe(
        'what was searched: source ids of this case, archives or collections (FRUS, UN Peacemaker, PA-X...) or search terms',
      ),
    none: z
      .array(StrandSchema)
      .default([])
      .describe(
        'strands the searched record holds nothing for (no event of that strand is listed)',
      ),
    note: z.string().min(1).optional().describe('what the record lacks or leaves uncertain'),
  })
  .strict();
export type Review = z.infer<typeof ReviewSchema>;

export const CaseSchema = z
  .object({
    id: CaseIdSchema,
    name: z.string().min(1),
    type: CaseTypeSchema,
    region: RegionSchema.optional(),
    belligerents: z.array(BelligerentSchema).min(2),
    start: DatedSchema,
    end: DatedSchema.nullable().describe('null while the war is ongoing'),
    cowWarNumbers: z.array(z.number().int().positive()).default([]),
    ucdpConflictIds: z.array(z.number().int().positive()).default([]),
    ucdpDyadIds: z.array(z.number().int().positive()).default([]),
    regimes: z.object({ sideA: RegimeSchema, sideB: RegimeSchema }).strict(),
    stakes: z.array(StakeSchema).min(1),
    outsideSupport: OutsideSupportSchema,
    timeline: z
      .array(NegotiationEventSchema)
      .default([])
      .describe('negotiation events, in date order'),
    battlefieldAtTalks: BattlefieldSchema.nullable().describe(
      'when talks first opened; null if there never were talks',
    ),
    outcome: OutcomeSchema,
    durability: DurabilitySchema.nullable().describe('null when the outcome is ongoing'),
    casualties: CasualtiesSchema.optional(),
    lessons: z.array(z.string().min(1)).min(2).max(4),
    sources: z.array(SourceSchema).min(2),
    annotations: z.array(AnnotationSchema).default([]),
    notes: z.string().optional(),
    audited: z
      .boolean()
      .optional()
      .describe('every dated fact names the source containing it, and validation enforces it'),
    review: ReviewSchema.optional().describe(
      'the search for a complete timeline: what was searched and which strands it found nothing for',
    ),
  })
  .strict()
  .superRefine((c, ctx) => {
    for (const p of sourceProblems(c))
      ctx.addIssue({ code: 'custom', path: p.path, message: p.message });
    for (const [i, e] of c.timeline.entries()) {
      if (e.preWar === true && !(datedRange(e.date)[0] < datedRange(c.start)[0]))
        ctx.addIssue({
          code: 'custom',
          path: ['timeline', i, 'preWar'],
          message: `preWar, but the event (${e.date.date}) cannot lie before the war began (${c.start.date})`,
        });
    }
    const sides = new Set(c.belligerents.map((b) => b.side));
    if (!sides.has('a') || !sides.has('b')) {
      ctx.addIssue({
        code: 'custom',
        path: ['belligerents'],
        message: 'need at least one belligerent on side a and one on side b',
      });
    }
    if (c.end && surelyBefore(c.end, c.start)) {
      ctx.addIssue({
        code: 'custom',
        path: ['end', 'date'],
        message: `end ${c.end.date} is before start ${c.start.date}`,
      });
    }
    if ((c.end === null) !== (c.outcome === 'ongoing')) {
      ctx.addIssue({
        code: 'custom',
        path: ['outcome'],
        message: 'outcome "ongoing" goes with end: null, and only with it',
      });
    }
    if (c.outcome !== 'ongoing' && c.durability === null) {
      ctx.addIssue({
        code: 'custom',
        path: ['durability'],
        message: 'durability is required once the war has ended',
      });
    }
    for (let i = 1; i < c.timeline.length; i++) {
      if (surelyBefore(c.timeline[i].date, c.timeline[i - 1].date)) {
        ctx.addIssue({
          code: 'custom',
          path: ['timeline', i, 'date'],
          message: `events must be in date order: ${c.timeline[i].date.date} comes before ${c.timeline[i - 1].date.date}`,
        });
      }
    }
    if (c.review) {
      for (const strand of StrandSchema.options) {
        const held = c.timeline.some(STRAND_EVENTS[strand]);
        const none = c.review.none.includes(strand);
        if (held === none)
          ctx.addIssue({
            code: 'custom',
            path: ['review', 'none'],
            message: held
              ? `"${strand}" is listed as absent from the record, but the timeline has such an event`
              : `the timeline has no "${strand}" event: add what the record holds, or list "${strand}" under review.none`,
          });
      }
    }
    const talks = c.timeline.some((e) => e.kind !== 'other' && e.kind !== 'breakdown');
    if (talks && c.battlefieldAtTalks === null) {
      ctx.addIssue({
        code: 'custom',
        path: ['battlefieldAtTalks'],
        message: 'the timeline has talks, so code the battlefield when they opened',
      });
    }
  });
export type Case = z.infer<typeof CaseSchema>;
/** The shape as written in a YAML file (defaults not yet applied). */
export type CaseInput = z.input<typeof CaseSchema>;

/** Parses the date parts of a Dated, truncated to its precision. */
export function datedParts(d: Dated): { year: number; month: number | null; day: number | null } {
  const m = ISO_PARTIAL.exec(d.date);
  if (!m) throw new Error(`invalid date: ${d.date}`);
  const year = Number(m[1]);
  const month = d.precision !== 'year' && m[2] ? Number(m[2]) : null;
  const day = d.precision === 'day' && m[3] ? Number(m[3]) : null;
  return { year, month, day };
}

const MS_PER_YEAR = 365.2425 * 86_400_000;
const toYears = (ms: number): number => 1970 + ms / MS_PER_YEAR;

/** The window [earliest, latest) a dated value may stand for, in decimal years. */
export function datedRange(d: Dated): [number, number] {
  const { year, month, day } = datedParts(d);
  if (month === null) return [toYears(Date.UTC(year, 0, 1)), toYears(Date.UTC(year + 1, 0, 1))];
  if (day === null)
    return [toYears(Date.UTC(year, month - 1, 1)), toYears(Date.UTC(year, month, 1))];
  return [toYears(Date.UTC(year, month - 1, day)), toYears(Date.UTC(year, month - 1, day + 1))];
}

/** Decimal year at the middle of the precision window (mid-year for year precision, mid-month for month). */
export function datedToYear(d: Dated): number {
  const [lo, hi] = datedRange(d);
  return (lo + hi) / 2;
}

/**
 * An event before the war began (docs/history.md): marked `preWar`, or dated surely before the
 * start, so files written before the flag existed read the same.
 */
export const isPreWar = (e: { date: Dated; preWar?: boolean }, start: Dated): boolean =>
  e.preWar === true || surelyBefore(e.date, start);

/** True only when `a` is before `b` whatever the imprecision of either (the windows do not overlap). */
export function surelyBefore(a: Dated, b: Dated): boolean {
  return datedRange(a)[1] <= datedRange(b)[0] + 1e-9;
}

/** Orders two dated values by their midpoints. */
export function compareDated(a: Dated, b: Dated): number {
  return datedToYear(a) - datedToYear(b);
}

/** Months between two dated values (midpoint to midpoint), never negative. */
export function monthsBetween(from: Dated, to: Dated): number {
  return Math.max(0, (datedToYear(to) - datedToYear(from)) * 12);
}
