/**
 * Scenario library: the bundled scenarios (from the UI bundle) and every scenario saved on the
 * server, with open, edit, duplicate, delete and new. Writes need the session token; without it
 * the buttons are disabled and say why.
 */
import { useCallback, useEffect, useState, type JSX } from 'react';
import type { ScenarioSummary } from '../../../src/contracts/index.ts';
import { api, writeAccess } from '../api.ts';
import type { Shared } from '../workspace.ts';
import { BUNDLED } from '../bundled.ts';
import { navigate } from '../router.ts';
import { toYaml } from '../scenarioSource.ts';
import { newScenarioTemplate } from './template.ts';

interface Row {
  id: string;
  name: string;
  bundled: boolean;
  saved?: ScenarioSummary;
}

export function LibraryPage({ shared }: { shared: Shared }): JSX.Element {
  const [saved, setSaved] = useState<ScenarioSummary[]>();
  const [status, setStatus] = useState<string>('');
  const [serverError, setServerError] = useState<string>();
  const [confirming, setConfirming] = useState<string>();
  const access = writeAccess();

  const refresh = useCallback(async () => {
    const r = await api.listScenarios();
    if (r.ok) {
      setSaved(r.value);
      setServerError(undefined);
    } else setServerError(r.issues.map((i) => i.message).join('; '));
  }, []);
  useEffect(() => {
    void refresh();
  }, [refresh]);

  const rows: Row[] = BUNDLED.map((b) => ({ id: b.id, name: b.scenario.name, bundled: true }));
  for (const s of saved ?? []) {
    const row = rows.find((r) => r.id === s.id);
    if (row) row.saved = s;
    else rows.push({ id: s.id, name: s.name, bundled: false, saved: s });
  }

  const duplicate = async (id: string) => {
    setStatus(`Duplicating ${id}…`);
    const got = await api.getScenario(id);
    if (!got.ok) return setStatus(`✖ ${got.issues.map((i) => i.message).join('; ')}`);
    const taken = new Set(rows.map((r) => r.id));
    let n = 1;
    while (taken.has(`${id}-copy${n > 1 ? `-${n}` : ''}`)) n++;
    const copyId = `${id}-copy${n > 1 ? `-${n}` : ''}`.slice(0, 63);
    const r = await api.saveScenario({
      ...got.value.scenario,
      id: copyId,
      name: `${got.value.scenario.name} (copy)`,
    });
    if (!r.ok) return setStatus(`✖ ${r.issues.map((i) => i.message).join('; ')}`);
    setStatus(`Saved ${copyId} (version ${r.value.version.version}).`);
    await refresh();
  };

  const remove = async (id: string) => {
    setConfirming(undefined);
    const r = await api.deleteScenario(id);
    setStatus(
      r.ok ? `Deleted ${id} and its versions.` : `✖ ${r.issues.map((i) => i.message).join('; ')}`,
    );
    await refresh();
  };

  const createNew = () => {
    const taken = new Set(rows.map((r) => r.id));
    let n = 1;
    while (taken.has(`new-war-${n}`)) n++;
    const s = newScenarioTemplate(`new-war-${n}`);
    shared.openLocal({
      id: s.id,
      scenario: s,
      text: toYaml(s),
      file: `${s.id}.yaml`,
      bundled: false,
    });
    navigate('editor', s.id);
  };

  return (
    <section aria-labelledby="library-title">
      <div className="page-head">
        <h1 id="library-title">Scenario library</h1>
        <button type="button" onClick={createNew}>
          New scenario
        </button>
      </div>
      {!access.canWrite ? <p className="note">{access.reason}.</p> : null}
      {serverError ? (
        <p className="note" role="status">
          Saved scenarios are unavailable ({serverError}); the bundled ones still open and run.
        </p>
      ) : null}
      <p role="status" aria-live="polite" className="status">
        {status}
      </p>
      <table className="library">
        <caption className="visually-hidden">Bundled and saved scenarios</caption>
        <thead>
          <tr>
            <th scope="col">Scenario</th>
            <th scope="col">Id</th>
            <th scope="col">Stored</th>
            <th scope="col">Actions</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} data-scenario={r.id}>
              <th scope="row">
                <a href={`#/results/${encodeURIComponent(r.id)}`}>{r.name}</a>
              </th>
              <td>
                <code>{r.id}</code>
              </td>
              <td>
                {r.bundled ? <span className="tag">bundled</span> : null}{' '}
                {r.saved ? (
                  <span className="tag saved">
                    saved v{r.saved.version}
                    {r.saved.versions > 1 ? ` of ${r.saved.versions}` : ''}
                  </span>
                ) : null}
              </td>
              <td className="actions">
                <button
                  type="button"
                  onClick={() => navigate('results', r.id)}
                  aria-label={`Open ${r.name}`}
                >
                  Open
                </button>
                <button
                  type="button"
                  onClick={() => navigate('editor', r.id)}
                  aria-label={`Edit ${r.name}`}
                >
                  Edit
                </button>
                <button
                  type="button"
                  disabled={!access.canWrite || !r.saved}
                  title={access.canWrite ? undefined : access.reason}
                  onClick={() => void duplicate(r.id)}
                  aria-label={`Duplicate ${r.name}`}
                >
                  Duplicate
                </button>
                {confirming === r.id ? (
                  <>
                    <button type="button" className="danger" onClick={() => void remove(r.id)}>
                      Delete {r.id} and every version
                    </button>
                    <button type="button" onClick={() => setConfirming(undefined)}>
                      Keep
                    </button>
                  </>
                ) : (
                  <button
                    type="button"
                    disabled={!access.canWrite || !r.saved}
                    title={access.canWrite ? undefined : access.reason}
                    onClick={() => setConfirming(r.id)}
                    aria-label={`Delete ${r.name}`}
                  >
                    Delete
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
