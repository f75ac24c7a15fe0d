/**
 * Report export for a saved scenario: its recent server runs, each with its HTML report
 * (GET /runs/{id}/report) and PDF (GET /runs/{id}/report.pdf, where the server has Chromium),
 * and a button that runs the saved scenario on the server (2,000 runs) when there is none.
 * A PDF the server cannot print shows the server's reason instead of a broken download.
 */
import { useCallback, useEffect, useState, type JSX } from 'react';
import { downloadResponse } from '../download.ts';
import { sessionToken } from '../session.ts';
import { getJson } from './api.ts';
import { ScenarioPicker, useScenarioChoice } from './ScenarioPicker.tsx';

interface RunRecord {
  id: string;
  scenarioId: string;
  scenarioVersion: number;
  runs: number;
  seed: number;
  status: string;
  createdAt: string;
}

async function downloadPdf(id: string, name: string): Promise<string | undefined> {
  const res = await fetch(`/runs/${id}/report.pdf`);
  if (!res.ok) {
    const body = (await res.json().catch(() => undefined)) as
      { issues?: { message: string }[] } | undefined;
    return body?.issues?.[0]?.message ?? `the PDF could not be made (HTTP ${res.status})`;
  }
  await downloadResponse(res, name);
  return undefined;
}

export function ReportExport(props: { scenarioId?: string }): JSX.Element {
  const { chosen: id, setChosen, scenarios } = useScenarioChoice(props.scenarioId);
  const [runs, setRuns] = useState<RunRecord[]>();
  const [message, setMessage] = useState<{ text: string; error: boolean }>();
  const [busy, setBusy] = useState<string>();

  const load = useCallback(async () => {
    if (!id) return;
    const r = await getJson<{ runs: RunRecord[] }>(
      `/runs?scenarioId=${encodeURIComponent(id)}&limit=5`,
    );
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
    const token = sessionToken();
    const res = await fetch('/runs', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify({ scenarioId: id, runs: 2000 }),
    }).catch((e: unknown) => e as Error);
    setBusy(undefined);
    if (res instanceof Error)
      return setMessage({ text: `Cannot reach the server: ${res.message}`, error: true });
    if (!res.ok) {
      const body = (await res.json().catch(() => undefined)) as
        { issues?: { message: string }[] } | undefined;
      return setMessage({
        text: `The server did not run it: ${body?.issues?.[0]?.message ?? `HTTP ${res.status}`}`,
        error: true,
      });
    }
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
