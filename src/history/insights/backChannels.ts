/**
 * Back channels before public talks (Pruitt 2008, "Back-channel communication in the settlement
 * of conflict", International Negotiation 13(1); Wanis-St. John 2006, Negotiation Journal 22(2)).
 */
import {
  backChannelBeforePublicTalks,
  endedNegotiated,
  firstPublicTalks,
  hasBackChannel,
} from '../caseQueries.ts';
import { comparisonInsight, defineInsight, idsOf, shareInsight, shareRow } from './insight.ts';

export const backChannelsBeforeTalks = defineInsight(
  {
    id: 'back-channels-before-public-talks',
    topic: 'back-channels',
    title: 'Secret contacts or back channels before public talks',
    needs: [],
  },
  ({ cases }, meta) => {
    const scope = cases.filter((c) => firstPublicTalks(c) !== undefined);
    if (scope.length === 0) return null;
    return shareInsight(
      meta,
      idsOf(scope.filter(backChannelBeforePublicTalks)),
      idsOf(scope),
      (t) =>
        `Secret contacts or back channels preceded the first public talks in ${t} wars that reached public talks.`,
      {
        caveats: ['secret contacts are under-recorded, so this is likely a lower bound'],
      },
    );
  },
);

export const backChannelsAndSettlement = defineInsight(
  {
    id: 'back-channels-and-negotiated-endings',
    topic: 'back-channels',
    title: 'Negotiated endings with and without a back channel',
    needs: [],
  },
  ({ cases }, meta) => {
    const talked = cases.filter(
      (c) =>
        c.outcome !== 'ongoing' &&
        c.timeline.some((e) => e.kind !== 'other' && e.kind !== 'breakdown'),
    );
    if (talked.length === 0) return null;
    const withBc = talked.filter(hasBackChannel);
    const without = talked.filter((c) => !hasBackChannel(c));
    const a = shareRow('with a back channel', idsOf(withBc.filter(endedNegotiated)), idsOf(withBc));
    const b = shareRow('without one', idsOf(without.filter(endedNegotiated)), idsOf(without));
    return comparisonInsight(
      meta,
      a,
      b,
      (t) =>
        `Among ended wars that saw talks, a settlement or frozen ceasefire (not victory or fizzling out) ended ${t}.`,
    );
  },
);
