/** Where an API issue belongs on an exercise form (pure: the unit tests import it without a DOM). */
import type { Issue } from '../../../src/contracts/index.ts';

/**
 * The field (dotted, e.g. "demand" or "carrots.alpha") an issue about `part` of the body is
 * about: from its path when the schema refused it (["body", part, "demand"]), or from the
 * "field: …" opening of a message when the role's check did (path [part]); null for neither.
 */
export function issueField(issue: Issue, part: string): string | null {
  const p = issue.path.map(String);
  if (p[0] === 'body' && p[1] === part && p.length > 2) return p.slice(2).join('.');
  if (p[0] === part || p[0] === 'body') {
    const m = /^([A-Za-z]+(?:\.[\w-]+)*): /.exec(issue.message);
    if (m) return m[1];
  }
  return null;
}
