/**
 * A word of Parley's vocabulary linked to its glossary entry (src/model/glossary.ts), with the
 * entry's text as the link's description, so every page explains its terms in the same words.
 */
import type { JSX, ReactNode } from 'react';
import { glossaryEntry } from '../../src/model/index.ts';
import { href } from './router.ts';

export function Term({ id, children }: { id: string; children?: ReactNode }): JSX.Element {
  const e = glossaryEntry(id);
  // a missing entry is a programmer error: show the word, flag it for the tests
  if (!e) return <span data-missing-term={id}>{children ?? id}</span>;
  return (
    <a className="term" href={href('glossary', id)} title={e.text} data-term={id}>
      {children ?? e.term}
    </a>
  );
}
