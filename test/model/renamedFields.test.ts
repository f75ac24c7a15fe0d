/**
 * Renamed scenario fields: a file written before a rename still loads, to the same scenario as
 * under the new name, with a warning naming the field and its line; both names at once is an
 * error; `parley migrate` rewrites only the key (comments and layout kept) and then loads cleanly.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseScenarioText, rewriteRenamedFields } from '../../src/model/index.ts';

const scenario = (ripeness: string) => `# a scenario written before 0.2.0
id: renamed
name: Renamed fields
parties:
  - { id: a, name: A, role: belligerent, side: A }
  - { id: b, name: B, role: belligerent, side: B }
mechanisms:
  ripeness:
${ripeness}
    hurtingWeight: 5 # kept as is
`;
const OLD = scenario('    horizonMonths: 18 # the judgement horizon');
const NEW = scenario('    judgementHorizonMonths: 18 # the judgement horizon');

describe('renamed scenario fields', () => {
  it('loads mechanisms.ripeness.horizonMonths as judgementHorizonMonths, with a warning at its line', () => {
    const old = parseScenarioText(OLD);
    const current = parseScenarioText(NEW);
    if (!old.ok || !current.ok) throw new Error('both should load');
    expect(old.value).toEqual(current.value);
    expect(old.value.mechanisms.ripeness.judgementHorizonMonths).toBe(18);
    expect(current.warnings).toBeUndefined();
    expect(old.warnings).toHaveLength(1);
    const w = old.warnings![0];
    expect(w).toMatchObject({ code: 'deprecated_field', line: 9 });
    expect(w.path).toEqual(['mechanisms', 'ripeness', 'horizonMonths']);
    expect(w.message).toContain(
      'mechanisms.ripeness.horizonMonths is renamed judgementHorizonMonths',
    );
    expect(w.message).toContain('parley migrate');
  });

  it('refuses the field under both names, naming both', () => {
    const both = parseScenarioText(
      scenario('    horizonMonths: 18\n    judgementHorizonMonths: 12'),
    );
    expect(both.ok).toBe(false);
    if (both.ok) return;
    expect(both.issues[0]).toMatchObject({ code: 'renamed_field_twice', line: 9 });
    expect(both.issues[0].message).toMatch(/horizonMonths.*judgementHorizonMonths/);
  });

  it('rewrites only the key in YAML (comments, layout and the other fields byte for byte) and JSON', () => {
    const r = rewriteRenamedFields(OLD, false);
    expect(r.renamed).toEqual(['mechanisms.ripeness.horizonMonths']);
    expect(r.text).toBe(NEW);
    expect(rewriteRenamedFields(NEW, false)).toEqual({ text: NEW, renamed: [], issues: [] });
    const json = JSON.stringify({
      id: 'x',
      mechanisms: { ripeness: { horizonMonths: 6, costWeight: 1 } },
    });
    const j = rewriteRenamedFields(json, true);
    expect(JSON.parse(j.text)).toEqual({
      id: 'x',
      mechanisms: { ripeness: { judgementHorizonMonths: 6, costWeight: 1 } },
    });
    expect(Object.keys(JSON.parse(j.text).mechanisms.ripeness)).toEqual([
      'judgementHorizonMonths',
      'costWeight',
    ]);
  });

  it('parley warns on the old name (file and line), and parley migrate rewrites the file', () => {
    const ROOT = resolve(import.meta.dirname, '../..');
    const parley = (...args: string[]) =>
      spawnSync(process.execPath, [join(ROOT, 'bin/parley.js'), ...args], {
        cwd: ROOT,
        encoding: 'utf8',
      });
    const dir = mkdtempSync(join(tmpdir(), 'parley-migrate-'));
    try {
      const file = join(dir, 'old.yaml');
      writeFileSync(file, OLD);
      const v = parley('validate', file);
      expect(v.status).toBe(0);
      expect(v.stderr).toContain(`⚠ ${file}:9:`);
      expect(v.stderr).toContain(
        'mechanisms.ripeness.horizonMonths is renamed judgementHorizonMonths',
      );
      const check = parley('migrate', '--check', file);
      expect(check.status).toBe(1);
      expect(readFileSync(file, 'utf8')).toBe(OLD);
      const m = parley('migrate', file);
      expect(m.status).toBe(0);
      expect(m.stdout).toContain('renamed mechanisms.ripeness.horizonMonths');
      expect(readFileSync(file, 'utf8')).toBe(NEW);
      const again = parley('validate', file);
      expect(again.status).toBe(0);
      expect(again.stderr).toBe('');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
