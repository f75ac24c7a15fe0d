/**
 * Scenario fields that were renamed. A scenario valid before a rename stays valid: the old name
 * still loads (with a deprecation warning naming the field and where it is), and
 * `parley migrate <file>` rewrites the file to the current names, comments and order kept.
 * A rename stays within its mapping (same parent path), so rewriting renames the key in place.
 */
import { isMap, isScalar, parseDocument, type Document } from 'yaml';
import { formatPath, type InputIssue } from './issues.ts';

export interface FieldRename {
  /** The parent mapping's path, e.g. ['mechanisms', 'ripeness']. */
  parent: readonly string[];
  from: string;
  to: string;
  /** Engine version that renamed it. */
  since: string;
  /** Why the new name: what the field means. */
  why: string;
}

export const FIELD_RENAMES: readonly FieldRename[] = [
  {
    parent: ['mechanisms', 'ripeness'],
    from: 'horizonMonths',
    to: 'judgementHorizonMonths',
    since: '0.2.0',
    why: 'the months over which a leader judges its chance of winning, not the simulated horizon settings.horizonMonths',
  },
];

const pathOf = (r: FieldRename, key: string) => [...r.parent, key];

const isRecord = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * Renamed fields moved to their current names (copying only the mappings on the way, the input
 * is not changed). Warnings name each old field; a field given under both names is an issue.
 */
export function migrateRenamedFields(data: Record<string, unknown>): {
  data: Record<string, unknown>;
  warnings: InputIssue[];
  issues: InputIssue[];
} {
  let out = data;
  const warnings: InputIssue[] = [];
  const issues: InputIssue[] = [];
  for (const r of FIELD_RENAMES) {
    const parent = getIn(out, r.parent);
    if (!parent || !Object.hasOwn(parent, r.from)) continue;
    const oldPath = pathOf(r, r.from);
    if (Object.hasOwn(parent, r.to)) {
      issues.push({
        code: 'renamed_field_twice',
        path: oldPath,
        message: `both ${formatPath(oldPath)} (its name before ${r.since}) and ${formatPath(pathOf(r, r.to))} are given: keep ${r.to} only`,
      });
      continue;
    }
    out = copyAlong(out, r.parent);
    const copy = getIn(out, r.parent)!;
    // rebuild the mapping so the renamed key keeps its position
    const renamed: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(copy)) renamed[k === r.from ? r.to : k] = v;
    for (const k of Object.keys(copy)) delete copy[k];
    Object.assign(copy, renamed);
    warnings.push({
      code: 'deprecated_field',
      path: oldPath,
      message: `${formatPath(oldPath)} is renamed ${r.to} since ${r.since} (${r.why}); the old name still loads — \`parley migrate <file>\` rewrites the file`,
    });
  }
  return { data: out, warnings, issues };
}

function getIn(data: Record<string, unknown>, path: readonly string[]) {
  let at: unknown = data;
  for (const k of path) {
    if (!isRecord(at) || !Object.hasOwn(at, k)) return undefined;
    at = at[k];
  }
  return isRecord(at) ? at : undefined;
}

/** A copy of `data` whose mappings along `path` are fresh objects (safe to change). */
function copyAlong(data: Record<string, unknown>, path: readonly string[]) {
  const root = { ...data };
  let at = root;
  for (const k of path) {
    const next = { ...(at[k] as Record<string, unknown>) };
    at[k] = next;
    at = next;
  }
  return root;
}

/**
 * The text of a scenario file with every renamed field under its current name. YAML keeps its
 * bytes but the key's (renamed in place: comments, layout and order kept); JSON is printed with
 * 2 spaces.
 * Returns the old paths renamed, and issues when a field is given under both names or the text
 * does not parse.
 */
export function rewriteRenamedFields(
  text: string,
  json: boolean,
): { text: string; renamed: string[]; issues: InputIssue[] } {
  if (json) {
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (e) {
      return { text, renamed: [], issues: [syntax((e as Error).message)] };
    }
    if (!isRecord(data)) return { text, renamed: [], issues: [] };
    const m = migrateRenamedFields(data);
    const renamed = m.warnings.map((w) => formatPath(w.path));
    return {
      text: renamed.length ? JSON.stringify(m.data, null, 2) + '\n' : text,
      renamed,
      issues: m.issues,
    };
  }
  const doc: Document = parseDocument(text, { keepSourceTokens: false });
  if (doc.errors.length > 0) return { text, renamed: [], issues: [syntax(doc.errors[0].message)] };
  const renamed: string[] = [];
  const issues: InputIssue[] = [];
  const edits: { start: number; end: number; by: string }[] = [];
  for (const r of FIELD_RENAMES) {
    const parent = doc.getIn(r.parent, true);
    if (!isMap(parent)) continue;
    const pair = parent.items.find((p) => isScalar(p.key) && p.key.value === r.from);
    if (!pair || !isScalar(pair.key)) continue;
    if (parent.items.some((p) => isScalar(p.key) && p.key.value === r.to)) {
      const oldPath = pathOf(r, r.from);
      issues.push({
        code: 'renamed_field_twice',
        path: oldPath,
        message: `both ${formatPath(oldPath)} and ${formatPath(pathOf(r, r.to))} are given: keep ${r.to} only`,
      });
      continue;
    }
    const [start, end] = pair.key.range ?? [0, 0];
    const quote = text[start] === '"' || text[start] === "'" ? text[start] : '';
    edits.push({ start, end, by: quote + r.to + quote });
    renamed.push(formatPath(pathOf(r, r.from)));
  }
  // the key's own characters only, last first: everything else stays byte for byte
  let out = text;
  for (const e of edits.sort((a, b) => b.start - a.start))
    out = out.slice(0, e.start) + e.by + out.slice(e.end);
  return { text: out, renamed, issues };
}

const syntax = (message: string): InputIssue => ({
  code: 'syntax_error',
  path: [],
  message: `not valid YAML/JSON: ${message.split('\n')[0]}`,
});
