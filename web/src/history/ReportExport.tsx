/**
 * Report export for a saved scenario: its recent server runs, each with its HTML report
 * (GET /runs/{id}/report) and PDF (GET /runs/{id}/report.pdf, where the server has Chromium),
 * and a button that runs the saved scenario on the server (2,000 runs) when there is none.
 * A PDF the server cannot print shows the server's reason instead of a broken download.
 */
import { useCallback, useEffect, useState, type JSX } from 'react';
import { downloadResponse } from '../download.ts';
import type { RunRecord } from '../../../src/contracts/index.ts';
import { api, request } from '../api.ts';
import { ScenarioPicker, useScenarioChoice } from './ScenarioPicker.tsx';

/** The PDF of a run's report; the server's reason when it cannot print one. */
async function downloadPdf(id: string, name: string): Promise<string | undefined> {
  const r = await request('GET', `/runs/${id}/report.pdf`);
  if (!r.ok) return r.status ? r.message : `the PDF could not be made (${r.message})`;
  await downloadResponse(r.value, name);
  return undefined;
}

export function ReportExport(props: { scenarioId?: string }): JSX.Element {
  const { chosen: id, setChosen, scenarios } = useScenarioChoice(props.scenarioId);
  const [runs, setRuns] = useState<RunRecord[]>();
  const [message, setMessage] = useState<{ text: string; error: boolean }>();
  const [busy, setBusy] = useState<string>();

  const load = useCallback(async () => {
    if (!id) return;
    const r = await api.listRuns({ scenarioId: id, limit: 5 });
    if (r.ok) setRuns(r.value.runs.filter((x) => x.status === 'done'));
    else setMessage({ text: `Cannot list the runs: ${r.message}`, error: true });
  }, [id]);
  useEffect(() => {
    setRuns(undefined);
    setMessage(undefined);
    void load();
  }, [load]);

  const runOnServer = async () => {
    if (!id) return;
    setBusy('run');
    setMessage({ text: 'Running 2,000 simulations on the server…', error: false });
    const r = await api.startRun({ scenarioId: id, runs: 2000 });
    setBusy(undefined);
    if (!r.ok)
      return setMessage({
        text:
          r.status === 0
            ? `Cannot reach the server: ${r.message}`
            : `The server did not run it: ${r.message}`,
        error: true,
      });
    setMessage({ text: 'Done: the report of the new run is listed below.', error: false });
    await load();
  };

  const pdf = async (r: RunRecord) => {
    setBusy(r.id);
    setMessage({ text: 'Printing the report to PDF (a few seconds)…', error: false });
    const err = await downloadPdf(r.id, `parley-${r.scenarioId}-${r.id.slice(0, 8)}.pdf`);
    setBusy(undefined);
    setMessage(
      err
        ? { text: `No PDF: ${err}. The HTML report is available.`, error: true }
        : { text: 'PDF downloaded.', error: false },
    );
  };

  return (
    <section className="history-export" aria-label="Export the report of a run">
      <ScenarioPicker label="Scenario" chosen={id} scenarios={scenarios} onChange={setChosen} />
      <p className="muted">
        Reports are made from runs stored on the server: the summary, the why-panel, every chart,
        analogues and insights in one page.
      </p>
      {!id ? (
        <p>No saved scenario yet: save one in the editor first.</p>
      ) : runs === undefined ? (
        <p aria-live="polite">Looking for runs of {id}…</p>
      ) : runs.length === 0 ? (
        <p>No finished server run of “{id}” yet.</p>
      ) : (
        <ul className="history-runs">
          {runs.map((r) => (
            <li key={r.id}>
              <span>
                {new Date(r.createdAt).toLocaleString('en-GB')} · version {r.scenarioVersion} ·{' '}
                {r.runs.toLocaleString('en')} runs, seed {r.seed}
              </span>
              <a href={`/runs/${r.id}/report`} target="_blank" rel="noopener">
                HTML report<span className="visually-hidden"> (opens in a new tab)</span>
              </a>
              <button type="button" onClick={() => void pdf(r)} disabled={busy !== undefined}>
                {busy === r.id ? 'Printing…' : 'PDF report'}
              </button>
            </li>
          ))}
        </ul>
      )}
      <button type="button" onClick={() => void runOnServer()} disabled={busy !== undefined || !id}>
        {busy === 'run' ? 'Running…' : 'Run on the server (2,000 runs)'}
      </button>
      {message ? (
        <p role={message.error ? 'alert' : 'status'} className={message.error ? 'error' : 'muted'}>
          {message.text}
        </p>
      ) : null}
    </section>
  );
}
