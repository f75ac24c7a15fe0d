/**
 * The Store over a SqlDb: the same SQL for SQLite and PostgreSQL (`?` placeholders, TEXT JSON,
 * ISO-8601 timestamps), so both backends pass one test suite. Multi-row writes run in one
 * transaction; a failure inside leaves nothing half-saved.
 */
import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { canonicalJson, inputHash } from '../engine/index.ts';
import type { Scenario } from '../model/index.ts';
import { migrate } from './migrations/index.ts';
import type { SqlDb, SqlParam } from './sqlDb.ts';
import type {
  AnalysisKind,
  AnalysisRecord,
  DatasetImport,
  DatasetImportResult,
  DatasetMeta,
  NewAnalysis,
  NewRun,
  AnalysisPage,
  RunPage,
  RunRecord,
  ScenarioSummary,
  ScenarioVersion,
  ScenarioVersionMeta,
  Store,
  TokenMeta,
  ExerciseProgress,
  ExerciseRecord,
  ExerciseStatus,
  ExerciseTokenMeta,
} from './store.ts';
import type { Decision, ExerciseSetup, Injection, LogEntry, Rewind } from '../exercise/index.ts';

const now = () => new Date().toISOString();
const sha256 = (s: string | Buffer) => createHash('sha256').update(s).digest('hex');
/** Rows per multi-row INSERT (PostgreSQL allows 65,535 parameters per statement). */
const BATCH = 500;

type ScenarioRow = { id: string; version: number; hash: string; name: string; created_at: string };
type RunRow = {
  id: string;
  scenario_id: string;
  scenario_version: number;
  scenario_hash: string;
  seed: number;
  runs: number;
  engine_version: string;
  status: RunRecord['status'];
  error: string | null;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
  duration_ms: number | null;
};
type AnalysisRow = {
  id: string;
  kind: AnalysisKind;
  scenario_id: string;
  scenario_version: number;
  params: string;
  summary: string | null;
  row_count: number;
  created_at: string;
};
type DatasetRow = {
  name: string;
  version: string;
  checksum: string;
  row_count: number;
  columns: string | null;
  source: string | null;
  imported_at: string;
};
type TokenRow = {
  id: string;
  name: string;
  salt: string;
  hash: string;
  created_at: string;
  revoked_at: string | null;
};

const RUN_COLUMNS =
  'id, scenario_id, scenario_version, scenario_hash, seed, runs, engine_version, status, error, created_at, started_at, finished_at, duration_ms';

const toScenarioMeta = (r: ScenarioRow): ScenarioVersionMeta => ({
  id: r.id,
  version: r.version,
  hash: r.hash,
  name: r.name,
  createdAt: r.created_at,
});
const toRun = (r: RunRow): RunRecord => ({
  id: r.id,
  scenarioId: r.scenario_id,
  scenarioVersion: r.scenario_version,
  scenarioHash: r.scenario_hash,
  seed: r.seed,
  runs: r.runs,
  engineVersion: r.engine_version,
  status: r.status,
  error: r.error,
  createdAt: r.created_at,
  startedAt: r.started_at,
  finishedAt: r.finished_at,
  durationMs: r.duration_ms,
});
const toAnalysis = (r: AnalysisRow): AnalysisRecord => ({
  id: r.id,
  kind: r.kind,
  scenarioId: r.scenario_id,
  scenarioVersion: r.scenario_version,
  params: JSON.parse(r.params) as unknown,
  summary: r.summary === null ? null : (JSON.parse(r.summary) as unknown),
  rowCount: r.row_count,
  createdAt: r.created_at,
});
const toDataset = (r: DatasetRow): DatasetMeta => ({
  name: r.name,
  version: r.version,
  checksum: r.checksum,
  rowCount: r.row_count,
  columns: r.columns === null ? null : (JSON.parse(r.columns) as string[]),
  source: r.source,
  importedAt: r.imported_at,
});
const toToken = (r: TokenRow): TokenMeta => ({
  id: r.id,
  name: r.name,
  createdAt: r.created_at,
  revokedAt: r.revoked_at,
});

