/**
 * Every tunable number of the engine, grouped by mechanism, with its default, unit and source.
 * A scenario may override any of them under `mechanisms.<name>`; `enabled: false` switches a
 * mechanism off for ablation (the engine then uses the neutral behaviour stated in its file).
 *
 * The schema is the only place these parameters are documented (see docs/model.md for the prose).
 */
import { z } from 'zod';
import calibratedDefaults from './calibratedDefaults.json' with { type: 'json' };
import contactDefaults from './contactDefaults.json' with { type: 'json' };
import durabilityDefaults from './durabilityDefaults.json' with { type: 'json' };

const p = (min: number, max: number, def: number, describe: string) =>
  z.number().min(min).max(max).default(def).describe(`${describe} (default ${def})`);

/** A number parameter whose default was fitted to history (`fitted`) or else the design value. */
const fittedParam = (
  min: number,
  max: number,
  fitted: number | undefined,
  design: number,
  describe: string,
  provenance: string,
) => {
  const def =
    typeof fitted === 'number' && Number.isFinite(fitted) ? Number(fitted.toPrecision(3)) : design;
  return z
    .number()
    .min(min)
    .max(max)
    .default(def)
    .describe(`${describe} (default ${def}, ${provenance}; design value ${design})`);
};
/**
 * A default fitted to history by `parley calibrate` (simulated method of moments against COW
 * inter-state durations and outcomes and UCDP termination shares; provenance and fit figures in
 * src/model/calibratedDefaults.json). `design` is the value the literature and design chose.
 */
const pc = (
  min: number,
  max: number,
  mechanism: string,
  name: string,
  design: number,
  describe: string,
) =>
  fittedParam(
    min,
    max,
    (calibratedDefaults.engine as Record<string, Record<string, number> | undefined>)[mechanism]?.[
      name
    ],
    design,
    describe,
    'calibrated to history: src/model/calibratedDefaults.json',
  );
/**
 * A default of a mechanism chosen on the training fold of the case base's time split by
 * `parley backtest --target contact|relapse --split time --write-defaults`, read from the file it
 * wrote (src/model/contactDefaults.json, src/model/durabilityDefaults.json).
 */
const fittedOnCases =
  <G extends Record<string, number>>(group: G, file: string) =>
  (min: number, max: number, name: keyof G & string, design: number, describe: string) =>
    fittedParam(
      min,
      max,
      group[name],
      design,
      describe,
      `fitted on the case base's training fold: src/model/${file}`,
    );
const fittedContact = fittedOnCases(contactDefaults.contact, 'contactDefaults.json');
const fittedDurability = fittedOnCases(durabilityDefaults.durability, 'durabilityDefaults.json');
const on = z.boolean().default(true).describe('switch the mechanism on or off (ablation)');

