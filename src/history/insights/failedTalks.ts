/**
 * Failed talks before success, and the durability of settlements vs victories
 * (Licklider 1995; Toft 2010, Securing the Peace).
 */
import {
  endedInVictory,
  failedAttemptsBeforeAgreement,
  finalAgreement,
  held5y,
} from '../caseQueries.ts';
import { comparisonInsight, defineInsight, idsOf, shareInsight, shareRow } from './insight.ts';

export const failedBeforeSuccess = defineInsight(
  {
    id: 'failed-talks-before-success',
    topic: 'failed-talks',
    title: 'Settlements preceded by at least one failed round of talks',
    needs: [],
  },
  ({ cases }, meta) => {
    const scope = cases.filter(
      (c) => c.outcome === 'negotiated-settlement' && finalAgreement(c) !== undefined,
    );
    if (scope.length === 0) return null;
    const hits = scope.filter((c) => failedAttemptsBeforeAgreement(c) > 0);
    const total = scope.reduce((s, c) => s + failedAttemptsBeforeAgreement(c), 0);
    return shareInsight(
      meta,
      idsOf(hits),
      idsOf(scope),
      (t) =>
        `At least one breakdown or failed mediation came before the final agreement in ${t} negotiated settlements (${(total / scope.length).toFixed(1)} failed attempts per settlement on average).`,
      { caveats: ['failed rounds are coded only when sources mention them'] },
    );
  },
);

export const settlementVsVictoryDurability = defineInsight(
  {
    id: 'settlements-vs-victories-durability',
    topic: 'failed-talks',
    title: 'Did the peace hold 5 years after settlements vs victories?',
    needs: [],
  },
  ({ cases }, meta) => {
    const obs = cases.filter((c) => held5y(c) !== null);
    const set = obs.filter((c) => c.outcome === 'negotiated-settlement');
    const vic = obs.filter(endedInVictory);
    if (set.length + vic.length === 0) return null;
    const a = shareRow(
      'after negotiated settlements',
      idsOf(set.filter((c) => held5y(c) === true)),
      idsOf(set),
    );
    const b = shareRow(
      'after military victories',
      idsOf(vic.filter((c) => held5y(c) === true)),
      idsOf(vic),
    );
    return comparisonInsight(meta, a, b, (t) => `No fighting resumed within five years ${t}.`);
  },
);
