/**
 * Migration 2: exercises (issue 20). An exercise keeps its setup and decision log (the state is
 * rebuilt by replaying them: same seed, same log, same bytes), the decisions handed in for the
 * month being played, the facilitator's deadline, and per-role tokens (salted hashes).
 */
import type { Migration } from './index.ts';

const sql = `
CREATE TABLE exercises (
  id TEXT PRIMARY KEY,
  scenario_id TEXT NOT NULL,
  scenario_version INTEGER NOT NULL,
  setup TEXT NOT NULL,
  log TEXT NOT NULL,
  pending TEXT NOT NULL,
  month INTEGER NOT NULL,
  deadline TEXT,
  status TEXT NOT NULL CHECK (status IN ('open', 'finished')),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  FOREIGN KEY (scenario_id, scenario_version) REFERENCES scenarios (id, version) ON DELETE CASCADE
);
CREATE TABLE exercise_tokens (
  id TEXT PRIMARY KEY,
  exercise_id TEXT NOT NULL REFERENCES exercises (id) ON DELETE CASCADE,
  role TEXT NOT NULL,
  salt TEXT NOT NULL,
  hash TEXT NOT NULL,
  created_at TEXT NOT NULL,
  revoked_at TEXT
);
CREATE INDEX exercise_tokens_exercise ON exercise_tokens (exercise_id);
`;

export const exercises: Migration = { version: 2, name: 'exercises', sqlite: sql, postgres: sql };