/** Lists answer at most 1,000 rows a page, plus one to tell whether another page follows. */
const clampLimit = (limit: number) => Math.min(1001, Math.max(1, Math.floor(limit)));
const whereSql = (where: string[]) => (where.length ? ` WHERE ${where.join(' AND ')}` : '');

/**
 * The rows after a key in the order `created_at DESC, id` (one comparison, the same SQL for
 * SQLite and PostgreSQL: mixed directions rule out a row-value comparison).
 */
function afterKey(
  where: string[],
  params: SqlParam[],
  after: { createdAt: string; id: string } | undefined,
): void {
  if (!after) return;
  where.push('(created_at < ? OR (created_at = ? AND id > ?))');
  params.push(after.createdAt, after.createdAt, after.id);
}

/** INSERT of many rows in batches, inside the caller's transaction. */
async function insertMany(
  t: SqlDb,
  head: string,
  width: number,
  rows: readonly SqlParam[][],
): Promise<void> {
  const tuple = `(${Array.from({ length: width }, () => '?').join(', ')})`;
  for (let i = 0; i < rows.length; i += BATCH) {
    const chunk = rows.slice(i, i + BATCH);
    await t.run(`${head} VALUES ${chunk.map(() => tuple).join(', ')}`, chunk.flat());
  }
}

function clampPage(opts?: { offset?: number; limit?: number }): { offset: number; limit: number } {
  const offset = Math.max(0, Math.floor(opts?.offset ?? 0));
  const limit = Math.min(10_000, Math.max(1, Math.floor(opts?.limit ?? 1000)));
  return { offset, limit };
}

/** Token format: `parley_<id>_<secret>`; the id finds the row, the secret is checked against its hash. */
const TOKEN_RE = /^parley_([0-9a-f]{12})_([A-Za-z0-9_-]{32})$/;

export class SqlStore implements Store {
  private constructor(
    private readonly db: SqlDb,
    readonly kind: 'sqlite' | 'postgres',
  ) {}

  /** Wraps an open connection and applies the missing migrations. */
  static async open(db: SqlDb): Promise<SqlStore> {
    await migrate(db);
    return new SqlStore(db, db.dialect);
  }

  async ping(): Promise<void> {
    await this.db.get('SELECT 1 AS one');
  }

  close(): Promise<void> {
    return this.db.close();
  }

  // --- scenarios ---------------------------------------------------------------------------

  saveScenario(scenario: Scenario): Promise<{ version: ScenarioVersionMeta; created: boolean }> {
    // the whole document: a change of settings alone (runs, seed) is a new version too
    const hash = inputHash(scenario);
    return this.db.tx(async (t) => {
      // PostgreSQL: concurrent saves of one id take turns (SQLite transactions are serial)
      if (t.dialect === 'postgres')
        await t.get('SELECT pg_advisory_xact_lock(hashtext(?))', [`scenario:${scenario.id}`]);
      const latest = await t.get<ScenarioRow>(
        'SELECT id, version, hash, name, created_at FROM scenarios WHERE id = ? ORDER BY version DESC LIMIT 1',
        [scenario.id],
      );
      if (latest && latest.hash === hash)
        return { version: toScenarioMeta(latest), created: false };
      const row: ScenarioRow = {
        id: scenario.id,
        version: (latest?.version ?? 0) + 1,
        hash,
        name: scenario.name,
        created_at: now(),
      };
      await t.run(
        'INSERT INTO scenarios (id, version, hash, name, body, created_at) VALUES (?, ?, ?, ?, ?, ?)',
        [row.id, row.version, row.hash, row.name, JSON.stringify(scenario), row.created_at],
      );
      return { version: toScenarioMeta(row), created: true };
    });
  }

