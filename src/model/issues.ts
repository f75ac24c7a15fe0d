/**
 * Problems with user input are data, not exceptions (house style §5): each issue carries a code,
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

export type Result<T> = { ok: true; value: T } | { ok: false; issues: InputIssue[] };

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
export function formatIssues(file: string, issues: readonly InputIssue[]): string {
  const lines = [`✖ ${file}: ${issues.length} problem${issues.length === 1 ? '' : 's'}`];
  for (const issue of issues) {
    const where = issue.line ? `${file}:${issue.line}:${issue.column ?? 1}` : file;
    lines.push(`  ✖ ${issue.message}`, `    → at ${formatPath(issue.path)} (${where})`);
  }
  return lines.join('\n');
}
