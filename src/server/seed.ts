/**
 * Seeds a store with the bundled scenarios (a new version only when a file changed) and the
 * bundled case base as the dataset `parley-cases` (idempotent: an unchanged case base writes
 * nothing).
 */
import type { Store } from '../store/index.ts';
import { loadBundledScenarios } from './services/bundled.ts';
import type { HistoryService } from './services/history.ts';

export type SeedReport = {
  scenariosSaved: number;
  scenariosKept: number;
  cases: 'created' | 'replaced' | 'unchanged';
};

export async function seedStore(store: Store, history: HistoryService): Promise<SeedReport> {
  let scenariosSaved = 0;
  let scenariosKept = 0;
  for (const { scenario } of loadBundledScenarios()) {
    const r = await store.saveScenario(scenario);
    if (r.created) scenariosSaved++;
    else scenariosKept++;
  }
  const cases = await store.importDataset({
    name: 'parley-cases',
    version: 'bundled',
    rows: history.cases,
    source: 'data/cases',
  });
  return { scenariosSaved, scenariosKept, cases: cases.status };
}