  async listScenarios(opts: { limit?: number; afterId?: string } = {}): Promise<ScenarioSummary[]> {
    const params: SqlParam[] = [];
    const where: string[] = [];
    if (opts.afterId !== undefined) {
      where.push('s.id > ?');
      params.push(opts.afterId);
    }
    if (opts.limit !== undefined) params.push(clampLimit(opts.limit));
    const rows = await this.db.all<ScenarioRow & { versions: number }>(
      `SELECT s.id, s.version, s.hash, s.name, s.created_at, v.versions
         FROM scenarios s
         JOIN (SELECT id, MAX(version) AS latest, CAST(COUNT(*) AS INTEGER) AS versions
                 FROM scenarios GROUP BY id) v
           ON v.id = s.id AND v.latest = s.version${whereSql(where)}
        ORDER BY s.id${opts.limit === undefined ? '' : ' LIMIT ?'}`,
      params,
    );
    return rows.map((r) => ({ ...toScenarioMeta(r), versions: Number(r.versions) }));
  }

  async getScenario(id: string, version?: number): Promise<ScenarioVersion | undefined> {
    const row =
      version === undefined
        ? await this.db.get<ScenarioRow & { body: string }>(
            'SELECT id, version, hash, name, body, created_at FROM scenarios WHERE id = ? ORDER BY version DESC LIMIT 1',
            [id],
          )
        : await this.db.get<ScenarioRow & { body: string }>(
            'SELECT id, version, hash, name, body, created_at FROM scenarios WHERE id = ? AND version = ?',
            [id, version],
          );
    return row && { ...toScenarioMeta(row), scenario: JSON.parse(row.body) as Scenario };
  }

  async listScenarioVersions(
    id: string,
    opts: { limit?: number; afterVersion?: number } = {},
  ): Promise<ScenarioVersionMeta[]> {
    const rows = await this.db.all<ScenarioRow>(
      `SELECT id, version, hash, name, created_at FROM scenarios WHERE id = ? AND version > ? ORDER BY version${opts.limit === undefined ? '' : ' LIMIT ?'}`,
      opts.limit === undefined
        ? [id, opts.afterVersion ?? 0]
        : [id, opts.afterVersion ?? 0, clampLimit(opts.limit)],
    );
    return rows.map(toScenarioMeta);
  }

  deleteScenario(id: string): Promise<boolean> {
    // explicit deletes (rather than relying on ON DELETE CASCADE alone) keep SQLite files that
    // were opened without foreign keys consistent too
    return this.db.tx(async (t) => {
      await t.run(
        'DELETE FROM analysis_rows WHERE analysis_id IN (SELECT id FROM analyses WHERE scenario_id = ?)',
        [id],
      );
      await t.run('DELETE FROM analyses WHERE scenario_id = ?', [id]);
      await t.run('DELETE FROM runs WHERE scenario_id = ?', [id]);
      const { changes } = await t.run('DELETE FROM scenarios WHERE id = ?', [id]);
      return changes > 0;
    });
  }

  // --- runs --------------------------------------------------------------------------------

