/**
 * The registry of insight queries, in the order of the digest, and the runner that skips queries
 * whose datasets are absent (with a note) instead of failing.
 */
import { backChannelsAndSettlement, backChannelsBeforeTalks } from './backChannels.ts';
import { caseCeasefiresHeld, ceasefiresMediated, mediatedCeasefiresWritten } from './ceasefires.ts';
import { crisesMediated, crisisMediationAgreements } from './crises.ts';
import { earlyMediationSettlements } from './earlyMediation.ts';
import { civilDurations, civilWarsMediated, interstateDurations } from './durations.ts';
import { failedBeforeSuccess, settlementVsVictoryDurability } from './failedTalks.ts';
import { guaranteesDurability, leverageDurability } from './leverageGuarantees.ts';
import {
  earlyVsLateMediation,
  mediatedWarsSettle,
  mediatorKinds,
  neutralVsBiased,
} from './mediation.ts';
import { outcomesByMediatorBias } from './mediatorBias.ts';
import { stalemateSettles, talksInStalemate } from './momentum.ts';
import { secretChannelLeaks } from './secretChannelLeaks.ts';
import { endingsByEra, endingsByType, howConflictsEnd, recurrenceByEnding } from './termination.ts';
import { talksInFirstYear, timeToTalksByType } from './timeToTalks.ts';
import type { Insight, InsightContext, InsightQuery, Topic } from './insight.ts';

export * from './insight.ts';

export const INSIGHTS: readonly InsightQuery[] = [
  backChannelsBeforeTalks,
  backChannelsAndSettlement,
  secretChannelLeaks,
  timeToTalksByType,
  talksInFirstYear,
  talksInStalemate,
  stalemateSettles,
  earlyVsLateMediation,
  earlyMediationSettlements,
  neutralVsBiased,
  outcomesByMediatorBias,
  mediatorKinds,
  mediatedWarsSettle,
  civilWarsMediated,
  leverageDurability,
  guaranteesDurability,
  failedBeforeSuccess,
  settlementVsVictoryDurability,
  ceasefiresMediated,
  mediatedCeasefiresWritten,
  caseCeasefiresHeld,
  howConflictsEnd,
  endingsByType,
  endingsByEra,
  recurrenceByEnding,
  crisesMediated,
  crisisMediationAgreements,
  interstateDurations,
  civilDurations,
];

export type InsightRun = { insights: Insight[]; skipped: { id: string; reason: string }[] };

/** Runs the queries (optionally of one topic); queries missing a dataset or with nothing in scope are skipped with a reason. */
export function runInsights(
  ctx: InsightContext,
  opts: { topic?: Topic; ids?: readonly string[] } = {},
): InsightRun {
  const insights: Insight[] = [];
  const skipped: { id: string; reason: string }[] = [];
  for (const q of INSIGHTS) {
    if (opts.topic && q.topic !== opts.topic) continue;
    if (opts.ids && !opts.ids.includes(q.id)) continue;
    const missing = q.needs.filter((k) => ctx.datasets[k] === undefined);
    if (missing.length > 0) {
      skipped.push({ id: q.id, reason: `needs dataset(s) not loaded: ${missing.join(', ')}` });
      continue;
    }
    const r = q.run(ctx);
    if (r) insights.push(r);
    else skipped.push({ id: q.id, reason: 'nothing in scope' });
  }
  return { insights, skipped };
}