/** Battles move the front (Slantchev 2003; Filson & Werner 2002): a contest-success function. */
export const BattleParamsSchema = z
  .object({
    enabled: on,
    drawProbability: pc(
      0,
      0.9,
      'battle',
      'drawProbability',
      0.3,
      'probability a month of fighting moves the front neither way',
    ),
    tempoSpread: pc(
      0,
      4,
      'battle',
      'tempoSpread',
      0,
      'σ of a per-run shift of the draw probability on the logit scale: some wars settle into static fronts, others stay wars of movement (unobserved heterogeneity, Vaupel et al. 1979; 0 = every run shares drawProbability)',
    ),
    decisiveRate: pc(
      0,
      1,
      'battle',
      'decisiveRate',
      0,
      'chance that a month whose battle moves the front is decisive and ends the war for its winner, at onset, for evenly matched sides (Filson & Werner 2002: each battle may end the war; 0 = only the front ends wars)',
    ),
    decisiveDecayMonths: pc(
      1,
      240,
      'battle',
      'decisiveDecayMonths',
      12,
      'τ: the decisive chance falls as exp(−months of war / τ): opening campaigns decide wars, later fighting turns to attrition (design choice; with the tempo spread the war as a whole keeps little duration dependence, as Bennett & Stam 1996 find)',
    ),
    decisiveCivilFactor: pc(
      0,
      1,
      'battle',
      'decisiveCivilFactor',
      0.5,
      'multiplier of the decisive chance in civil and internationalized civil wars (scenario type): insurgents avoid the decisive battle a state army seeks (Mack 1975; Kalyvas & Balcells 2010)',
    ),
    postwarVictoryShare: pc(
      0,
      1,
      'battle',
      'postwarVictoryShare',
      1,
      'share of decisive months that end in a victory in inter-state wars begun after 1945 (settings.warBegan or startDate; a scenario without dates counts as today); the others end in a ceasefire imposed from outside: since the norm against conquest, outside powers halt a war one side is winning (Zacher 2001; Fazal 2007; Werner & Yuen 2005)',
    ),
    decisiveSpread: pc(
      0,
      4,
      'battle',
      'decisiveSpread',
      0,
      'σ of a per-run multiplier exp(σ·z − σ²/2) of the decisive chance: some wars are decided in a first blow, others never meet a decisive battle (unobserved heterogeneity, Vaupel et al. 1979; 0 = every run shares decisiveRate)',
    ),
    decisiveImbalanceEffect: p(
      0,
      10,
      2,
      "κ_d: the decisive chance is multiplied by exp(κ_d·(|2q − 1| − ½)), q the month's contest chance: lopsided contests end sooner (capabilities shape war duration, Bennett & Stam 1996; the form and value are design choices)",
    ),
    escalationBoost: p(0, 3, 0.5, 'η_e: strength multiplier gain when a side escalates'),
    aidBoost: p(0, 3, 0.6, 'η_P: strength gain per unit of outside aid level'),
    strengthMemory: p(0, 1, 0.7, 'monthly persistence of demonstrated strength Str (EWMA weight)'),
    escalationReserveUse: p(0, 1, 0.08, 'share of reserves consumed per month of escalation'),
    escalationCasualties: p(
      0,
      5,
      0.8,
      'extra casualties per month of escalation, as a share of the base rate',
    ),
  })
  .strict()
  .prefault({});

/** Bayesian learning about the enemy's type from battles (Filson & Werner 2002; Shirkey 2016). */
export const BeliefParamsSchema = z
  .object({
    enabled: on,
    fungibleAidNoise: p(
      0,
      1,
      0.08,
      'χ: monthly pull of the enemy belief toward 0.5 per unit of fungible aid (Sawyer et al. 2017)',
    ),
    newInformationRate: p(
      0,
      0.2,
      0.01,
      'monthly hazard that a side creates new private information (type redrawn; Shirkey 2016)',
    ),
  })
  .strict()
  .prefault({});

/** Costs, casualties and public support (Mueller 1973; Gartner 2008; Gelpi, Feaver & Reifler 2005; Bennett & Stam 1998). */
export const DomesticParamsSchema = z
  .object({
    enabled: on,
    casualtyEffect: p(
      0,
      1,
      0.04,
      'α_1: fall in support per unit rise of ln(1 + cumulative casualties in thousands)',
    ),
    trendEffect: p(0, 1, 0.02, 'α_2: fall in support when monthly casualties are rising'),
    successEffect: p(0, 1, 0.015, 'α_3: rise in support per battle won (expected success)'),
    supportFloorForCollapse: p(0, 1, 0.12, 'support below which the side risks collapse'),
    collapseHazard: p(0, 1, 0.05, 'monthly collapse probability while support is below the floor'),
    democracyFatigueMonth: p(
      0,
      240,
      18,
      'month after which democracies grow more cost-sensitive (Bennett & Stam 1998)',
    ),
    democracyFatigueFactor: p(0, 5, 0.5, 'extra cost weight for democracies after that month'),
    hawkishPublicAudience: p(
      0,
      2,
      1,
      'how strongly audience costs scale with support for the war (design choice)',
    ),
  })
  .strict()
  .prefault({});

/** Outside support: waning, attention shocks, subsidy and escalation headroom (Sawyer, Cunningham & Reed 2017; dynamics are design choices, docs/model.md). */
export const SupportParamsSchema = z
  .object({
    enabled: on,
    costSubsidy: p(0, 1, 0.5, 'share of monthly cost carried by the patron per unit of aid'),
    capacityFromAid: p(0, 2, 0.5, 'escalation headroom added per unit of aid'),
    anticipation: z
      .boolean()
      .default(true)
      .describe(
        'leaders value the war with the aid they expect over the commitment look-ahead (mean of now and then), so a side waits for its enemy’s aid to wane',
      ),
  })
  .strict()
  .prefault({});

