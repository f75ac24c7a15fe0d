/**
 * Battlefield at the opening of talks: stalemate ("mutually hurting stalemate", Zartman 2000) or
 * a recent shift in momentum (Wagner 2000; Reiter 2009 on learning from battle).
 */
import { endedNegotiated } from '../caseQueries.ts';
import { comparisonInsight, defineInsight, idsOf, shareInsight, shareRow } from './insight.ts';

const isMomentum = (b: string | null) => b === 'momentum-side-a' || b === 'momentum-side-b';

export const talksInStalemate = defineInsight(
  {
    id: 'talks-opened-in-stalemate',
    topic: 'momentum',
    title: 'Talks that opened in a stalemate rather than after a shift in momentum',
    needs: [],
  },
  ({ cases }, meta) => {
    const scope = cases.filter(
      (c) => c.battlefieldAtTalks === 'stalemate' || isMomentum(c.battlefieldAtTalks),
    );
    if (scope.length === 0) return null;
    const hits = scope.filter((c) => c.battlefieldAtTalks === 'stalemate');
    return shareInsight(
      meta,
      idsOf(hits),
      idsOf(scope),
      (t) =>
        `Talks opened during a stalemate in ${t} wars with a coded battlefield; the rest opened while one side had momentum.`,
      {
        caveats: ['cases coded "unclear" are left out'],
      },
    );
  },
);

export const stalemateSettles = defineInsight(
  {
    id: 'stalemate-vs-momentum-endings',
    topic: 'momentum',
    title: 'Negotiated endings when talks opened in stalemate vs with momentum',
    needs: [],
  },
  ({ cases }, meta) => {
    const ended = cases.filter((c) => c.outcome !== 'ongoing');
    const st = ended.filter((c) => c.battlefieldAtTalks === 'stalemate');
    const mo = ended.filter((c) => isMomentum(c.battlefieldAtTalks));
    if (st.length + mo.length === 0) return null;
    const a = shareRow(
      'when talks opened in stalemate',
      idsOf(st.filter(endedNegotiated)),
      idsOf(st),
    );
    const b = shareRow('when one side had momentum', idsOf(mo.filter(endedNegotiated)), idsOf(mo));
    return comparisonInsight(
      meta,
      a,
      b,
      (t) => `Wars ended in a settlement or frozen ceasefire ${t}.`,
    );
  },
);