  async createRun(run: NewRun): Promise<RunRecord> {
    const created = now();
    const row: RunRow & { result: string | null } = {
      id: randomUUID(),
      scenario_id: run.scenarioId,
      scenario_version: run.scenarioVersion,
      scenario_hash: run.scenarioHash,
      seed: run.seed,
      runs: run.runs,
      engine_version: run.engineVersion,
      status: run.status,
      error: null,
      created_at: run.status === 'done' ? run.startedAt : created,
      started_at: run.status === 'done' ? run.startedAt : null,
      finished_at: run.status === 'done' ? created : null,
      duration_ms: run.status === 'done' ? run.durationMs : null,
      result: run.status === 'done' ? run.resultJson : null,
    };
    await this.db.run(
      `INSERT INTO runs (${RUN_COLUMNS}, result) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        row.id,
        row.scenario_id,
        row.scenario_version,
        row.scenario_hash,
        row.seed,
        row.runs,
        row.engine_version,
        row.status,
        row.error,
        row.created_at,
        row.started_at,
        row.finished_at,
        row.duration_ms,
        row.result,
      ],
    );
    return toRun(row);
  }

  async startRun(id: string): Promise<void> {
    await this.db.run(
      "UPDATE runs SET status = 'running', started_at = ? WHERE id = ? AND status = 'queued'",
      [now(), id],
    );
  }

  async finishRun(id: string, resultJson: string, durationMs: number): Promise<void> {
    await this.db.run(
      "UPDATE runs SET status = 'done', result = ?, finished_at = ?, duration_ms = ? WHERE id = ? AND status IN ('queued', 'running')",
      [resultJson, now(), durationMs, id],
    );
  }

  async failRun(id: string, error: string): Promise<void> {
    await this.db.run(
      "UPDATE runs SET status = 'failed', error = ?, finished_at = ? WHERE id = ? AND status IN ('queued', 'running')",
      [error, now(), id],
    );
  }

  async failUnfinishedRuns(error: string, opts: { createdBefore?: string } = {}): Promise<number> {
    const { changes } = await this.db.run(
      "UPDATE runs SET status = 'failed', error = ?, finished_at = ? WHERE status IN ('queued', 'running') AND created_at < ?",
      [error, now(), opts.createdBefore ?? '9999'],
    );
    return changes;
  }

  async getRun(id: string): Promise<RunRecord | undefined> {
    const row = await this.db.get<RunRow>(`SELECT ${RUN_COLUMNS} FROM runs WHERE id = ?`, [id]);
    return row && toRun(row);
  }

  async getRunResultJson(id: string): Promise<string | undefined> {
    const row = await this.db.get<{ result: string | null }>(
      'SELECT result FROM runs WHERE id = ?',
      [id],
    );
    return row?.result ?? undefined;
  }

  async listRuns(opts: RunPage = {}): Promise<RunRecord[]> {
    const where: string[] = [];
    const params: SqlParam[] = [];
    if (opts.scenarioId !== undefined) {
      where.push('scenario_id = ?');
      params.push(opts.scenarioId);
    }
    afterKey(where, params, opts.after);
    params.push(clampLimit(opts.limit ?? 100));
    const rows = await this.db.all<RunRow>(
      `SELECT ${RUN_COLUMNS} FROM runs${whereSql(where)} ORDER BY created_at DESC, id LIMIT ?`,
      params,
    );
    return rows.map(toRun);
  }

  // --- analyses (comparisons, sensitivity, sweeps) ------------------------------------------

  saveAnalysis(a: NewAnalysis): Promise<AnalysisRecord> {
    const row: AnalysisRow = {
      id: randomUUID(),
      kind: a.kind,
      scenario_id: a.scenarioId,
      scenario_version: a.scenarioVersion,
      params: JSON.stringify(a.params ?? null),
      summary: a.summary === undefined ? null : JSON.stringify(a.summary),
      row_count: a.rows.length,
      created_at: now(),
    };
    return this.db.tx(async (t) => {
      await t.run(
        'INSERT INTO analyses (id, kind, scenario_id, scenario_version, params, summary, row_count, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
        [
          row.id,
          row.kind,
          row.scenario_id,
          row.scenario_version,
          row.params,
          row.summary,
          row.row_count,
          row.created_at,
        ],
      );
      await insertMany(
        t,
        'INSERT INTO analysis_rows (analysis_id, row_index, data)',
        3,
        a.rows.map((r, i) => [row.id, i, JSON.stringify(r)]),
      );
      return toAnalysis(row);
    });
  }

  async getAnalysis(id: string): Promise<AnalysisRecord | undefined> {
    const row = await this.db.get<AnalysisRow>('SELECT * FROM analyses WHERE id = ?', [id]);
    return row && toAnalysis(row);
  }

  async getAnalysisRows(
    id: string,
    opts?: { offset?: number; limit?: number },
  ): Promise<unknown[]> {
    const { offset, limit } = clampPage(opts);
    const rows = await this.db.all<{ data: string }>(
      'SELECT data FROM analysis_rows WHERE analysis_id = ? AND row_index >= ? ORDER BY row_index LIMIT ?',
      [id, offset, limit],
    );
    return rows.map((r) => JSON.parse(r.data) as unknown);
  }

  async listAnalyses(opts: AnalysisPage = {}): Promise<AnalysisRecord[]> {
    const where: string[] = [];
    const params: SqlParam[] = [];
    if (opts.kind !== undefined) {
      where.push('kind = ?');
      params.push(opts.kind);
    }
    if (opts.scenarioId !== undefined) {
      where.push('scenario_id = ?');
      params.push(opts.scenarioId);
    }
    afterKey(where, params, opts.after);
    params.push(clampLimit(opts.limit ?? 1000));
    const rows = await this.db.all<AnalysisRow>(
      `SELECT * FROM analyses${whereSql(where)} ORDER BY created_at DESC, id LIMIT ?`,
      params,
    );
    return rows.map(toAnalysis);
  }

  // --- datasets ----------------------------------------------------------------------------

  importDataset(d: DatasetImport): Promise<DatasetImportResult> {
    const columns = d.columns ? [...d.columns] : null;
    const rowsJson = d.rows.map((r) => canonicalJson(r));
    const checksum = sha256(`{"columns":${canonicalJson(columns)},"rows":[${rowsJson.join(',')}]}`);
    return this.db.tx(async (t) => {
      const prior = await t.get<DatasetRow>(
        'SELECT * FROM datasets WHERE name = ? AND version = ?',
        [d.name, d.version],
      );
      if (prior && prior.checksum === checksum)
        return { status: 'unchanged' as const, dataset: toDataset(prior) };
      const row: DatasetRow = {
        name: d.name,
        version: d.version,
        checksum,
        row_count: d.rows.length,
        columns: columns && JSON.stringify(columns),
        source: d.source ?? null,
        imported_at: now(),
      };
      if (prior) {
        await t.run('DELETE FROM dataset_rows WHERE name = ? AND version = ?', [d.name, d.version]);
        await t.run(
          'UPDATE datasets SET checksum = ?, row_count = ?, columns = ?, source = ?, imported_at = ? WHERE name = ? AND version = ?',
          [
            row.checksum,
            row.row_count,
            row.columns,
            row.source,
            row.imported_at,
            d.name,
            d.version,
          ],
        );
      } else {
        await t.run(
          'INSERT INTO datasets (name, version, checksum, row_count, columns, source, imported_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
          [
            row.name,
            row.version,
            row.checksum,
            row.row_count,
            row.columns,
            row.source,
            row.imported_at,
          ],
        );
      }
      await insertMany(
        t,
        'INSERT INTO dataset_rows (name, version, row_index, data)',
        4,
        rowsJson.map((json, i) => [d.name, d.version, i, json]),
      );
      return {
        status: prior ? ('replaced' as const) : ('created' as const),
        dataset: toDataset(row),
      };
    });
  }

  async listDatasets(): Promise<DatasetMeta[]> {
    const rows = await this.db.all<DatasetRow>('SELECT * FROM datasets ORDER BY name, version');
    return rows.map(toDataset);
  }

  async getDataset(name: string, version?: string): Promise<DatasetMeta | undefined> {
    const row =
      version === undefined
        ? await this.db.get<DatasetRow>(
            'SELECT * FROM datasets WHERE name = ? ORDER BY imported_at DESC, version DESC LIMIT 1',
            [name],
          )
        : await this.db.get<DatasetRow>('SELECT * FROM datasets WHERE name = ? AND version = ?', [
            name,
            version,
          ]);
    return row && toDataset(row);
  }

  async getDatasetRows(
    name: string,
    version: string,
    opts?: { offset?: number; limit?: number },
  ): Promise<unknown[]> {
    const { offset, limit } = clampPage(opts);
    const rows = await this.db.all<{ data: string }>(
      'SELECT data FROM dataset_rows WHERE name = ? AND version = ? AND row_index >= ? ORDER BY row_index LIMIT ?',
      [name, version, offset, limit],
    );
    return rows.map((r) => JSON.parse(r.data) as unknown);
  }

  // --- API tokens --------------------------------------------------------------------------
  // The secret is 192 random bits, so a salted SHA-256 is enough (no password stretching
  // needed: there is nothing to guess); comparison is constant-time.

  async createToken(name: string): Promise<{ token: string; meta: TokenMeta }> {
    const id = randomBytes(6).toString('hex');
    const secret = randomBytes(24).toString('base64url');
    const salt = randomBytes(16).toString('hex');
    const row: TokenRow = {
      id,
      name,
      salt,
      hash: sha256(`${salt}:${secret}`),
      created_at: now(),
      revoked_at: null,
    };
    await this.db.run(
      'INSERT INTO api_tokens (id, name, salt, hash, created_at, revoked_at) VALUES (?, ?, ?, ?, ?, ?)',
      [row.id, row.name, row.salt, row.hash, row.created_at, row.revoked_at],
    );
    return { token: `parley_${id}_${secret}`, meta: toToken(row) };
  }

  async verifyToken(token: string): Promise<TokenMeta | undefined> {
    const m = TOKEN_RE.exec(token);
    if (!m) return undefined;
    const row = await this.db.get<TokenRow>('SELECT * FROM api_tokens WHERE id = ?', [m[1]]);
    if (!row || row.revoked_at !== null) return undefined;
    const want = Buffer.from(row.hash, 'hex');
    const got = Buffer.from(sha256(`${row.salt}:${m[2]}`), 'hex');
    return want.length === got.length && timingSafeEqual(want, got) ? toToken(row) : undefined;
  }

  async listTokens(): Promise<TokenMeta[]> {
    const rows = await this.db.all<TokenRow>('SELECT * FROM api_tokens ORDER BY created_at, id');
    return rows.map(toToken);
  }

  async revokeToken(id: string): Promise<boolean> {
    const { changes } = await this.db.run(
      'UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL',
      [now(), id],
    );
    return changes > 0;
  }

  // --- exercises ---------------------------------------------------------------------------

  async createExercise(
    e: Pick<ExerciseRecord, 'scenarioId' | 'scenarioVersion' | 'setup' | 'deadline'>,
  ): Promise<ExerciseRecord> {
    const row: ExerciseRow = {
      id: randomUUID(),
      scenario_id: e.scenarioId,
      scenario_version: e.scenarioVersion,
      setup: JSON.stringify(e.setup),
      log: '[]',
      pending: '{}',
      month: 0,
      deadline: e.deadline,
      status: 'open',
      created_at: now(),
      updated_at: now(),
      injections: '[]',
      rewinds: '[]',
      paused_at: null,
    };
    await this.db.run(
      'INSERT INTO exercises (id, scenario_id, scenario_version, setup, log, pending, month, deadline, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      [
        row.id,
        row.scenario_id,
        row.scenario_version,
        row.setup,
        row.log,
        row.pending,
        row.month,
        row.deadline,
        row.status,
        row.created_at,
        row.updated_at,
      ],
    );
    return toExercise(row);
  }

  async getExercise(id: string): Promise<ExerciseRecord | undefined> {
    const row = await this.db.get<ExerciseRow>('SELECT * FROM exercises WHERE id = ?', [id]);
    return row && toExercise(row);
  }

  async saveExerciseProgress(
    id: string,
    p: ExerciseProgress,
    expected: { month: number; updatedAt: string },
  ): Promise<ExerciseRecord | undefined> {
    // a strictly later stamp, so two saves within one millisecond still differ
    const stamp = new Date(Math.max(Date.now(), Date.parse(expected.updatedAt) + 1)).toISOString();
    const { changes } = await this.db.run(
      'UPDATE exercises SET log = ?, pending = ?, month = ?, deadline = ?, status = ?, injections = ?, rewinds = ?, paused_at = ?, updated_at = ? WHERE id = ? AND month = ? AND updated_at = ?',
      [
        JSON.stringify(p.log),
        JSON.stringify(p.pending),
        p.month,
        p.deadline,
        p.status,
        JSON.stringify(p.injections),
        JSON.stringify(p.rewinds),
        p.pausedAt,
        stamp,
        id,
        expected.month,
        expected.updatedAt,
      ],
    );
    return changes > 0 ? this.getExercise(id) : undefined;
  }

  async createExerciseToken(
    exerciseId: string,
    role: string,
  ): Promise<{ token: string; meta: ExerciseTokenMeta }> {
    const id = randomBytes(6).toString('hex');
    const secret = randomBytes(24).toString('base64url');
    const salt = randomBytes(16).toString('hex');
    const row: ExerciseTokenRow = {
      id,
      exercise_id: exerciseId,
      role,
      salt,
      hash: sha256(`${salt}:${secret}`),
      created_at: now(),
      revoked_at: null,
    };
    await this.db.run(
      'INSERT INTO exercise_tokens (id, exercise_id, role, salt, hash, created_at, revoked_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      [row.id, row.exercise_id, row.role, row.salt, row.hash, row.created_at, row.revoked_at],
    );
    return { token: `parleyx_${id}_${secret}`, meta: toExerciseToken(row) };
  }

  async verifyExerciseToken(
    exerciseId: string,
    token: string,
  ): Promise<ExerciseTokenMeta | undefined> {
    const m = EXERCISE_TOKEN_RE.exec(token);
    if (!m) return undefined;
    const row = await this.db.get<ExerciseTokenRow>(
      'SELECT * FROM exercise_tokens WHERE id = ? AND exercise_id = ?',
      [m[1], exerciseId],
    );
    if (!row || row.revoked_at !== null) return undefined;
    const want = Buffer.from(row.hash, 'hex');
    const got = Buffer.from(sha256(`${row.salt}:${m[2]}`), 'hex');
    return want.length === got.length && timingSafeEqual(want, got)
      ? toExerciseToken(row)
      : undefined;
  }

  async listExerciseTokens(exerciseId: string): Promise<ExerciseTokenMeta[]> {
    const rows = await this.db.all<ExerciseTokenRow>(
      'SELECT * FROM exercise_tokens WHERE exercise_id = ? ORDER BY created_at, id',
      [exerciseId],
    );
    return rows.map(toExerciseToken);
  }

  async revokeExerciseToken(exerciseId: string, tokenId: string): Promise<boolean> {
    const { changes } = await this.db.run(
      'UPDATE exercise_tokens SET revoked_at = ? WHERE id = ? AND exercise_id = ? AND revoked_at IS NULL',
      [now(), tokenId, exerciseId],
    );
    return changes > 0;
  }
}

type ExerciseRow = {
  id: string;
  scenario_id: string;
  scenario_version: number;
  setup: string;
  log: string;
  pending: string;
  month: number;
  deadline: string | null;
  status: ExerciseStatus;
  created_at: string;
  updated_at: string;
  injections: string;
  rewinds: string;
  paused_at: string | null;
};
type ExerciseTokenRow = {
  id: string;
  exercise_id: string;
  role: string;
  salt: string;
  hash: string;
  created_at: string;
  revoked_at: string | null;
};
const EXERCISE_TOKEN_RE = /^parleyx_([0-9a-f]{12})_([A-Za-z0-9_-]{32})$/;

function toExercise(r: ExerciseRow): ExerciseRecord {
  return {
    id: r.id,
    scenarioId: r.scenario_id,
    scenarioVersion: Number(r.scenario_version),
    setup: JSON.parse(r.setup) as ExerciseSetup,
    log: JSON.parse(r.log) as LogEntry[],
    pending: JSON.parse(r.pending) as Record<string, Decision>,
    month: Number(r.month),
    deadline: r.deadline,
    status: r.status,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    injections: JSON.parse(r.injections) as Injection[],
    rewinds: JSON.parse(r.rewinds) as Rewind[],
    pausedAt: r.paused_at,
  };
}

function toExerciseToken(r: ExerciseTokenRow): ExerciseTokenMeta {
  return {
    id: r.id,
    exerciseId: r.exercise_id,
    role: r.role,
    createdAt: r.created_at,
    revokedAt: r.revoked_at,
  };
}
