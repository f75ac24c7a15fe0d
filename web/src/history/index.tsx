// History explorer entry point, mounted by the web shell at #/history/...
// path is the hash path after "history": [] explorer, ['case', id] case page, ['insights'] digest.
import type { JSX } from 'react';

export function HistoryPage(props: { path: string[]; scenarioId?: string }): JSX.Element {
  const [section, id] = props.path;
  return (
    <section className="history" aria-label="History">
      <h1>History</h1>
      <p>
        {section === 'case' ? `Case ${id ?? ''}` : section === 'insights' ? 'Insights' : 'Explorer'}
      </p>
    </section>
  );
}