/** Reservation values, offers and screening (Fearon 1995; Powell 2004; Slantchev 2003). */
export const BargainingParamsSchema = z
  .object({
    enabled: on,
    acceptanceNoise: p(
      0.001,
      0.5,
      0.04,
      'scale of logistic noise in the responder’s acceptance (quantal response)',
    ),
    screening: z
      .boolean()
      .default(true)
      .describe('proposers learn from rejected offers (Powell 2004)'),
    multipleMediatorNoise: p(
      0,
      5,
      0.5,
      'extra acceptance noise per additional mediator (Beardsley 2011)',
    ),
    ceasefireRate: pc(
      0,
      1,
      'bargaining',
      'ceasefireRate',
      0.06,
      'monthly chance that open talks yield a bare ceasefire without settling terms, when the stalemate S = √(MHS_A·MHS_B) is ½',
    ),
    postwarCeasefireFactor: pc(
      0,
      20,
      'bargaining',
      'postwarCeasefireFactor',
      1,
      'multiplier of the ceasefire rate in inter-state wars begun after 1945 (settings.warBegan or startDate; a scenario without dates counts as today): UN ceasefire diplomacy and the norm against conquest end such wars in a halt more often than in a victory (Fortna 2004; Fazal 2007)',
    ),
    civilCeasefireFactor: pc(
      0,
      20,
      'bargaining',
      'civilCeasefireFactor',
      1,
      'multiplier of the ceasefire rate in civil and internationalized civil wars: governments and rebels often halt the fighting without settling (the ETH/PRIO data count some 2,200 ceasefires in civil conflicts 1989–2020; Clayton, Nygård, Rustad & Strand 2023), while a settlement is harder to reach than between states (Walter 1997)',
    ),
    ceasefireStalemateEffect: p(
      0,
      10,
      2,
      'κ_s: log change of the ceasefire chance per unit of the stalemate S (Zartman 2000; size a design choice)',
    ),
    valueHorizonMonths: p(
      1,
      600,
      12,
      'months of war costs a leader weighs when valuing the war (leaders look about a year ahead; design choice)',
    ),
  })
  .strict()
  .prefault({});

/** Commitment problems from shifting power (Powell 2006; Walter 1997). */
export const CommitmentParamsSchema = z
  .object({
    enabled: on,
    lookAheadMonths: p(1, 60, 12, 'h: months ahead over which a power shift is anticipated'),
    monthlyDiscount: p(0.5, 1, 0.98, 'δ: monthly discount factor'),
  })
  .strict()
  .prefault({});

/** Costs of conversation and the posture decision (Mastro 2019; Kurizaki 2007; Tomz 2007; docs/model.md). */
export const ConversationParamsSchema = z
  .object({
    enabled: on,
    talkLikelihoodRatio: p(
      1,
      20,
      3,
      'λ_0: how much more likely a weak type is to seek talks than a strong one',
    ),
    strengthDecay: p(0, 10, 1.5, 'κ: how fast demonstrated strength shrinks the adverse inference'),
    secretInferenceFactor: p(0, 1, 0.5, 'm_s: inference multiplier for a back channel'),
    mediatedInferenceFactor: p(0, 1, 0.4, 'm_M: inference multiplier for a confidential mediator'),
    publicMediatedInferenceFactor: p(
      0,
      1,
      0.75,
      'inference multiplier for a non-confidential mediator',
    ),
    secretAudienceFactor: p(
      0,
      1,
      0.3,
      'σ_sec: audience-cost multiplier in a back channel (Kurizaki 2007)',
    ),
    mediatedAudienceFactor: p(0, 1, 0.6, 'audience-cost multiplier when talks are mediated'),
    choiceSensitivity: p(0.1, 200, 25, 'β: logit sensitivity of the posture choice'),
    talkValueWeight: p(
      0,
      5,
      1,
      'weight of the expected gain from a deal in the benefit of talking',
    ),
    talksInertia: p(0, 1, 0.05, 'utility bonus for staying in talks already open'),
    capacityNorm: p(0.01, 5, 1, 'Ē: enemy capacity at which an inference costs its full value'),
    lookAhead: z
      .boolean()
      .default(true)
      .describe('leaders may escalate now to open talks next month ("show strength, then talk")'),
    patronDisapprovalCost: p(0, 1, 0.05, 'utility cost of talking against a patron’s wishes'),
  })
  .strict()
  .prefault({});

