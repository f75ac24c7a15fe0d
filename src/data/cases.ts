/**
 * Loader for the historical case base: reads data/cases/*.yaml, validates each file with
 * CaseSchema and reports every problem as { file, path, line, code, message }.
 * Edge module: the only place case files are read; the core gets plain Case values.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { basename, join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LineCounter, parseDocument, isNode } from 'yaml';
import { CaseSchema, type Case } from '../history/caseSchema.ts';

export type CaseIssue = {
  file: string;
  path: (string | number)[];
  line: number | null;
  code: string;
  message: string;
};

export type CaseParseResult = { ok: true; value: Case } | { ok: false; issues: CaseIssue[] };

export type LoadCasesResult = { cases: Case[]; issues: CaseIssue[] };

/** The bundled case folder (data/cases at the repository root). */
export const DEFAULT_CASES_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../data/cases');

/** Parses and validates the text of one case file. `file` is used in issues and to check the id. */
export function parseCaseText(text: string, file: string): CaseParseResult {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      issues: doc.errors.map((e) => ({
        file,
        path: [],
        line: e.linePos?.[0]?.line ?? null,
        code: 'yaml_syntax',
        message: e.message.split('\n')[0],
      })),
    };
  }
  const raw: unknown = doc.toJS();
  const lineOf = (path: (string | number)[]): number | null => {
    for (let n = path.length; n >= 0; n--) {
      const node: unknown = doc.getIn(path.slice(0, n), true);
      if (isNode(node) && node.range) return lineCounter.linePos(node.range[0]).line;
    }
    return null;
  };
  const parsed = CaseSchema.safeParse(raw);
  const issues: CaseIssue[] = [];
  if (!parsed.success) {
    for (const i of parsed.error.issues) {
      const path = i.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
      issues.push({ file, path, line: lineOf(path), code: i.code, message: i.message });
    }
  }
  const expectedId = basename(file).replace(/\.ya?ml$/, '');
  const id = parsed.success ? parsed.data.id : (raw as { id?: unknown } | null)?.id;
  if (typeof id === 'string' && id !== expectedId) {
    issues.push({ file, path: ['id'], line: lineOf(['id']), code: 'id_mismatch', message: `id "${id}" must equal the file name "${expectedId}"` });
  }
  if (issues.length > 0 || !parsed.success) return { ok: false, issues };
  return { ok: true, value: parsed.data };
}

/** Reads every *.yaml in `dir`, sorted by file name; collects all issues instead of stopping. */
export function loadCases(dir: string = DEFAULT_CASES_DIR): LoadCasesResult {
  if (!existsSync(dir)) {
    return { cases: [], issues: [{ file: dir, path: [], line: null, code: 'not_found', message: `case folder not found: ${dir}` }] };
  }
  const files = readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort();
  const cases: Case[] = [];
  const issues: CaseIssue[] = [];
  const seen = new Map<string, string>();
  for (const f of files) {
    const file = join(dir, f);
    const r = parseCaseText(readFileSync(file, 'utf8'), file);
    if (!r.ok) {
      issues.push(...r.issues);
      continue;
    }
    const prior = seen.get(r.value.id);
    if (prior) {
      issues.push({ file, path: ['id'], line: null, code: 'duplicate_id', message: `id "${r.value.id}" is also used by ${prior}` });
      continue;
    }
    seen.set(r.value.id, file);
    cases.push(r.value);
  }
  return { cases, issues };
}

/** Formats an issue for people: `file:line  path  message`. */
export function formatCaseIssue(i: CaseIssue): string {
  const where = i.line === null ? i.file : `${i.file}:${i.line}`;
  const path = i.path.length > 0 ? i.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`)).join('').replace(/^\./, '') : '(file)';
  return `✖ ${i.message}\n  → at ${path} (${where}) [${i.code}]`;
}
