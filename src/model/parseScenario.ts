/**
 * Text → validated Scenario, with every problem reported at once as an InputIssue carrying the
 * field path and the line/column in the source. Pure: the edge reads the file and renders issues.
 * YAML and JSON both go through the YAML parser (JSON is YAML 1.2), so JSON gets line numbers too.
 */
import { LineCounter, parseDocument, isNode, type Document } from 'yaml';
import type { z } from 'zod';
import { InterventionSchema, PartySchema, ScenarioSchema, type Scenario } from './scenario.ts';
import type { InputIssue, Result } from './issues.ts';

/** Largest scenario text accepted (bytes of UTF-16 code units; a scenario is a few kB). */
export const MAX_SCENARIO_CHARS = 1_000_000;

export function parseScenarioText(text: string): Result<Scenario> {
  if (text.length > MAX_SCENARIO_CHARS)
    return fail([
      {
        code: 'too_big',
        path: [],
        message: `scenario text is ${text.length} characters; the limit is ${MAX_SCENARIO_CHARS}`,
      },
    ]);
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  if (doc.errors.length > 0) {
    return fail(
      doc.errors.map((e) => {
        const pos = lineCounter.linePos(e.pos[0]);
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
  const parsed = ScenarioSchema.safeParse(data, { reportInput: true });
  if (parsed.success) return { ok: true, value: parsed.data };
  const issues = parsed.error.issues.flatMap((i) => toInputIssues(i, []));
  if (doc && lineCounter) for (const issue of issues) locate(issue, doc, lineCounter);
  return fail(dedupe(issues));
}

const fail = <T>(issues: InputIssue[]): Result<T> => ({ ok: false, issues });

type ZodIssue = z.core.$ZodIssue;

function toInputIssues(issue: ZodIssue, prefix: PropertyKey[]): InputIssue[] {
  const path = [...prefix, ...issue.path].map(toSegment);
  if (issue.code === 'invalid_union') {
    const branch = bestBranch(issue.errors);
    if (branch) return branch.flatMap((i) => toInputIssues(i, path));
  }
  return [{ code: codeOf(issue), path, message: messageOf(issue) }];
}

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
      return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')} (check the spelling; \`parley schema\` lists every field)`;
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
