/**
 * Text → validated Scenario, with every problem reported at once as an InputIssue carrying the
 * field path and the line/column in the source. Pure: the edge reads the file and renders issues.
 * YAML and JSON both go through the YAML parser (JSON is YAML 1.2), so JSON gets line numbers too.
 */
import { LineCounter, parseDocument, isNode, isScalar, visit, type Document } from 'yaml';
import type { z } from 'zod';
import { InterventionSchema, PartySchema, ScenarioSchema, type Scenario } from './scenario.ts';
import { boundIssues, type InputIssue, type Result } from './issues.ts';
import { protoKeyIssues } from './reservedKeys.ts';
import { migrateRenamedFields } from './renamedFields.ts';

/** Largest scenario text accepted (bytes of UTF-16 code units; a scenario is a few kB). */
export const MAX_SCENARIO_CHARS = 1_000_000;
/** Deepest nesting of lists and mappings accepted (a scenario is about 10 levels deep). */
export const MAX_SCENARIO_DEPTH = 64;

export function parseScenarioText(text: string): Result<Scenario> {
  if (text.length > MAX_SCENARIO_CHARS)
    return fail([
      {
        code: 'too_big',
        path: [],
        message: `scenario text is ${text.length} characters; the limit is ${MAX_SCENARIO_CHARS}`,
      },
    ]);
  // the YAML parser recurses per flow level ([ and {): refuse absurd nesting before parsing
  const flowDepth = maxFlowDepth(text);
  if (flowDepth > MAX_SCENARIO_DEPTH) return fail([tooDeep([], `${flowDepth} levels of [ or {`)]);
  const lineCounter = new LineCounter();
  // the yaml library's own unique-key check is quadratic in a mapping's size (minutes for a
  // 1 MB file of keys); duplicateKeyErrors does the same check in linear time
  const doc = parseDocument(text, { lineCounter, uniqueKeys: false, prettyErrors: false });
  const errors = doc.errors.length > 0 ? doc.errors : duplicateKeyErrors(doc);
  if (errors.length > 0) {
    return fail(
      errors.map((e) => {
        const pos = lineCounter.linePos(e.pos[0]);
        // deep block nesting (indentation) overflows the parser's recursion; it reports that
        if (/Maximum call stack size exceeded/.test(e.message))
          return { ...tooDeep([], 'deeper block nesting'), line: pos.line, column: pos.col };
        return {
          code: 'syntax_error',
          path: [],
          message: `not valid YAML/JSON: ${e.message.split('\n')[0]}`,
          line: pos.line,
          column: pos.col,
        };
      }),
    );
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    return fail([
      { code: 'syntax_error', path: [], message: `cannot read document: ${(e as Error).message}` },
    ]);
  }
  return validateScenario(data, doc, lineCounter);
}

/** Validate an already-parsed value (e.g. a JSON request body). */
export function validateScenario(
  data: unknown,
  doc?: Document,
  lineCounter?: LineCounter,
): Result<Scenario> {
  if (data === null || typeof data !== 'object' || Array.isArray(data))
    return fail([
      {
        code: 'invalid_type',
        path: [],
        message: `expected a scenario object (a mapping of fields), found ${describeValue(data)}`,
      },
    ]);
  // JSON bodies arrive already parsed: nesting is bounded here too, before anything recurses
  const deep = firstTooDeep(data);
  if (deep) return fail([tooDeep(deep, `more than ${MAX_SCENARIO_DEPTH} levels`)]);
  // zod drops a `__proto__` key silently (a demand or overlay would vanish): refuse it by name
  const reserved = protoKeyIssues(data);
  if (reserved.length > 0) {
    if (doc && lineCounter) for (const issue of reserved) locate(issue, doc, lineCounter);
    return fail(reserved);
  }
  // fields renamed since the file was written load under their old names, with a warning
  const migrated = migrateRenamedFields(data as Record<string, unknown>);
  if (doc && lineCounter)
    for (const issue of [...migrated.warnings, ...migrated.issues]) locate(issue, doc, lineCounter);
  if (migrated.issues.length > 0) return fail(migrated.issues);
  const parsed = ScenarioSchema.safeParse(migrated.data, { reportInput: true });
  if (parsed.success)
    return migrated.warnings.length > 0
      ? { ok: true, value: parsed.data, warnings: migrated.warnings }
      : { ok: true, value: parsed.data };
  const issues = parsed.error.issues.flatMap((i) => toInputIssues(i, []));
  if (doc && lineCounter) for (const issue of issues) locate(issue, doc, lineCounter);
  return fail(dedupe(issues));
}

