/** The services decorated on the app as `app.parley`; routes stay thin and call these. */
import type { Store } from '../../store/index.ts';
import type { ServerConfig } from '../config.ts';
import type { AnalysisService } from './analyses.ts';
import type { ComputeQueue } from './computeQueue.ts';
import type { StreamLimits } from './streams.ts';
import type { HistoryService } from './history.ts';
import type { ResultCache } from './resultCache.ts';
import type { RunService } from './runs.ts';
import type { ScenarioParser } from './scenarioParser.ts';

export type AppServices = {
  store: Store;
  /** the one bounded queue of every computation (runs, analyses, reports) */
  compute: ComputeQueue;
  /** bounds on open progress streams */
  streams: StreamLimits;
  runs: RunService;
  history: HistoryService;
  analyses: AnalysisService;
  results: ResultCache;
  /** scenario bodies, read off the event loop when large */
  parser: ScenarioParser;
  config: ServerConfig;
};

declare module 'fastify' {
  interface FastifyInstance {
    parley: AppServices;
  }
  interface FastifyContextConfig {
    /** who may call the route: anyone, readers (PARLEY_READS), or token holders only */
    access?: 'public' | 'read' | 'write';
  }
}
