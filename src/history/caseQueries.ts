/**
 * Small, named questions about a case's timeline and outcome, shared by insights and analogues.
 */
import {
  compareDated,
  isPreWar,
  monthsBetween,
  type Case,
  type MediationEvent,
  type NegotiationEvent,
} from './caseSchema.ts';
import { isWartimeContact } from './caseFeatures.ts';

/** First event of a kind, or undefined. */
export function firstEvent<K extends NegotiationEvent['kind']>(
  c: Case,
  kind: K,
): Extract<NegotiationEvent, { kind: K }> | undefined {
  return c.timeline.find((e): e is Extract<NegotiationEvent, { kind: K }> => e.kind === kind);
}

/**
 * First contact of the war: the first secret contact, back channel, public talks or mediation not
 * marked `preWar` (docs/history.md, "Rules for dated facts").
 */
export function firstContact(c: Case): NegotiationEvent | undefined {
  return c.timeline.find((e) => isWartimeContact(c, e));
}

/** First mediated contact: the first mediation effort during the war. */
export function firstMediatedContact(c: Case): MediationEvent | undefined {
  return c.timeline.find(
    (e): e is MediationEvent => e.kind === 'mediation' && !isPreWar(e, c.start),
  );
}

/** First public talks: the first acknowledged direct negotiation during the war. */
export function firstPublicTalks(c: Case): NegotiationEvent | undefined {
  return c.timeline.find((e) => e.kind === 'public-talks' && !isPreWar(e, c.start));
}

/** Months from onset to the first contact, or null if there was none. */
export function monthsToFirstContact(c: Case): number | null {
  const e = firstContact(c);
  return e ? monthsBetween(c.start, e.date) : null;
}

export function mediations(c: Case): Extract<NegotiationEvent, { kind: 'mediation' }>[] {
  return c.timeline.filter(
    (e): e is Extract<NegotiationEvent, { kind: 'mediation' }> => e.kind === 'mediation',
  );
}

export function agreements(c: Case): Extract<NegotiationEvent, { kind: 'agreement' }>[] {
  return c.timeline.filter(
    (e): e is Extract<NegotiationEvent, { kind: 'agreement' }> => e.kind === 'agreement',
  );
}

/** The last agreement in the timeline (the one that ended or froze the war, if any). */
export function finalAgreement(
  c: Case,
): Extract<NegotiationEvent, { kind: 'agreement' }> | undefined {
  const a = agreements(c);
  return a[a.length - 1];
}

/** A wartime secret contact or back channel dated strictly before the first wartime public talks. */
export function backChannelBeforePublicTalks(c: Case): boolean {
  const pub = firstPublicTalks(c);
  if (!pub) return false;
  return c.timeline.some(
    (e) =>
      (e.kind === 'secret-contact' || e.kind === 'back-channel') &&
      !isPreWar(e, c.start) &&
      compareDated(e.date, pub.date) < 0,
  );
}

export const hasBackChannel = (c: Case): boolean =>
  c.timeline.some((e) => e.kind === 'secret-contact' || e.kind === 'back-channel');

export const endedNegotiated = (c: Case): boolean =>
  c.outcome === 'negotiated-settlement' || c.outcome === 'ceasefire-frozen';

export const endedInVictory = (c: Case): boolean =>
  c.outcome === 'victory-side-a' || c.outcome === 'victory-side-b';

/** true = no resumption within 5 years, false = resumed, null = not observable or ongoing. */
export function held5y(c: Case): boolean | null {
  const r = c.durability?.resumedWithin5y;
  return r === undefined || r === null ? null : !r;
}

/** Failed attempts before the final agreement: breakdowns and failed mediations dated before it. */
export function failedAttemptsBeforeAgreement(c: Case): number {
  const fin = finalAgreement(c);
  if (!fin) return 0;
  return c.timeline.filter(
    (e) =>
      (e.kind === 'breakdown' || (e.kind === 'mediation' && e.result === 'failed')) &&
      compareDated(e.date, fin.date) < 0,
  ).length;
}
