/**
 * Secret channels that leaked, and what followed (issue 17). Secrecy lets leaders explore terms
 * without paying audience costs; exposure brings those costs back (Pruitt 2008; Wanis-St. John
 * 2006). The unit is the secret channel: each `secret-contact` or `back-channel` event. A channel
 * leaked when the case records `leaked` (a source says it became public against a party's will);
 * absence means no leak was recorded, not that none happened. "What followed" looks at the
 * twelve months after the leak (after the channel's last date for channels that did not leak).
 */
import type { Case, Dated, NegotiationEvent } from '../caseSchema.ts';
import { compareDated, monthsBetween } from '../caseSchema.ts';
import { endedNegotiated } from '../caseQueries.ts';
import { wilson } from '../stats.ts';
import {
  CASE_SOURCE,
  countRow,
  defineInsight,
  pct,
  SELECTION_CAVEAT,
  sizeCaveats,
  type Breakdown,
} from './insight.ts';

export const AFTER_LEAK_MONTHS = 12;

type SecretEvent = Extract<NegotiationEvent, { kind: 'secret-contact' | 'back-channel' }>;
export type Channel = { c: Case; e: SecretEvent };

export const secretChannels = (cases: readonly Case[]): Channel[] =>
  cases.flatMap((c) =>
    c.timeline
      .filter((e): e is SecretEvent => e.kind === 'secret-contact' || e.kind === 'back-channel')
      .map((e) => ({ c, e })),
  );

/** Whether the case records an event passing `test` dated from `from` (by midpoint) up to twelve months after it. */
function followedBy(c: Case, from: Dated, test: (e: NegotiationEvent) => boolean): boolean {
  return c.timeline.some(
    (e) =>
      test(e) &&
      compareDated(e.date, from) >= 0 &&
      monthsBetween(from, e.date) <= AFTER_LEAK_MONTHS,
  );
}

const isCollapse = (e: NegotiationEvent) =>
  e.kind === 'breakdown' || (e.kind === 'mediation' && e.result === 'failed');
const isAgreement = (e: NegotiationEvent) => e.kind === 'agreement';

function row(label: string, hits: readonly Channel[], scope: readonly Channel[]): Breakdown {
  return {
    ...countRow(label, hits.length, scope.length),
    caseIds: [...new Set(hits.map((h) => h.c.id))].sort(),
  };
}

export const secretChannelLeaks = defineInsight(
  {
    id: 'secret-channel-leaks',
    topic: 'back-channels',
    title: 'Secret channels that leaked, and what followed within a year',
    needs: [],
  },
  ({ cases }, meta) => {
    const all = secretChannels(cases);
    if (all.length === 0) return null;
    const leaked = all.filter((x) => x.e.leaked !== undefined);
    const kept = all.filter((x) => x.e.leaked === undefined);
    const leakDate = (x: Channel): Dated => x.e.leaked!.date;
    const lastDate = (x: Channel): Dated => x.e.endDate ?? x.e.date;
    const rows = [
      row('secret channels recorded as leaked', leaked, all),
      row(
        `leaked, then a breakdown or failed mediation within ${AFTER_LEAK_MONTHS} months`,
        leaked.filter((x) => followedBy(x.c, leakDate(x), isCollapse)),
        leaked,
      ),
      row(
        `leaked, then an agreement within ${AFTER_LEAK_MONTHS} months`,
        leaked.filter((x) => followedBy(x.c, leakDate(x), isAgreement)),
        leaked,
      ),
      row(
        `not leaked, then an agreement within ${AFTER_LEAK_MONTHS} months of the channel's last date`,
        kept.filter((x) => followedBy(x.c, lastDate(x), isAgreement)),
        kept,
      ),
      row(
        'leaked, in wars that ended in a settlement or frozen ceasefire',
        leaked.filter((x) => endedNegotiated(x.c)),
        leaked.filter((x) => x.c.outcome !== 'ongoing'),
      ),
      row(
        'not leaked, in wars that ended in a settlement or frozen ceasefire',
        kept.filter((x) => endedNegotiated(x.c)),
        kept.filter((x) => x.c.outcome !== 'ongoing'),
      ),
    ];
    const k = leaked.length;
    const n = all.length;
    const [, broke, agreed] = rows;
    return {
      id: meta.id,
      topic: meta.topic,
      title: meta.title,
      finding:
        `${k} of ${n} recorded secret channels (${pct(k / n)}) are recorded as leaked` +
        (k > 0
          ? `; within ${AFTER_LEAK_MONTHS} months of the leak, ${broke.numerator} of ${k} were followed by a breakdown or failed mediation and ${agreed.numerator} of ${k} by an agreement.`
          : '.'),
      measure: 'share',
      compares: false,
      numerator: k,
      denominator: n,
      estimate: k / n,
      interval: wilson(k, n),
      breakdown: rows,
      caseIds: [...new Set(leaked.map((x) => x.c.id))].sort(),
      caveats: [
        ...sizeCaveats(k, 'leaked channels'),
        'leaks are tagged only where a case source says a channel became public; untagged channels are not known to have stayed secret, so the share is a lower bound',
        'the unit is the channel, and several channels come from the same war',
        'with year-precision dates the twelve-month window is read from the middle of the year',
        SELECTION_CAVEAT,
      ],
      source: CASE_SOURCE,
    };
  },
);
