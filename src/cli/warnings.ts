import type { InputIssue } from '../model/index.ts';

/** A loaded scenario's warnings (renamed fields) on stderr, one line each: `⚠ file:line:col: …`. */
export function warnDeprecations(source: string, warnings: readonly InputIssue[] = []): void {
  for (const w of warnings)
    process.stderr.write(
      `⚠ ${w.line ? `${source}:${w.line}:${w.column ?? 1}` : source}: ${w.message}\n`,
    );
}
