/**
 * `--store`: saves an analysis (comparison, sensitivity or sweep) to the configured store
 * (PARLEY_DATABASE_URL for PostgreSQL, otherwise the SQLite file PARLEY_DB, default ./parley.db),
 * with the scenario version it was run on.
 */
import type { Scenario } from '../model/index.ts';
import { describeStore, openStore, storeConfigFromEnv, type AnalysisKind } from '../store/index.ts';

export async function storeAnalysis(
  kind: AnalysisKind,
  scenario: Scenario,
  params: unknown,
  summary: unknown,
  rows: readonly unknown[],
): Promise<string> {
  const config = storeConfigFromEnv();
  const store = await openStore(config);
  try {
    const { version } = await store.saveScenario(scenario);
    const a = await store.saveAnalysis({
      kind,
      scenarioId: scenario.id,
      scenarioVersion: version.version,
      params,
      summary,
      rows,
    });
    return `Stored as ${kind} analysis ${a.id} (scenario ${scenario.id} v${version.version}) in ${describeStore(config)}`;
  } finally {
    await store.close();
  }
}