const fail = <T>(issues: InputIssue[]): Result<T> => ({ ok: false, issues: boundIssues(issues) });

const tooDeep = (path: (string | number)[], found: string): InputIssue => ({
  code: 'too_deep',
  path,
  message: `nested too deeply: at most ${MAX_SCENARIO_DEPTH} levels of lists and mappings; found ${found}`,
});

/** Running depth of [ and { minus ] and } (quotes ignored: an upper bound for real nesting). */
function maxFlowDepth(text: string): number {
  let depth = 0;
  let max = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 91 || c === 123) max = Math.max(max, ++depth);
    else if ((c === 93 || c === 125) && depth > 0) depth--;
  }
  return max;
}

/** The path to the first value nested deeper than MAX_SCENARIO_DEPTH (iterative, no recursion). */
function firstTooDeep(data: unknown): (string | number)[] | undefined {
  const stack: { value: unknown; path: (string | number)[] }[] = [{ value: data, path: [] }];
  while (stack.length > 0) {
    const { value, path } = stack.pop()!;
    if (value === null || typeof value !== 'object') continue;
    if (path.length >= MAX_SCENARIO_DEPTH) return path;
    if (Array.isArray(value)) value.forEach((v, i) => stack.push({ value: v, path: [...path, i] }));
    else for (const [k, v] of Object.entries(value)) stack.push({ value: v, path: [...path, k] });
  }
  return undefined;
}

/** Duplicate scalar keys in any mapping, as the yaml library reports them (first duplicate). */
function duplicateKeyErrors(doc: Document): { message: string; pos: [number, number] }[] {
  const errors: { message: string; pos: [number, number] }[] = [];
  visit(doc, {
    Map(_, map) {
      const seen = new Set<unknown>();
      for (const { key } of map.items) {
        if (!isScalar(key)) continue;
        if (seen.has(key.value)) {
          const at = key.range?.[0] ?? 0;
          errors.push({
            message: `Map keys must be unique (${describeValue(key.value)})`,
            pos: [at, at],
          });
        } else seen.add(key.value);
      }
    },
  });
  return errors;
}

type ZodIssue = z.core.$ZodIssue;

function toInputIssues(issue: ZodIssue, prefix: PropertyKey[]): InputIssue[] {
  const path = [...prefix, ...issue.path].map(toSegment);
  if (issue.code === 'invalid_union') {
    const branch = bestBranch(issue.errors);
    if (branch) return branch.flatMap((i) => toInputIssues(i, path));
  }
  return [{ code: codeOf(issue), path, message: clip(messageOf(issue)) }];
}

/** Messages quote the user's values (ids, strings); a megabyte id must not make a megabyte message. */
const MAX_MESSAGE_CHARS = 500;
const clip = (m: string) =>
  m.length > MAX_MESSAGE_CHARS ? m.slice(0, MAX_MESSAGE_CHARS - 3) + '...' : m;

const toSegment = (k: PropertyKey): string | number => (typeof k === 'number' ? k : String(k));

/** For a failed union, keep the branch that came closest: fewest issues, none at its root. */
function bestBranch(branches: ZodIssue[][]): ZodIssue[] | undefined {
  const scored = branches
    .filter((b) => b.length > 0)
    .map((b) => ({
      b,
      root: b.filter(
        (i) => i.path.length === 0 && (i.code === 'invalid_type' || i.code === 'unrecognized_keys'),
      ).length,
      n: b.length,
    }));
  scored.sort((x, y) => x.root - y.root || x.n - y.n);
  const best = scored[0];
  return best && best.root === 0 ? best.b : undefined;
}