/** Ripeness: mutually hurting stalemate and a way out (Zartman 2000; Pruitt 2005). */
export const RipenessParamsSchema = z
  .object({
    enabled: on,
    hurtingWeight: p(0, 50, 6, 'κ_1: weight of a low chance of winning within the horizon'),
    costWeight: p(0, 200, 30, 'κ_2: weight of the monthly cost'),
    catastropheWeight: p(
      0,
      20,
      1.5,
      'κ_3: weight of a recent catastrophe (front loss under escalation)',
    ),
    victoryThreshold: p(
      0,
      1,
      0.35,
      'θ_v: chance of winning within the horizon below which a stalemate hurts',
    ),
    judgementHorizonMonths: p(
      1,
      120,
      12,
      'H: months over which a leader judges its chance of winning (was horizonMonths before 0.2.0)',
    ),
    wayOutSharpness: p(
      0.001,
      1,
      0.05,
      'width of the smooth step that turns range width into way-out optimism',
    ),
    tolerableCost: pc(
      0,
      0.5,
      'ripeness',
      'tolerableCost',
      0.015,
      'monthly cost (share of stake) a leader bears without feeling hurt',
    ),
  })
  .strict()
  .prefault({});

/** Mediation: arrival, acceptance, information, leverage, guarantees (Kydd 2003; Svensson 2007; Beardsley 2011; Hörner et al. 2015). */
export const MediationParamsSchema = z
  .object({
    enabled: on,
    acceptBase: p(-10, 10, -1, 'γ_0: log-odds of accepting a mediator’s offer'),
    acceptRipeness: p(0, 20, 3, 'γ_1: weight of ripeness on acceptance'),
    acceptBias: p(0, 10, 1.5, 'γ_2: weight of the mediator’s bias toward the accepting side'),
    acceptLeverage: p(0, 20, 4, 'γ_3: weight of leverage offered'),
    acceptInferenceCost: p(0, 50, 10, 'γ_4: weight of the costs of conversation of accepting'),
    credibilitySharpness: p(
      0,
      20,
      4,
      'ζ: how sharply credibility falls when the mediator is biased against a side (Kydd 2003)',
    ),
    arrivalCasualtyWeight: p(
      0,
      5,
      0.1,
      'θ_2: effect of ln cumulative casualties on stochastic arrival',
    ),
    arrivalRipenessWeight: p(0, 10, 1, 'θ_3: effect of ripeness on stochastic arrival'),
    leverageDecay: p(0, 1, 0.05, 'ω: monthly decay of leverage after signature (Beardsley 2011)'),
    biasedGuarantee: p(
      0,
      1,
      0.3,
      'guarantee added when a mediator biased toward a side can deliver it (Svensson 2007)',
    ),
  })
  .strict()
  .prefault({});

/** Back channels and leaks (Wanis-St. John 2006; Pruitt 2008; Kurizaki 2007). */
export const BackChannelParamsSchema = z
  .object({
    enabled: on,
    leakDuplicity: p(
      0,
      5,
      0.5,
      'ψ_dup: extra audience cost after a leak, for the appearance of duplicity',
    ),
    trustPerMonth: p(
      0,
      1,
      0.02,
      'rise in way-out optimism per month of secret contact (Pruitt 2008)',
    ),
  })
  .strict()
  .prefault({});

/**
 * Exploratory contact (talks about talks, probing, a mediator's shuttle, humanitarian or prisoner
 * talks), apart from bargaining over terms (Pillar 1983; Richmond 1998; Mastro 2019). A monthly
 * hazard anchored to the time to first contact in the case base (a Weibull in months of war),
 * moved by a mediator's presence (Greig 2005; Regan & Stam 2000) and by the utility of talking,
 * costs of conversation included (Mastro 2019). Talks open only this way (see contact.ts).
 */
