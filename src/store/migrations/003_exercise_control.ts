/**
 * Migration 3: the facilitator's controls of an exercise (issue 20). Injected events replay with
 * the decision log; rewinds keep what they dropped; a pause freezes the month and its deadline.
 */
import type { Migration } from './index.ts';

const sql = `
ALTER TABLE exercises ADD COLUMN injections TEXT NOT NULL DEFAULT '[]';
ALTER TABLE exercises ADD COLUMN rewinds TEXT NOT NULL DEFAULT '[]';
ALTER TABLE exercises ADD COLUMN paused_at TEXT;
`;

export const exerciseControl: Migration = {
  version: 3,
  name: 'exercise_control',
  sqlite: sql,
  postgres: sql,
};
