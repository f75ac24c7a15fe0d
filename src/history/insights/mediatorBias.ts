/**
 * How wars ended by the bias of their mediators (issue 17). Biased mediators can deliver the side
 * they favour and may produce more durable deals (Kydd 2003, AJPS 47(4); Svensson 2009, JCR
 * 53(3)); neutral ones may be trusted by both. The unit is the war: a war's wartime mediation
 * efforts are neutral only, or include at least one leaning to a side. Among wars whose biased
 * mediators all leaned the same way, we also count who won outright.
 */
import type { Case, MediationEvent } from '../caseSchema.ts';
import { isPreWar } from '../caseSchema.ts';
import { endedNegotiated, mediations } from '../caseQueries.ts';
import { comparisonInsight, defineInsight, idsOf, shareRow } from './insight.ts';

const wartimeMediations = (c: Case): MediationEvent[] =>
  mediations(c).filter((m) => !isPreWar(m, c.start));

/** The sides the war's biased mediators leaned to (empty = neutral mediators only). */
export function favouredSides(c: Case): Set<'a' | 'b'> {
  const sides = new Set<'a' | 'b'>();
  for (const m of wartimeMediations(c)) if (m.bias.toward !== 'neutral') sides.add(m.bias.toward);
  return sides;
}

export const outcomesByMediatorBias = defineInsight(
  {
    id: 'outcomes-by-mediator-bias',
    topic: 'mediation',
    title: 'How mediated wars ended: neutral mediators only vs a mediator leaning to one side',
    needs: [],
  },
  ({ cases }, meta) => {
    const mediated = cases.filter(
      (c) => c.outcome !== 'ongoing' && wartimeMediations(c).length > 0,
    );
    if (mediated.length === 0) return null;
    const neutral = mediated.filter((c) => favouredSides(c).size === 0);
    const biased = mediated.filter((c) => favouredSides(c).size > 0);
    const oneSided = biased.filter((c) => favouredSides(c).size === 1);
    const favouredWon = oneSided.filter((c) => {
      const [side] = [...favouredSides(c)];
      return c.outcome === `victory-side-${side}`;
    });
    const otherWon = oneSided.filter((c) => {
      const [side] = [...favouredSides(c)];
      return c.outcome === `victory-side-${side === 'a' ? 'b' : 'a'}`;
    });
    const a = shareRow(
      'neutral mediators only',
      idsOf(neutral.filter(endedNegotiated)),
      idsOf(neutral),
    );
    const b = shareRow(
      'with a mediator leaning to one side',
      idsOf(biased.filter(endedNegotiated)),
      idsOf(biased),
    );
    return comparisonInsight(
      meta,
      a,
      b,
      (t) =>
        `Mediated wars ended in a settlement or frozen ceasefire ${t}; where every biased mediator leaned the same way, that side won outright in ${favouredWon.length} of ${oneSided.length} wars and the other side in ${otherWon.length} of ${oneSided.length}.`,
      {
        more: [
          shareRow(
            'biased mediators all on one side: that side won outright',
            idsOf(favouredWon),
            idsOf(oneSided),
          ),
          shareRow(
            'biased mediators all on one side: the other side won outright',
            idsOf(otherWon),
            idsOf(oneSided),
          ),
        ],
        caveats: [
          'bias is coded per mediation effort from the sources (alliance, kinship, stated position); a patron that mediates is coded as leaning to its client',
          'biased mediators are often patrons already fighting or arming one side, so their wars differ in more than mediation',
        ],
      },
    );
  },
);
