/**
 * The store: one interface over SQLite (embedded, the default) and PostgreSQL (shared). It keeps
 * every saved version of a scenario with its hash, runs with their result JSON and provenance,
 * analyses (comparisons, sensitivity, sweeps) as generic JSON rows keyed by scenario version,
 * imported datasets, and API tokens (hashed). Every multi-row write is one transaction.
 * Edge module: the core never sees it; the server, the CLI and the workers call it.
 */
import type { Scenario } from '../model/index.ts';
import type { Decision, ExerciseSetup, Injection, LogEntry, Rewind } from '../exercise/index.ts';

export type ScenarioVersionMeta = {
  id: string;
  version: number;
  /** SHA-256 of the canonical JSON of this saved document, run settings included (engine inputHash) */
  hash: string;
  name: string;
  createdAt: string;
};
export type ScenarioVersion = ScenarioVersionMeta & { scenario: Scenario };
export type ScenarioSummary = ScenarioVersionMeta & { versions: number };

export type RunStatus = 'queued' | 'running' | 'done' | 'failed';

export type RunRecord = {
  id: string;
  scenarioId: string;
  scenarioVersion: number;
  /** the scenario alone, without run settings (engine scenarioHash): equal to its result's */
  scenarioHash: string;
  seed: number;
  runs: number;
  engineVersion: string;
  status: RunStatus;
  error: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  /** wall-clock simulation time */
  durationMs: number | null;
};

export type NewRun = Pick<
  RunRecord,
  'scenarioId' | 'scenarioVersion' | 'scenarioHash' | 'seed' | 'runs' | 'engineVersion'
> &
  (
    | { status: 'queued' }
    /** a run finished before it was saved (small synchronous runs): stored in one write */
    | { status: 'done'; resultJson: string; startedAt: string; durationMs: number }
  );

export type AnalysisKind = 'comparison' | 'sensitivity' | 'sweep';

export type AnalysisRecord = {
  id: string;
  kind: AnalysisKind;
  scenarioId: string;
  scenarioVersion: number;
  params: unknown;
  summary: unknown;
  rowCount: number;
  createdAt: string;
};

export type NewAnalysis = {
  kind: AnalysisKind;
  scenarioId: string;
  scenarioVersion: number;
  params: unknown;
  /** a small JSON summary of the whole analysis */
  summary?: unknown;
  /** tidy result rows (one per variant, cell or parameter value) */
  rows: readonly unknown[];
};

export type DatasetMeta = {
  name: string;
  version: string;
  /** SHA-256 of the canonical JSON of { columns, rows }: same content, same checksum */
  checksum: string;
  rowCount: number;
  columns: string[] | null;
  source: string | null;
  importedAt: string;
};

export type DatasetImport = {
  name: string;
  version: string;
  rows: readonly unknown[];
  columns?: readonly string[];
  /** where the rows came from (file name, URL of the release) */
  source?: string;
};

/** created: new name+version; replaced: same name+version, different content; unchanged: same checksum (no write). */
export type DatasetImportResult = {
  status: 'created' | 'replaced' | 'unchanged';
  dataset: DatasetMeta;
};

export type TokenMeta = {
  id: string;
  name: string;
  createdAt: string;
  revokedAt: string | null;
};

/**
 * Keyset pages of the lists (stable under inserts: a page starts after the last row of the one
 * before, never at an offset). `limit` rows at most; `after` is the key of the previous page's
 * last row. Without `limit` a list is whole, as before (the CLI); the API always pages.
 */
export type RunPage = {
  scenarioId?: string;
  limit?: number;
  after?: { createdAt: string; id: string };
};
export type AnalysisPage = {
  kind?: AnalysisKind;
  scenarioId?: string;
  limit?: number;
  after?: { createdAt: string; id: string };
};

export type ExerciseStatus = 'open' | 'finished';

export type ExerciseRecord = {
  id: string;
  scenarioId: string;
  scenarioVersion: number;
  setup: ExerciseSetup;
  log: LogEntry[];
  /** Decisions handed in for the month being played, by role. */
  pending: Record<string, Decision>;
  /** The next month to play. */
  month: number;
  /** ISO time after which decisions for this month are refused (null: none). */
  deadline: string | null;
  status: ExerciseStatus;
  /** Events the facilitator injected (played, and pending for this month). */
  injections: Injection[];
  /** Rewinds, oldest first, with what each dropped. */
  rewinds: Rewind[];
  /** When the facilitator paused the exercise (null: running); the deadline is frozen meanwhile. */
  pausedAt: string | null;
  createdAt: string;
  updatedAt: string;
};

