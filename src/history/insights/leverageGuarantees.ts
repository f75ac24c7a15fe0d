/**
 * Durability of negotiated endings with mediator leverage ("muscle", Beardsley 2008, 2011) and
 * with third-party guarantees or peacekeepers (Walter 1997, 2002; Fortna 2004, 2008).
 */
import type { Case } from '../caseSchema.ts';
import { endedNegotiated, finalAgreement, held5y, mediations } from '../caseQueries.ts';
import { comparisonInsight, defineInsight, idsOf, shareRow } from './insight.ts';

const observable = (cases: readonly Case[]) =>
  cases.filter((c) => endedNegotiated(c) && held5y(c) !== null);

export const leverageDurability = defineInsight(
  {
    id: 'leverage-and-durability',
    topic: 'leverage-guarantees',
    title: 'Did negotiated endings hold 5 years when mediators used leverage?',
    needs: [],
  },
  ({ cases }, meta) => {
    const scope = observable(cases).filter((c) => mediations(c).length > 0);
    if (scope.length === 0) return null;
    const muscle = scope.filter((c) =>
      mediations(c).some((m) => m.leverage.length > 0 || m.strategy === 'manipulation'),
    );
    const soft = scope.filter((c) => !muscle.includes(c));
    const a = shareRow(
      'with mediator leverage',
      idsOf(muscle.filter((c) => held5y(c) === true)),
      idsOf(muscle),
    );
    const b = shareRow(
      'with facilitation or formulation only',
      idsOf(soft.filter((c) => held5y(c) === true)),
      idsOf(soft),
    );
    return comparisonInsight(
      meta,
      a,
      b,
      (t) => `Mediated settlements and ceasefires held at least five years ${t}.`,
      {
        caveats: [
          'Beardsley (2008) finds leverage buys agreements but not always lasting ones; leverage is applied where stakes are high',
        ],
      },
    );
  },
);

export const guaranteesDurability = defineInsight(
  {
    id: 'guarantees-and-durability',
    topic: 'leverage-guarantees',
    title: 'Did negotiated endings hold 5 years with third-party guarantees or peacekeepers?',
    needs: [],
  },
  ({ cases }, meta) => {
    const scope = observable(cases).filter((c) => finalAgreement(c) !== undefined);
    if (scope.length === 0) return null;
    const guaranteed = scope.filter((c) => {
      const a = finalAgreement(c);
      return a !== undefined && (a.guarantors.length > 0 || a.peacekeepers);
    });
    const bare = scope.filter((c) => !guaranteed.includes(c));
    const a = shareRow(
      'with guarantors or peacekeepers',
      idsOf(guaranteed.filter((c) => held5y(c) === true)),
      idsOf(guaranteed),
    );
    const b = shareRow('without', idsOf(bare.filter((c) => held5y(c) === true)), idsOf(bare));
    return comparisonInsight(meta, a, b, (t) => `Final agreements held at least five years ${t}.`, {
      caveats: [
        'peacekeepers go to the harder cases (Fortna 2004), which biases this comparison against them',
      ],
    });
  },
);
