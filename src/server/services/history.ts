/**
 * The history service behind /cases, /analogues and /insights: the bundled case base, loaded
 * once from data/cases (a fixed folder), the standard datasets from a data folder (`parley serve
 * --data DIR`, by default ../shared/data when it exists; read on the first request for insights),
 * and the core's analogue and insight functions over them.
 */
import { existsSync } from 'node:fs';
import { DEFAULT_DATA_DIR, loadDatasets, type LoadedDatasets } from '../../data/datasets.ts';
import { pathAnalogues, type Exercise } from '../../exercise/index.ts';
import { DEFAULT_CASES_DIR, loadCases } from '../../data/cases.ts';
import { findAnalogues, FEATURE_SPECS, type Analogue } from '../../history/analogues.ts';
import { caseFeatures, type Features } from '../../history/caseFeatures.ts';
import type { Case } from '../../history/caseSchema.ts';
import {
  INSIGHTS,
  runInsights,
  type InsightRun,
  type Topic,
} from '../../history/insights/index.ts';
import { scenarioFeatures } from '../../history/scenarioFeatures.ts';
import { mulberry32 } from '../../history/stats.ts';
import type { Scenario } from '../../model/index.ts';

export type CaseFilter = { type?: string; region?: string; outcome?: string; q?: string };

const decimalYear = (d: Date) => d.getUTCFullYear() + (d.getUTCMonth() + d.getUTCDate() / 31) / 12;

function monthIndex(s: string): number | undefined {
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(s);
  return m
    ? Number(m[1]) * 12 + Number(m[2]) - 1 + (m[3] ? (Number(m[3]) - 1) / 31 : 0)
    : undefined;
}

/** Insights with the datasets they were computed over: which loaded, which are missing. */
export type InsightAnswer = InsightRun & { datasets: { loaded: string[]; missing: string[] } };

/** The data folder `parley serve` reads when given none: ../shared/data, if it exists. */
export const defaultDataDir = (): string | undefined =>
  existsSync(DEFAULT_DATA_DIR) ? DEFAULT_DATA_DIR : undefined;

export class HistoryService {
  readonly cases: readonly Case[];
  private readonly byId: Map<string, Case>;
  private readonly insightCache = new Map<string, InsightAnswer>();
  private loaded: LoadedDatasets | undefined;

  /** `dataDir`: the standard datasets' folder; undefined = none (insights from the cases only). */
  constructor(
    cases: readonly Case[],
    private readonly dataDir?: string,
  ) {
    this.cases = cases;
    this.byId = new Map(cases.map((c) => [c.id, c]));
  }

  static load(
    dir: string = DEFAULT_CASES_DIR,
    dataDir: string | undefined = defaultDataDir(),
  ): HistoryService {
    return new HistoryService(loadCases(dir).cases, dataDir);
  }

  /** The datasets the insights need, read once (about a second for all of them). */
  datasets(): LoadedDatasets {
    if (!this.loaded) {
      const needed = [...new Set(INSIGHTS.flatMap((q) => q.needs))];
      this.loaded = this.dataDir
        ? loadDatasets(this.dataDir, needed)
        : { datasets: {}, issues: [], missing: needed };
    }
    return this.loaded;
  }

  getCase(id: string): Case | undefined {
    return this.byId.get(id);
  }

  listCases(f: CaseFilter): Case[] {
    const q = f.q?.toLowerCase();
    return this.cases.filter(
      (c) =>
        (f.type === undefined || c.type === f.type) &&
        (f.region === undefined || c.region === f.region) &&
        (f.outcome === undefined || c.outcome === f.outcome) &&
        (q === undefined || c.name.toLowerCase().includes(q) || c.id.includes(q)),
    );
  }

  /** Analogues of a scenario (its war's onset, if recorded, sets how long it has lasted). */
  analoguesOfScenario(
    s: Scenario,
    top: number,
    now: Date = new Date(),
  ): { features: Features; analogues: Analogue[] } {
    let monthsSinceOnset: number | undefined;
    const onset = s.settings.warBegan ? monthIndex(s.settings.warBegan) : undefined;
    const at = monthIndex(s.settings.startDate ?? now.toISOString().slice(0, 7));
    if (onset !== undefined && at !== undefined) monthsSinceOnset = Math.max(0, at - onset);
    const features = scenarioFeatures(s, { monthsSinceOnset });
    return {
      features,
      analogues: findAnalogues(features, this.cases, { top, asOfYear: decimalYear(now) }),
    };
  }

  /** Analogues of the path played in an exercise: its state at the end (exercise/pathAnalogues.ts). */
  analoguesOfPath(ex: Exercise, top: number, now: Date = new Date()) {
    const start = this.analoguesOfScenario(ex.scenario, top, now).features;
    return pathAnalogues(ex, start, this.cases, decimalYear(now), top);
  }

  analoguesOfCase(
    c: Case,
    top: number,
    now: Date = new Date(),
  ): { features: Features; analogues: Analogue[] } {
    const asOfYear = decimalYear(now);
    const features = caseFeatures(c, asOfYear);
    return {
      features,
      analogues: findAnalogues(features, this.cases, { top, excludeId: c.id, asOfYear }),
    };
  }

  readonly featureSpecs = FEATURE_SPECS;

  /**
   * Insights over the case base and the datasets found (seed 1 for bootstrap intervals),
   * computed once per topic, with the datasets loaded and missing named.
   */
  insights(topic?: Topic): InsightAnswer {
    const key = topic ?? '*';
    let run = this.insightCache.get(key);
    if (!run) {
      const d = this.datasets();
      run = {
        ...runInsights(
          { cases: this.cases, datasets: d.datasets, rng: mulberry32(1) },
          topic ? { topic } : {},
        ),
        datasets: { loaded: Object.keys(d.datasets).sort(), missing: [...d.missing].sort() },
      };
      this.insightCache.set(key, run);
    }
    return run;
  }
}
