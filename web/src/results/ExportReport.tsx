/**
 * Export from Results: the report (HTML or A4 PDF) of the scenario as it stands in the editor,
 * saved or not, made by the server (POST /reports) with the same engine and seed, so its numbers
 * are the page's. A failure shows the server's reason instead of a broken download.
 */
import { useState, type JSX } from 'react';
import type { Scenario } from '../../../src/model/index.ts';
import type { DraftReport } from '../../../src/contracts/index.ts';
import { request } from '../api.ts';
import { downloadResponse } from '../download.ts';
import { sessionToken } from '../session.ts';

/** The server's limit for a report made now (runs answered synchronously). */
export const REPORT_MAX_RUNS = 2000;

export function ExportReport(props: {
  scenario: Scenario;
  runs: number;
  explainMonth: number;
}): JSX.Element {
  const [state, setState] = useState<{ busy?: 'html' | 'pdf'; text?: string; error?: boolean }>({});
  const runs = Math.min(props.runs, REPORT_MAX_RUNS);
  const token = sessionToken();

  const exportAs = async (format: 'html' | 'pdf') => {
    setState({ busy: format, text: `Making the ${format.toUpperCase()} report on the server…` });
    const body: DraftReport = {
      scenario: props.scenario,
      runs,
      explainMonth: props.explainMonth,
      format,
    };
    const r = await request('POST', '/reports', { body });
    if (!r.ok)
      return setState({
        text: r.status === 0 ? `Cannot reach the server: ${r.message}` : `No report: ${r.message}`,
        error: true,
      });
    await downloadResponse(r.value, `parley-${props.scenario.id}.${format}`);
    setState({ text: `${format.toUpperCase()} report downloaded.` });
  };

  return (
    <div className="export-report" data-testid="export-report">
      <span>
        Report of the scenario as edited ({runs.toLocaleString('en')} runs
        {props.runs > REPORT_MAX_RUNS ? `, the server's limit for a report made now` : ''}):
      </span>
      <button
        type="button"
        onClick={() => void exportAs('html')}
        disabled={!token || state.busy !== undefined}
      >
        {state.busy === 'html' ? 'Making…' : 'Export HTML'}
      </button>
      <button
        type="button"
        onClick={() => void exportAs('pdf')}
        disabled={!token || state.busy !== undefined}
      >
        {state.busy === 'pdf' ? 'Printing…' : 'Export PDF'}
      </button>
      {!token ? (
        <span className="muted">(needs the session link that `parley serve` prints)</span>
      ) : null}
      {state.text ? (
        <span role={state.error ? 'alert' : 'status'} className={state.error ? 'error' : 'muted'}>
          {state.text}
        </span>
      ) : null}
    </div>
  );
}