export type ExerciseProgress = Pick<
  ExerciseRecord,
  'log' | 'pending' | 'month' | 'deadline' | 'status' | 'injections' | 'rewinds' | 'pausedAt'
>;

export type ExerciseTokenMeta = {
  id: string;
  exerciseId: string;
  /** A played role's party id, or 'facilitator'. */
  role: string;
  createdAt: string;
  revokedAt: string | null;
};

export interface Store {
  readonly kind: 'sqlite' | 'postgres';
  /** Throws when the database cannot answer (readiness). */
  ping(): Promise<void>;
  close(): Promise<void>;

  /** Saves a new version unless the latest version has the same hash (then returns it, created: false). */
  saveScenario(scenario: Scenario): Promise<{ version: ScenarioVersionMeta; created: boolean }>;
  /** The latest version of every scenario, by id (a page: ids after `afterId`). */
  listScenarios(opts?: { limit?: number; afterId?: string }): Promise<ScenarioSummary[]>;
  /** A version (the latest when omitted). */
  getScenario(id: string, version?: number): Promise<ScenarioVersion | undefined>;
  /** Versions oldest first (a page: versions after `afterVersion`). */
  listScenarioVersions(
    id: string,
    opts?: { limit?: number; afterVersion?: number },
  ): Promise<ScenarioVersionMeta[]>;
  /** Deletes every version with its runs and analyses; false when there was none. */
  deleteScenario(id: string): Promise<boolean>;

  createRun(run: NewRun): Promise<RunRecord>;
  startRun(id: string): Promise<void>;
  finishRun(id: string, resultJson: string, durationMs: number): Promise<void>;
  failRun(id: string, error: string): Promise<void>;
  /**
   * Runs left queued or running (by a process that stopped) become failed with this reason;
   * with `createdBefore` (ISO time) only those created earlier (a shared database may hold
   * other servers' live jobs).
   */
  failUnfinishedRuns(error: string, opts?: { createdBefore?: string }): Promise<number>;
  getRun(id: string): Promise<RunRecord | undefined>;
  /** The stored result JSON text, as saved (no re-serialisation). */
  getRunResultJson(id: string): Promise<string | undefined>;
  /** Newest first, then by id (at most 1,000; 100 unless `limit`). */
  listRuns(opts?: RunPage): Promise<RunRecord[]>;

  saveAnalysis(a: NewAnalysis): Promise<AnalysisRecord>;
  getAnalysis(id: string): Promise<AnalysisRecord | undefined>;
  getAnalysisRows(id: string, opts?: { offset?: number; limit?: number }): Promise<unknown[]>;
  /** Newest first, then by id (at most 1,000). */
  listAnalyses(opts?: AnalysisPage): Promise<AnalysisRecord[]>;

  /** Idempotent: importing the same rows under the same name and version writes nothing. */
  importDataset(d: DatasetImport): Promise<DatasetImportResult>;
  listDatasets(): Promise<DatasetMeta[]>;
  getDataset(name: string, version?: string): Promise<DatasetMeta | undefined>;
  getDatasetRows(
    name: string,
    version: string,
    opts?: { offset?: number; limit?: number },
  ): Promise<unknown[]>;

  /** Creates a token; the secret is returned once and only its salted hash is kept. */
  createToken(name: string): Promise<{ token: string; meta: TokenMeta }>;
  /** The token's metadata when it is known and not revoked. */
  verifyToken(token: string): Promise<TokenMeta | undefined>;
  listTokens(): Promise<TokenMeta[]>;
  revokeToken(id: string): Promise<boolean>;

  createExercise(
    e: Pick<ExerciseRecord, 'scenarioId' | 'scenarioVersion' | 'setup' | 'deadline'>,
  ): Promise<ExerciseRecord>;
  getExercise(id: string): Promise<ExerciseRecord | undefined>;
  /**
   * Saves progress only if the stored exercise is still at `expectedMonth` with the stored
   * `updatedAt` (another writer did not get there first); false otherwise.
   */
  saveExerciseProgress(
    id: string,
    p: ExerciseProgress,
    expected: { month: number; updatedAt: string },
  ): Promise<ExerciseRecord | undefined>;
  /** A token for one role of one exercise; the secret is returned once, only its hash kept. */
  createExerciseToken(
    exerciseId: string,
    role: string,
  ): Promise<{ token: string; meta: ExerciseTokenMeta }>;
  verifyExerciseToken(exerciseId: string, token: string): Promise<ExerciseTokenMeta | undefined>;
  listExerciseTokens(exerciseId: string): Promise<ExerciseTokenMeta[]>;
  revokeExerciseToken(exerciseId: string, tokenId: string): Promise<boolean>;
}