export const ContactParamsSchema = z
  .object({
    enabled: on,
    baselineShape: fittedContact(
      0.05,
      3,
      'baselineShape',
      0.45,
      'k: shape of the Weibull baseline of contact; below 1, the hazard falls as the war goes on without contact',
    ),
    baselineScaleMonths: fittedContact(
      0.1,
      1000,
      'baselineScaleMonths',
      15.5,
      's: scale of the Weibull baseline of contact in months for the reference war, inter-state and begun before 1990 (by s months of war, 63 % of such wars have had contact without the other terms); other types and eras multiply it by their factors',
    ),
    civilScaleFactor: fittedContact(
      0.01,
      100,
      'civilScaleFactor',
      1,
      'f_civ: the contact clock of a civil war (scenario type civil) runs f_civ times slower than an inter-state war’s: its Weibull scale is f_civ·s. Governments are slow to talk to rebels they do not recognise; in the case base the median civil war waited about two years for first contact, the median inter-state war about a month. Estimated on the training fold by a Weibull accelerated-failure-time regression of the time to first contact on war type (Kalbfleisch & Prentice 2002)',
    ),
    internationalizedScaleFactor: fittedContact(
      0.01,
      100,
      'internationalizedScaleFactor',
      1,
      'f_int: as f_civ, for an internationalized civil war (outside states fight in it, and their governments talk to each other and to the parties)',
    ),
    extraStateScaleFactor: fittedContact(
      0.01,
      100,
      'extraStateScaleFactor',
      1,
      'f_ext: as f_civ, for an extra-state war (a state against a non-state group outside its territory: colonial and imperial wars)',
    ),
    postColdWarScaleFactor: fittedContact(
      0.01,
      100,
      'postColdWarScaleFactor',
      1,
      'f_pcw: the contact clock of a war begun in 1990 or later (settings.warBegan, else settings.startDate; a scenario without dates is taken to be about the present) runs f_pcw times as fast or slow as an earlier war’s of the same type: after the Cold War the UN and regional organisations mediated far more often (Greig & Diehl 2012), and in the case base civil wars begun since 1990 saw first contact after a median of about 5 months against about 4 years before. Estimated on the training fold with the type factors (the same regression); 1 when the fold holds too few such wars',
    ),
    outbreakHazard: fittedContact(
      0,
      5,
      'outbreakHazard',
      0,
      'ω: extra contact hazard in the first month of a war (on top of the Weibull): third parties offer good offices and the belligerents exchange notes as a war breaks out, and about a fifth of the case base’s wars saw contact within their first month. Applies only to a war that begins with the simulation (no months of war or known contact before it). Design choice, fitted to the case base',
    ),
    frailtySpread: fittedContact(
      0,
      4,
      'frailtySpread',
      0,
      'σ_c: each run multiplies its contact hazard by exp(σ_c·z − σ_c²/2), z standard normal: wars differ in how open their leaders are to contact in ways a scenario does not state (unobserved heterogeneity, Vaupel et al. 1979); 0 = every run shares the hazard',
    ),
    mediatorFactor: p(
      0.1,
      20,
      1.5,
      'a_med: multiplier of the mediated contact term while a mediator is present (Greig 2005; Regan & Stam 2000)',
    ),
    utilitySensitivity: fittedContact(
      0,
      100,
      'utilitySensitivity',
      5,
      'β: each channel’s contact term is multiplied by exp(β·U), U the more reluctant side’s utility of talking on it (share of the stake): the deal’s value minus the costs of conversation (Mastro 2019)',
    ),
    secretWeight: fittedContact(
      0,
      10,
      'secretWeight',
      0.12,
      'π_sec: weight of a secret first contact (the training fold’s share)',
    ),
    mediatedWeight: fittedContact(
      0,
      10,
      'mediatedWeight',
      0.65,
      'π_med: weight of a mediated first contact (the training fold’s share)',
    ),
    publicWeight: fittedContact(
      0,
      10,
      'publicWeight',
      0.23,
      'π_pub: weight of a direct public first contact (the training fold’s share)',
    ),
    declaredChannelFactor: p(
      1,
      20,
      2,
      'a_sec: multiplier of the secret contact term while a declared back channel is available (without one: emissaries, intermediaries)',
    ),
    unnamedMediatorFactor: p(
      0,
      1,
      0.5,
      'a_med when no mediator of the scenario is present: a third party the scenario does not name',
    ),
  })
  .strict()
  .prefault({});

