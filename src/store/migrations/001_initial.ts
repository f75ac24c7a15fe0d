/** Migration 1: scenarios (versioned), runs, analyses with their rows, datasets with their rows, API tokens. */
import type { Migration } from './index.ts';

// Types common to SQLite and PostgreSQL; JSON is kept as TEXT in both so a stored result is
// returned byte for byte as it was saved (no jsonb re-ordering, no parse on read).
const sql = `
CREATE TABLE scenarios (
  id TEXT NOT NULL,
  version INTEGER NOT NULL,
  hash TEXT NOT NULL,
  name TEXT NOT NULL,
  body TEXT NOT NULL,
  created_at TEXT NOT NULL,
  PRIMARY KEY (id, version)
);
CREATE TABLE runs (
  id TEXT PRIMARY KEY,
  scenario_id TEXT NOT NULL,
  scenario_version INTEGER NOT NULL,
  scenario_hash TEXT NOT NULL,
  seed DOUBLE PRECISION NOT NULL,
  runs INTEGER NOT NULL,
  engine_version TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('queued', 'running', 'done', 'failed')),
  error TEXT,
  result TEXT,
  created_at TEXT NOT NULL,
  started_at TEXT,
  finished_at TEXT,
  duration_ms DOUBLE PRECISION,
  FOREIGN KEY (scenario_id, scenario_version) REFERENCES scenarios (id, version) ON DELETE CASCADE
);
CREATE INDEX runs_scenario ON runs (scenario_id, created_at);
CREATE TABLE analyses (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL,
  scenario_id TEXT NOT NULL,
  scenario_version INTEGER NOT NULL,
  params TEXT NOT NULL,
  summary TEXT,
  row_count INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  FOREIGN KEY (scenario_id, scenario_version) REFERENCES scenarios (id, version) ON DELETE CASCADE
);
CREATE INDEX analyses_scenario ON analyses (scenario_id, kind);
CREATE TABLE analysis_rows (
  analysis_id TEXT NOT NULL REFERENCES analyses (id) ON DELETE CASCADE,
  row_index INTEGER NOT NULL,
  data TEXT NOT NULL,
  PRIMARY KEY (analysis_id, row_index)
);
CREATE TABLE datasets (
  name TEXT NOT NULL,
  version TEXT NOT NULL,
  checksum TEXT NOT NULL,
  row_count INTEGER NOT NULL,
  columns TEXT,
  source TEXT,
  imported_at TEXT NOT NULL,
  PRIMARY KEY (name, version)
);
CREATE TABLE dataset_rows (
  name TEXT NOT NULL,
  version TEXT NOT NULL,
  row_index INTEGER NOT NULL,
  data TEXT NOT NULL,
  PRIMARY KEY (name, version, row_index),
  FOREIGN KEY (name, version) REFERENCES datasets (name, version) ON DELETE CASCADE
);
CREATE TABLE api_tokens (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  salt TEXT NOT NULL,
  hash TEXT NOT NULL,
  created_at TEXT NOT NULL,
  revoked_at TEXT
);
`;

export const initial: Migration = { version: 1, name: 'initial', sqlite: sql, postgres: sql };
