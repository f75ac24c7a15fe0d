/**
 * The edits a variant or a what-if makes to the scenario, one `path: before → after` per line
 * (src/analysis/edits.ts), so a name can never hide what a change does.
 */
import type { JSX } from 'react';
import { formatEdit, formatEditValue, type ScenarioEdit } from '../../src/analysis/index.ts';

export function EditList({ edits }: { edits: ScenarioEdit[] }): JSX.Element {
  return (
    <ul className="edit-list">
      {edits.map((e) => (
        <li key={formatEdit(e)} data-path={e.path}>
          <code>{e.path}</code>
          {': '}
          <span className="before">{formatEditValue(e.before)}</span>
          {' → '}
          <span className="after">{formatEditValue(e.after)}</span>
        </li>
      ))}
    </ul>
  );
}

/** How many edits, in words. */
export const countEdits = (n: number): string =>
  n === 0 ? 'no edits: the scenario as written' : `${n} edit${n === 1 ? '' : 's'} to the scenario`;
