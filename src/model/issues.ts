/**
 * Problems with user input are data, not exceptions (docs/architecture.md, Conventions): each issue carries a code,
 * the field path, a message, and where it is in the file when known. Edges render them.
 */
export interface InputIssue {
  /** snake_case code, e.g. invalid_type, too_small, unknown_party, yaml_syntax. */
  code: string;
  /** Field path inside the document, e.g. ["parties", 2, "military", "strength"]. */
  path: (string | number)[];
  message: string;
  /** 1-based line and column in the source file, when known. */
  line?: number;
  column?: number;
}

/** `warnings`: the input loaded but should change (e.g. a renamed field, renamedFields.ts). */
export type Result<T> =
  { ok: true; value: T; warnings?: InputIssue[] } | { ok: false; issues: InputIssue[] };

/** `parties[2].military.strength` */
export function formatPath(path: readonly (string | number)[]): string {
  if (path.length === 0) return '(document root)';
  return path
    .map((seg, i) =>
      typeof seg === 'number'
        ? `[${seg}]`
        : /^[A-Za-z_$][\w$]*$/.test(seg)
          ? (i ? '.' : '') + seg
          : `[${JSON.stringify(seg)}]`,
    )
    .join('');
}

/** Human-readable report: one block per issue, `file:line:col`, the path and the message. */
export function formatIssues(file: string, all: readonly InputIssue[]): string {
  const issues = boundIssues(all);
  const cut = issues.at(-1)?.code === 'too_many_issues';
  const count = cut
    ? `more than ${MAX_ISSUES} problems`
    : `${issues.length} problem${issues.length === 1 ? '' : 's'}`;
  const lines = [`✖ ${file}: ${count}`];
  for (const issue of issues) {
    if (issue.code === 'too_many_issues') {
      lines.push(`  … ${issue.message}`);
      continue;
    }
    const where = issue.line ? `${file}:${issue.line}:${issue.column ?? 1}` : file;
    lines.push(`  ✖ ${issue.message}`, `    → at ${formatPath(issue.path)} (${where})`);
  }
  return lines.join('\n');
}

/** Most issues one answer lists: a broken file can yield one per character (a 750 kB body gave 187,499). */
export const MAX_ISSUES = 100;

/**
 * The first `max` issues and, when there were more, one closing issue that says how many were
 * left out. Every edge (CLI, API, web editor) shows issues through a result that passed here.
 */
export function boundIssues(issues: readonly InputIssue[], max = MAX_ISSUES): InputIssue[] {
  const bounded = issues.length === max + 1 && issues[max].code === 'too_many_issues';
  if (issues.length <= max || bounded) return issues.slice();
  const more = issues.length - max;
  return [
    ...issues.slice(0, max),
    {
      code: 'too_many_issues',
      path: [],
      message: `and ${more.toLocaleString('en-US')} more problem${more === 1 ? '' : 's'} (only the first ${max} are listed; fix these and check again)`,
    },
  ];
}
