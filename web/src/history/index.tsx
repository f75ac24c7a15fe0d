/**
 * History, mounted by the web shell at #/history/…: the explorer (cases on a timeline with
 * filters), a case page, the analogues of the open scenario, the insights digest and the run
 * report export. `path` is the hash path after "history": [] explorer, ['case', id],
 * ['analogues'], ['insights'], ['export'], ['provisions', 'case' | 'scenario', id].
 */
import { useEffect, useRef, type JSX } from 'react';
import { AnaloguesPage } from './Analogues.tsx';
import { CasePage } from './CasePage.tsx';
import { Explorer } from './Explorer.tsx';
import { InsightsPage } from './Insights.tsx';
import { ProvisionsPage } from './Provisions.tsx';
import { ReportExport } from './ReportExport.tsx';
import './history.css';

const TABS = [
  { id: '', label: 'Explorer', title: 'Historical wars and peace processes' },
  { id: 'analogues', label: 'Analogues', title: 'Historical analogues' },
  { id: 'insights', label: 'Insights', title: 'What history teaches: insights' },
  { id: 'export', label: 'Report export', title: 'Report export' },
] as const;

export function HistoryPage(props: { path: string[]; scenarioId?: string }): JSX.Element {
  const [section = '', id, provisionsId] = props.path;
  const tab = section === 'case' ? '' : section;
  const known = TABS.find((t) => t.id === tab);
  const heading = useRef<HTMLHeadingElement>(null);
  // a new page moves focus to its heading, so keyboard and screen-reader users start there
  useEffect(() => {
    heading.current?.focus();
  }, [section, id]);

  return (
    <section className="history" aria-labelledby="history-title">
      <nav className="history-tabs" aria-label="History">
        <ul>
          {TABS.map((t) => (
            <li key={t.id}>
              <a
                href={t.id ? `#/history/${t.id}` : '#/history'}
                aria-current={tab === t.id && section !== 'case' ? 'page' : undefined}
              >
                {t.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {section === 'provisions' ? (
        <>
          <h1 id="history-title" tabIndex={-1} ref={heading}>
            Provisions of comparable agreements
          </h1>
          <ProvisionsPage kind={id} id={provisionsId} />
        </>
      ) : section === 'case' ? (
        <>
          <p className="history-back">
            <a href="#/history">← All cases</a>
          </p>
          <h1 id="history-title" className="visually-hidden" tabIndex={-1} ref={heading}>
            Historical case
          </h1>
          {id ? <CasePage id={id} /> : <p role="alert">No case named in the address.</p>}
        </>
      ) : (
        <>
          <h1 id="history-title" tabIndex={-1} ref={heading}>
            {known?.title ?? 'History'}
          </h1>
          {!known ? (
            <p role="alert" className="error">
              No history page “{section}”; pick one above.
            </p>
          ) : tab === '' ? (
            <Explorer />
          ) : tab === 'analogues' ? (
            <AnaloguesPage scenarioId={props.scenarioId} />
          ) : tab === 'insights' ? (
            <InsightsPage />
          ) : (
            <ReportExport scenarioId={props.scenarioId} />
          )}
        </>
      )}
    </section>
  );
}
