/**
 * The glossary: every term the UI, the CLI and the reports use, from src/model/glossary.ts (the
 * same text as docs/glossary.md). `#/glossary/<id>` scrolls to one entry.
 */
import { useEffect, type JSX } from 'react';
import { GLOSSARY, glossaryEntry } from '../../src/model/index.ts';
import { Term } from './Term.tsx';

export function GlossaryPage({ focus }: { focus?: string }): JSX.Element {
  useEffect(() => {
    if (focus) document.getElementById(`term-${focus}`)?.scrollIntoView({ block: 'start' });
  }, [focus]);
  return (
    <section aria-labelledby="glossary-title" className="glossary">
      <h1 id="glossary-title">Glossary</h1>
      <p className="help">
        Each word has one meaning across the results, the what-if panel, comparisons, reports and
        the command line.
      </p>
      <dl>
        {GLOSSARY.map((e) => (
          <div
            key={e.id}
            id={`term-${e.id}`}
            className={focus === e.id ? 'entry focused' : 'entry'}
            data-entry={e.id}
          >
            <dt>{e.term}</dt>
            <dd>
              {e.unit ? <p className="unit">Unit: {e.unit}</p> : null}
              <p>{e.text}</p>
              {e.see?.length ? (
                <p className="see">
                  See also:{' '}
                  {e.see.map((id, k) => (
                    <span key={id}>
                      {k > 0 ? ', ' : null}
                      <Term id={id}>{glossaryEntry(id)?.term}</Term>
                    </span>
                  ))}
                </p>
              ) : null}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
