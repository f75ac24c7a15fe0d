/**
 * Events the facilitator injects into an exercise: a leak of secret talks under way, or one of
 * the scenario's own intervention kinds (a show of strength as a shock, an aid change on an
 * existing support line, an incentive offer, a ceasefire proposal, a mediator's entry) for the
 * next month to play. Injections are part of the exercise's record, like the decision log, and
 * replay with it: the same seed, log and injections give the same exercise to the bit.
 */
import { z } from 'zod';
import { Channel, compileEvent, type Compiled, type CompiledEvent } from '../engine/index.ts';
import { InterventionSchema } from '../model/index.ts';
import type { State } from '../engine/index.ts';

const LeakSchema = z
  .object({
    kind: z.literal('leak'),
    month: z.number().int().min(0).max(10_000),
    note: z.string().max(1000).optional(),
  })
  .strict()
  .describe('the secret talks under way leak to the public this month');

/** An injected event: the month it happens in (the next month to play) and what happens. */
export const InjectionSchema = z.union([LeakSchema, InterventionSchema]);
export type Injection = z.infer<typeof InjectionSchema>;
/** An injection as a client sends it (amounts left out take the scenario schema's defaults). */
export type InjectionInput = z.input<typeof InjectionSchema>;

/** Kinds that can be injected (a back channel is fixed when the exercise starts). */
export const INJECTABLE_KINDS = [
  'leak',
  'show-of-strength',
  'aid-change',
  'incentive-offer',
  'ceasefire-proposal',
  'mediator-entry',
] as const;

/** Problems with injecting `e` into the state's next month `month` (empty: it may be injected). */
export function checkInjection(s: State, month: number, e: Injection): string[] {
  const c = s.c;
  const problems: string[] = [];
  if (e.month !== month)
    problems.push(
      `month: the event is for month ${e.month}, but the exercise is at month ${month}`,
    );
  if (!(INJECTABLE_KINDS as readonly string[]).includes(e.kind))
    return [
      ...problems,
      `kind: ${e.kind} cannot be injected (back channels are fixed when the exercise starts); inject ${INJECTABLE_KINDS.join(', ')}`,
    ];
  const belligerent = (field: string, id: string) => {
    if (!c.partyIds.includes(id))
      problems.push(`${field}: ${id} is not a belligerent (${c.partyIds.join(', ')})`);
  };
  const party = (field: string, id: string) => {
    if (!c.scenario.parties.some((p) => p.id === id))
      problems.push(`${field}: ${id} is not a party of ${c.scenario.id}`);
  };
  switch (e.kind) {
    case 'leak':
      if (s.talks[0] !== Channel.secret)
        problems.push('kind: leak: no secret talks are under way to leak');
      break;
    case 'show-of-strength':
      belligerent('party', e.party);
      break;
    case 'incentive-offer':
      party('from', e.from);
      belligerent('to', e.to);
      break;
    case 'ceasefire-proposal':
      party('by', e.by);
      break;
    case 'mediator-entry': {
      const m = c.mediators.findIndex((x) => x.id === e.mediator);
      if (m < 0)
        problems.push(
          `mediator: ${e.mediator} is not a mediator of ${c.scenario.id} (${c.mediators.map((x) => x.id).join(', ') || 'none'})`,
        );
      else if (s.mediatorsPresent[0] & (1 << m))
        problems.push(`mediator: ${e.mediator} is already present`);
      break;
    }
    case 'aid-change':
      belligerent('recipient', e.recipient);
      if (!c.lines.some((l) => l.patron === e.patron && c.partyIds[l.party] === e.recipient))
        problems.push(
          `patron: ${e.patron} has no support line to ${e.recipient} (an injected aid change uses an existing one)`,
        );
      break;
  }
  return problems;
}

/** A checked injection as the engine's scheduled event (null for a leak, which is a decision). */
export function compileInjection(c: Compiled, e: Injection): CompiledEvent | null {
  if (e.kind === 'leak') return null;
  return compileEvent(
    e,
    c.partyIds,
    c.mediators.map((m) => m.id),
    (party, patron) => c.lines.findIndex((l) => l.party === party && l.patron === patron),
  );
}

/** A short public account of an injected event. */
export function describeInjection(e: Injection): string {
  const what = ((): string => {
    switch (e.kind) {
      case 'leak':
        return 'the secret talks leak';
      case 'show-of-strength':
        return `a show of strength by ${e.party}`;
      case 'aid-change':
        return `${e.patron} changes its aid to ${e.recipient}`;
      case 'incentive-offer':
        return `${e.from} offers ${e.to} an incentive (${e.incentive}) conditional on ${e.conditionalOn}`;
      case 'ceasefire-proposal':
        return `${e.by} proposes a ceasefire`;
      case 'mediator-entry':
        return `${e.mediator} offers to mediate`;
      case 'back-channel-open':
        return `back channel ${e.channel} opens`;
    }
  })();
  return `injected by the facilitator: ${what}${e.note ? ` (${e.note})` : ''}`;
}
