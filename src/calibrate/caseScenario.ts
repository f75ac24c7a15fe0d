/**
 * Builds an engine scenario from a case of the historical case base (data/cases, parsed by the
 * edge and passed in) using only what was known on the day the war began: the war type, the two
 * sides, their regimes, outside support at onset, the stakes, and mediators and back channels
 * already in place. Nothing dated after the start enters (a forecast made at onset cannot know
 * it); a mediator who came later is represented only by a generic arrival rate, the same for
 * every case. Every mapping below is a design choice, marked with its reason; levels no case
 * records (costs, front length, prior uncertainty) come from the COW/UCDP builder's
 * BuilderParams (scenarioFromCase.ts), so both back-tests simulate the same generic war.
 */
import { ScenarioSchema, type Scenario } from '../model/index.ts';
import { MAX_MEDIATORS } from '../model/refs.ts';
import {
  datedRange,
  surelyBefore,
  type Case,
  type Dated,
  type NegotiationEvent,
  type Regime,
  type SupportLevel,
} from '../history/caseSchema.ts';
import {
  DEFAULT_BUILDER,
  builderLevels,
  type BuilderParams,
  type EngineOverrides,
} from './scenarioFromCase.ts';

export type CaseScenarioParams = {
  builder: BuilderParams;
  /**
   * Monthly base rate at which a mediator not present at onset offers its services. Design
   * choice: the COW/UCDP builder's generic rate for civil wars (0.03), used for every war type
   * because third parties offer mediation in inter-state wars too (Greig & Regan 2008); one
   * number for all cases, never a case's real date of entry.
   */
  mediatorArrivalRate: number;
  engine?: EngineOverrides;
  runs: number;
  horizonMonths: number;
  seed: number;
};

export const DEFAULT_CASE_SCENARIO: Omit<CaseScenarioParams, 'runs' | 'horizonMonths' | 'seed'> = {
  builder: DEFAULT_BUILDER,
  mediatorArrivalRate: 0.03,
};

/**
 * Known at the start: the event surely happened before the war began (its date window ends
 * before the start's window opens), or it is dated to the same day as the start. Design choice:
 * an event whose window overlaps the start (a mediation dated "1932" for a war begun on
 * 1932-06-15) is treated as not known, so imprecise dates never leak the future into a forecast.
 */
export function knownAtStart(date: Dated, start: Dated): boolean {
  if (surelyBefore(date, start)) return true;
  return date.precision === 'day' && start.precision === 'day' && date.date === start.date;
}

/**
 * Aid level (outside support as a share of the recipient's own effort) for each case support
 * level. Design choice: a value inside each band of supportOrdinal (history/scenarioFeatures.ts:
 * < 0.15 limited, < 0.5 substantial, ≥ 0.5 decisive), so the scenario reads back as the case.
 */
export const AID_LEVEL: Record<SupportLevel, number> = {
  none: 0,
  limited: 0.1,
  substantial: 0.3,
  decisive: 0.75,
};

const LEVELS: SupportLevel[] = ['none', 'limited', 'substantial', 'decisive'];

/**
 * A side's outside support at onset. The case records one level "while the war was fought" and
 * dated changes; design choice: if the side's first change after the start is "started", it had
 * none at onset; if it is "increased", onset support was one level lower (at least limited); a
 * decrease or an end after the start leaves the recorded level (we do not guess upward).
 */
export function supportAtStart(c: Case, side: 'a' | 'b'): SupportLevel {
  const recorded = side === 'a' ? c.outsideSupport.sideA : c.outsideSupport.sideB;
  const later = c.outsideSupport.changes.filter(
    (ch) => ch.side === side && !knownAtStart(ch.date, c.start),
  );
  const first = later[0];
  if (!first) return recorded;
  if (first.change === 'started') return 'none';
  if (first.change === 'increased')
    return LEVELS[Math.max(1, LEVELS.indexOf(recorded) - 1)] ?? recorded;
  return recorded;
}

/**
 * Case regime → scenario regime. Polity anocracy is the scenario's "mixed". Design choice: a
 * non-state group is not electorally accountable ("autocracy", the scenario default); a colonial
 * administration answers to a metropole but not to the governed ("mixed"). The engine reads only
 * whether a leader is a democracy, so neither choice changes a forecast against the alternative.
 */
export function scenarioRegime(r: Regime): 'democracy' | 'mixed' | 'autocracy' {
  if (r === 'democracy') return 'democracy';
  if (r === 'anocracy' || r === 'colonial') return 'mixed';
  return 'autocracy';
}

/**
 * Relative strength of side a. The case base records no capabilities at onset and its list of
 * belligerents includes states that joined later (counting them would peek). Design choice, as
 * the COW/UCDP builder does for civil wars (Mason & Fett 1996): a state fighting a non-state
 * group is twice as strong; otherwise the sides are even.
 */
export function caseStrengthRatio(c: Case): number {
  const a = c.regimes.sideA === 'non-state';
  const b = c.regimes.sideB === 'non-state';
  if (a === b) return 1;
  return b ? 2 : 0.5;
}

const TERRITORIAL = new Set(['territory', 'secession', 'autonomy', 'independence']);

/** A mediation, secret contact or back channel already in place at onset. */
function priorEvents(c: Case): NegotiationEvent[] {
  return c.timeline.filter((e) => knownAtStart(e.date, c.start));
}