function codeOf(issue: ZodIssue): string {
  if (issue.code === 'custom') {
    const reason = (issue.params as { reason?: unknown } | undefined)?.reason;
    if (typeof reason === 'string') return reason;
  }
  if (
    issue.code === 'invalid_union' &&
    'note' in issue &&
    issue.note === 'No matching discriminator'
  )
    return 'invalid_discriminator';
  return issue.code;
}

function messageOf(issue: ZodIssue): string {
  const found =
    'input' in issue && issue.code !== 'unrecognized_keys' && issue.code !== 'custom'
      ? `; found ${describeValue(issue.input)}`
      : '';
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined
        ? `required field is missing (expected ${issue.expected})`
        : `expected ${issue.expected}${found}`;
    case 'too_small':
      return `too small: expected ${issue.origin === 'array' ? 'at least ' + String(issue.minimum) + ' items' : (issue.inclusive ? '>= ' : '> ') + String(issue.minimum)}${found}`;
    case 'too_big':
      return `too big: expected ${issue.origin === 'array' ? 'at most ' + String(issue.maximum) + ' items' : (issue.inclusive ? '<= ' : '< ') + String(issue.maximum)}${found}`;
    case 'unrecognized_keys':
      return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys
        .slice(0, 10)
        .map((k) => JSON.stringify(k.length > 60 ? k.slice(0, 57) + '...' : k))
        .join(
          ', ',
        )}${issue.keys.length > 10 ? ` and ${issue.keys.length - 10} more` : ''} (check the spelling; \`parley schema\` lists every field)`;
    case 'invalid_value':
      return `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}${found}`;
    case 'invalid_union':
      if ('note' in issue && issue.note === 'No matching discriminator') {
        const key = String(issue.discriminator ?? issue.path.at(-1) ?? 'kind');
        const value = (issue.input as Record<string, unknown> | undefined)?.[key];
        const allowed = DISCRIMINATOR_VALUES[key];
        return `expected ${key} to be ${allowed ? 'one of ' + allowed.join(', ') : 'a known value'}; found ${describeValue(value)}`;
      }
      return `${issue.message}${found}`;
    case 'invalid_format':
      return issue.format === 'regex'
        ? `expected ${issue.message}${found}`
        : `expected ${issue.format}${found}`;
    case 'not_multiple_of':
      return `expected a multiple of ${String(issue.divisor)}${found}`;
    default:
      return issue.message + found;
  }
}

const DISCRIMINATOR_VALUES: Record<string, string[]> = {
  role: PartySchema.options.map((o) => o.shape.role.value),
  kind: InterventionSchema.options.map((o) => o.shape.kind.value),
};

export function describeValue(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'null';
  if (typeof v === 'string') return JSON.stringify(v.length > 60 ? v.slice(0, 57) + '...' : v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return `a list of ${v.length}`;
  if (typeof v === 'object') {
    const keys = Object.keys(v);
    return keys.length
      ? `an object with ${keys.slice(0, 4).join(', ')}${keys.length > 4 ? ', …' : ''}`
      : 'an empty object';
  }
  return typeof v;
}

/** Attach line/column: the deepest existing node along the issue's path. */
function locate(issue: InputIssue, doc: Document, lc: LineCounter): void {
  for (let n = issue.path.length; n >= 0; n--) {
    const node: unknown = doc.getIn(issue.path.slice(0, n), true);
    if (isNode(node) && node.range) {
      const pos = lc.linePos(node.range[0]);
      issue.line = pos.line;
      issue.column = pos.col;
      return;
    }
    // a key that exists but whose value is null: locate the pair's key
  }
}

function dedupe(issues: InputIssue[]): InputIssue[] {
  const seen = new Set<string>();
  return issues.filter((i) => {
    const k = `${i.path.join('.')}|${i.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