/** Termination and durability of the peace (Fortna 2004; Werner & Yuen 2005; Walter 1997; Beardsley 2011). */
export const DurabilityParamsSchema = z
  .object({
    enabled: on,
    followUpMonths: p(1, 600, 120, 'months each ended war is followed for relapse'),
    baseRelapseHazard: fittedDurability(
      0,
      1,
      'baseRelapseHazard',
      0.012,
      'h_0: monthly relapse hazard after a ceasefire (reference ending)',
    ),
    victoryEffect: fittedDurability(
      -10,
      10,
      'victoryEffect',
      -1.9,
      'β for a military victory vs a ceasefire (literature ln(0.15), Fortna 2004)',
    ),
    settlementEffect: fittedDurability(
      -10,
      10,
      'settlementEffect',
      -0.92,
      'β for a negotiated settlement vs a ceasefire (literature ln(0.4), Fortna 2004)',
    ),
    guaranteeEffect: p(
      -10,
      10,
      -0.9,
      'β per unit of third-party guarantee / peacekeeping: ln(0.4) (Fortna; Walter)',
    ),
    leverageEffect: p(-10, 10, 0.8, 'β per unit of leverage used (Beardsley 2011)'),
    artificialityEffect: p(
      -10,
      20,
      3,
      'β_G per unit of the gap between war value and terms once leverage decays',
    ),
    secretOnlyEffect: p(
      -10,
      10,
      0.4,
      'β_excl for a deal made only in a back channel (Wanis-St. John 2006)',
    ),
    multipleMediatorEffect: p(-10, 10, 0.3, 'β per additional mediator (Beardsley 2011)'),
    pressuredCeasefireEffect: p(
      -10,
      10,
      0.5,
      'β for a ceasefire under third-party pressure (Werner & Yuen 2005)',
    ),
    battleConsistencyEffect: p(
      -10,
      10,
      -0.7,
      'β per unit of battle consistency (Werner & Yuen 2005)',
    ),
    powerShiftEffect: p(
      -10,
      20,
      2,
      'β_Δ per unit of demobilisation power shift left unguaranteed (Walter 1997)',
    ),
  })
  .strict()
  .prefault({});

/** Fading: the fighting dies down without a decision (UCDP "low activity" endings; Kreutz 2010). */
export const FadingParamsSchema = z
  .object({
    enabled: on,
    rate: pc(
      0,
      1,
      'fading',
      'rate',
      0,
      'φ: monthly chance that a quiet month (the front held, nobody escalated) of a war at the reference intensity and at onset is the month the fighting dies down (Kreutz 2010: low activity is the commonest end of UCDP conflicts; 0 = wars never fade)',
    ),
    decayMonths: pc(
      1,
      240,
      'fading',
      'decayMonths',
      24,
      'τ_f: the chance falls as exp(−months of war / τ_f): flare-ups die down early, an entrenched war does not (design choice)',
    ),
    intensityReference: p(
      1,
      1e6,
      100,
      'D₀: the chance is multiplied by D₀ / (D₀ + battle deaths of both sides this month): minor armed conflicts fade, major wars rarely do (UCDP intensity levels; the form and value are design choices)',
    ),
  })
  .strict()
  .prefault({});

export const MechanismParamsSchema = z
  .object({
    battle: BattleParamsSchema,
    fading: FadingParamsSchema,
    beliefs: BeliefParamsSchema,
    domestic: DomesticParamsSchema,
    support: SupportParamsSchema,
    bargaining: BargainingParamsSchema,
    commitment: CommitmentParamsSchema,
    conversation: ConversationParamsSchema,
    ripeness: RipenessParamsSchema,
    mediation: MediationParamsSchema,
    backChannel: BackChannelParamsSchema,
    contact: ContactParamsSchema,
    durability: DurabilityParamsSchema,
  })
  .strict()
  .prefault({})
  .describe(
    'Engine parameters by mechanism; every one has a documented default and may be overridden',
  );

export type MechanismParams = z.infer<typeof MechanismParamsSchema>;