/** Scenario date (YYYY-MM) of a case date, when its precision is at least a month. */
function monthOf(d: Dated): string | undefined {
  return d.precision === 'year' ? undefined : d.date.slice(0, 7);
}

const slug = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40) || 'x';

/** What the builder took from the case (for reports and tests). */
export type CaseScenarioNotes = {
  mediatorsAtStart: string[];
  backChannelsAtStart: number;
  /** public talks before the start: the scenario language cannot say "talks under way" yet */
  publicTalksBeforeStart: number;
  supportAtStart: { a: SupportLevel; b: SupportLevel };
  territorial: boolean;
};

export function caseScenarioNotes(c: Case): CaseScenarioNotes {
  const prior = priorEvents(c);
  return {
    mediatorsAtStart: [
      ...new Set(prior.flatMap((e) => (e.kind === 'mediation' ? [e.mediator] : []))),
    ],
    backChannelsAtStart: prior.filter(
      (e) => e.kind === 'back-channel' || e.kind === 'secret-contact',
    ).length,
    publicTalksBeforeStart: prior.filter((e) => e.kind === 'public-talks').length,
    supportAtStart: { a: supportAtStart(c, 'a'), b: supportAtStart(c, 'b') },
    territorial: c.stakes.some((s) => TERRITORIAL.has(s)),
  };
}

export function scenarioFromCaseBase(c: Case, opts: CaseScenarioParams): Scenario {
  const b = opts.builder;
  const notes = caseScenarioNotes(c);
  // costs, optimism and the front: the COW/UCDP builder's generic levels (no case records them)
  const { cost, optimism } = builderLevels(b);
  const primary = (side: 'a' | 'b') =>
    c.belligerents.find((x) => x.side === side && x.role === 'primary') ??
    c.belligerents.find((x) => x.side === side)!;
  const parties: Record<string, unknown>[] = [];
  const belligerent = (side: 'a' | 'b') => {
    const id = `side-${side}`;
    const level = notes.supportAtStart[side];
    const patronId = `patron-${side}`;
    if (level !== 'none')
      // one aggregate patron per side: the case lists patrons without dates, so who backed a side
      // at onset is not known, only how much (supportAtStart)
      parties.push({
        id: patronId,
        name: `outside supporters of ${primary(side).name}`.slice(0, 200),
        role: 'patron',
        side: side === 'a' ? 'A' : 'B',
      });
    return {
      id,
      name: primary(side).name.slice(0, 200),
      role: 'belligerent',
      side: side === 'a' ? 'A' : 'B',
      leader: { regime: scenarioRegime(side === 'a' ? c.regimes.sideA : c.regimes.sideB) },
      military: {
        strength: side === 'a' ? caseStrengthRatio(c) : 1,
        monthlyCost: cost,
      },
      beliefs: { optimism },
      support: level === 'none' ? [] : [{ patron: patronId, level: AID_LEVEL[level] }],
    };
  };
  parties.unshift(belligerent('a'), belligerent('b'));
  // mediators already offering at onset enter at month 0. Design choice: only who they were and
  // their lean are used; the case codes strategy and leverage over the whole mediation, most of it
  // after the start, so the forecast keeps the default style (facilitation) and no leverage
  const seen = new Set<string>();
  for (const e of priorEvents(c)) {
    if (e.kind !== 'mediation' || seen.has(e.mediator)) continue;
    // the engine simulates at most MAX_MEDIATORS; keep one place for the potential mediator
    if (seen.size >= MAX_MEDIATORS - 1) break;
    seen.add(e.mediator);
    parties.push({
      id: `mediator-${seen.size}-${slug(e.mediator)}`,
      name: e.mediator.slice(0, 200),
      role: 'mediator',
      kind: e.mediatorKind,
      mediation: {
        offerMonth: 0,
        bias: { toward: e.bias.toward === 'neutral' ? 'neutral' : `side-${e.bias.toward}` },
      },
    });
  }
  // a mediator who may come: the generic arrival rate, never the case's real date of entry
  if (opts.mediatorArrivalRate > 0)
    parties.push({
      id: 'potential-mediator',
      name: 'a mediator who may offer later',
      role: 'mediator',
      mediation: { arrivalRate: opts.mediatorArrivalRate },
    });
  // secret contacts and back channels in place at onset: a channel open from month 0
  const backChannels = Array.from({ length: notes.backChannelsAtStart }, (_, i) => ({
    id: `channel-${i + 1}`,
    openFrom: 0,
  }));
  // the engine has no stake type; design choice: name the stakes in the front's description,
  // which is where the analogue features read territoriality (history/scenarioFeatures.ts)
  const description = `Stakes: ${c.stakes.join(', ')}`;
  const startMonth = monthOf(c.start);
  return ScenarioSchema.parse({
    id: c.id.slice(0, 60).replace(/-+$/, ''),
    name: c.name.slice(0, 300),
    description: `Onset scenario built from the case base (${c.id}) with what was known at the start.`,
    type: c.type,
    parties,
    front: { positions: Math.round(b.frontPositions), description },
    backChannels,
    settings: {
      runs: opts.runs,
      horizonMonths: opts.horizonMonths,
      seed: opts.seed,
      ...(startMonth ? { startDate: startMonth, warBegan: startMonth } : {}),
    },
    mechanisms: opts.engine ?? {},
  });
}

/** Decimal-year window of a case's start (re-exported for the back-test's time split). */
export const startRange = (c: Case): [number, number] => datedRange(c.start);
