/**
 * Synthetic cases for tests: `makeCase` fills every required field with a plain default and
 * validates the result, so a test states only what it is about.
 */
import { CaseSchema, type Case, type CaseInput } from './caseSchema.ts';

const BASE: CaseInput = {
  id: 'synthetic',
  name: 'Synthetic war',
  type: 'interstate',
  belligerents: [
    { name: 'Alpha', side: 'a' },
    { name: 'Beta', side: 'b' },
  ],
  start: { date: '2000-01-01', precision: 'day' },
  end: { date: '2002-01-01', precision: 'day' },
  regimes: { sideA: 'democracy', sideB: 'autocracy' },
  stakes: ['territory'],
  outsideSupport: { sideA: 'none', sideB: 'none' },
  timeline: [],
  battlefieldAtTalks: null,
  outcome: 'negotiated-settlement',
  durability: {
    resumedWithin2y: false,
    resumedWithin5y: false,
    resumedWithin10y: false,
    resumedOn: null,
  },
  lessons: ['one', 'two'],
  sources: [
    { id: 'a', publisher: 'P', title: 'T', url: 'https://example.org/a' },
    { id: 'b', publisher: 'P', title: 'T', url: 'https://example.org/b' },
  ],
};

type Plain = Record<string, unknown>;
/**
 * Every dated fact cites the case's first source that is not a dataset landing page, unless the
 * test sets its `source` key (validation requires a source on every fact; a test about an
 * unsourced fact sets `source: undefined`).
 */
export function withSources(c: Plain): Plain {
  const id = (c.sources as { id?: string; dataset?: string }[] | undefined)?.find(
    (s) => s.id !== undefined && s.dataset === undefined,
  )?.id;
  const cites = (x: unknown): unknown =>
    id && x && typeof x === 'object' && !('source' in x) ? { ...x, source: id } : x;
  const timeline = (c.timeline as Plain[] | undefined)?.map((e) => {
    const out = cites(e) as Plain;
    return out.leaked ? { ...out, leaked: cites(out.leaked) } : out;
  });
  return {
    ...c,
    start: cites(c.start),
    ...(c.end ? { end: cites(c.end) } : {}),
    ...(timeline ? { timeline } : {}),
    ...(c.durability ? { durability: cites(c.durability) } : {}),
  };
}

/** A valid case with `over` applied (shallow merge); throws if the result is invalid. */
export function makeCase(over: Partial<CaseInput> & { id: string }): Case {
  return CaseSchema.parse(withSources({ ...BASE, name: over.id, ...over }));
}

type Ev = NonNullable<CaseInput['timeline']>[number];

/** Timeline event helpers with day-precision dates. */
export const ev = {
  secret: (date: string): Ev => ({
    kind: 'secret-contact',
    date: { date, precision: 'day' },
    summary: 'secret contact',
  }),
  backChannel: (date: string): Ev => ({
    kind: 'back-channel',
    date: { date, precision: 'day' },
    summary: 'channel',
    who: ['envoy'],
    where: 'Oslo',
  }),
  talks: (date: string): Ev => ({
    kind: 'public-talks',
    date: { date, precision: 'day' },
    summary: 'talks',
  }),
  mediation: (date: string, over: Partial<Extract<Ev, { kind: 'mediation' }>> = {}): Ev => ({
    kind: 'mediation',
    date: { date, precision: 'day' },
    summary: 'mediation',
    mediator: 'Gamma',
    mediatorKind: 'state',
    bias: { toward: 'neutral', reason: 'no stake' },
    strategy: 'formulation',
    result: 'agreement',
    ...over,
  }),
  ceasefire: (date: string, mediated = true, held: boolean | null = true): Ev => ({
    kind: 'ceasefire',
    date: { date, precision: 'day' },
    summary: 'ceasefire',
    mediated,
    held,
  }),
  agreement: (date: string, over: Partial<Extract<Ev, { kind: 'agreement' }>> = {}): Ev => ({
    kind: 'agreement',
    date: { date, precision: 'day' },
    summary: 'agreement',
    name: 'Accord',
    agreementType: 'comprehensive',
    ...over,
  }),
  breakdown: (date: string): Ev => ({
    kind: 'breakdown',
    date: { date, precision: 'day' },
    summary: 'collapse',
  }),
};
