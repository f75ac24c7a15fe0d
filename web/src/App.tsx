/**
 * The Parley web UI shell: a hash-routed page with a navigation bar, the open scenario (with the
 * editor's draft) shared by every page, and the session's write access. Pages are in their
 * folders; the History explorer is mounted from web/src/history.
 */
import { useCallback, useEffect, useRef, useState, type JSX } from 'react';
import { canonicalJson, type RunResult } from '../../src/engine/index.ts';
import type { Scenario } from '../../src/model/index.ts';
import { writeAccess } from './api.ts';
import { ComparePage } from './compare/ComparePage.tsx';
import { checkDraft } from './editor/draft.ts';
import { EditorPage } from './editor/EditorPage.tsx';
import { storeDraft, storedDraft } from './editor/storedDraft.ts';
import { GlossaryPage } from './GlossaryPage.tsx';
import { HistoryPage } from './history/index.tsx';
import { LibraryPage } from './library/LibraryPage.tsx';
import { ResultsPage } from './results/ResultsPage.tsx';
import { href, useRoute, type Page } from './router.ts';
import { openScenario, type OpenScenario } from './scenarioSource.ts';
import type { Levers } from './whatif/levers.ts';
import type { Shared, Workspace } from './workspace.ts';
import { WhatIfPage } from './whatif/WhatIfPage.tsx';
import { ExercisePage } from './exercise/ExercisePage.tsx';

const NAV: { page: Page; label: string }[] = [
  { page: 'library', label: 'Library' },
  { page: 'editor', label: 'Editor' },
  { page: 'results', label: 'Results' },
  { page: 'whatif', label: 'What-if' },
  { page: 'compare', label: 'Compare' },
  { page: 'history', label: 'History' },
  { page: 'glossary', label: 'Glossary' },
];

/** Pages that need no open scenario (their route names none; an exercise names its exercise and token). */
const FREE: readonly Page[] = ['library', 'history', 'glossary', 'exercise'];

/** The workspace of an opened scenario, with a draft kept in this browser restored. */
function workspaceOf(o: OpenScenario): Workspace {
  const kept = storedDraft(o.id, o.text);
  if (kept === undefined)
    return { open: o, draft: o.text, working: o.scenario, edited: false, valid: true };
  const r = checkDraft(kept).result;
  return {
    open: o,
    draft: kept,
    working: r.ok ? r.value : o.scenario,
    edited: true,
    valid: r.ok,
  };
}

export function App(): JSX.Element {
  const route = useRoute();
  const [ws, setWs] = useState<Workspace>();
  const [loadError, setLoadError] = useState<string>();
  const [result, setResult] = useState<RunResult>();
  const [levers, setLevers] = useState<Levers>();
  const access = writeAccess();

  const reopen = useCallback(async (id: string) => {
    setLoadError(undefined);
    const o = await openScenario(id);
    if ('error' in o) {
      setLoadError(`cannot open scenario "${id}": ${o.error}`);
      return;
    }
    setWs(workspaceOf(o));
    setResult(undefined);
    setLevers(undefined);
  }, []);

  // pages other than the library and history name the scenario in the route
  const wanted = FREE.includes(route.page) ? undefined : route.rest[0];
  useEffect(() => {
    if (wanted && wanted !== ws?.open.id) void reopen(wanted);
  }, [wanted, ws?.open.id, reopen]);

  const openLocal = useCallback((o: OpenScenario) => {
    setWs(workspaceOf(o));
    setResult(undefined);
    setLevers(undefined);
  }, []);

  const wsRef = useRef(ws);
  wsRef.current = ws;
  const setDraft = useCallback((text: string, valid: Scenario | undefined) => {
    const w = wsRef.current;
    if (!w) return;
    // a draft that validates to the same scenario keeps the results (e.g. a value typed back)
    const changed = valid !== undefined && canonicalJson(valid) !== canonicalJson(w.working);
    setWs({
      ...w,
      draft: text,
      working: changed ? valid : w.working,
      edited: text !== w.open.text,
      valid: valid !== undefined,
    });
    storeDraft(w.open.id, w.open.text, text);
    if (changed) setResult(undefined);
  }, []);

  // leaving with changes not saved on the server asks first
  const edited = ws?.edited ?? false;
  useEffect(() => {
    if (!edited) return;
    const warn = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [edited]);

  const shared: Shared = { ws, setDraft, reopen, openLocal, result, setResult, levers, setLevers };
  const id = ws?.open.id;
  const needsScenario = !FREE.includes(route.page);
  const loading = needsScenario && wanted !== undefined && wanted !== id && !loadError;

  return (
    <div className="app">
      <a
        className="skip"
        href="#main"
        onClick={(e) => {
          e.preventDefault();
          document.getElementById('main')?.focus();
        }}
      >
        Skip to content
      </a>
      <header className="topbar">
        <a className="brand" href={href('library')}>
          Parley
        </a>
        <nav aria-label="Main">
          <ul>
            {NAV.map((n) => (
              <li key={n.page}>
                <a
                  href={FREE.includes(n.page) ? href(n.page) : href(n.page, id)}
                  aria-current={route.page === n.page ? 'page' : undefined}
                >
                  {n.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <p className="scenario-name" aria-live="polite">
          {ws ? (
            <>
              <span className="muted">Scenario:</span> {ws.working.name}
              {ws.edited ? <em> (edited, not saved)</em> : null}
            </>
          ) : (
            <span className="muted">No scenario open</span>
          )}
        </p>
        <p className={`access ${access.canWrite ? 'ok' : 'off'}`} title={access.reason}>
          {access.canWrite ? 'Saving on' : 'Read-only'}
        </p>
      </header>
      <main id="main" tabIndex={-1}>
        {loadError ? (
          <p role="alert" className="error">
            {loadError}
          </p>
        ) : null}
        {ws && !ws.valid && ['results', 'whatif', 'compare'].includes(route.page) ? (
          <p className="note stale-draft" role="status" data-testid="stale-draft">
            The draft in the <a href={href('editor', id)}>Editor</a> has problems: this page shows
            the last valid version of the scenario.
          </p>
        ) : null}
        {route.page === 'library' ? (
          <LibraryPage shared={shared} />
        ) : route.page === 'history' ? (
          <HistoryPage path={route.rest} scenarioId={id} />
        ) : route.page === 'glossary' ? (
          <GlossaryPage focus={route.rest[0]} />
        ) : route.page === 'exercise' ? (
          <ExercisePage path={route.rest} />
        ) : loading ? (
          <p aria-live="polite">Opening {wanted}…</p>
        ) : !ws ? (
          <p>
            Open a scenario from the <a href={href('library')}>Library</a> first.
          </p>
        ) : route.page === 'editor' ? (
          <EditorPage shared={shared} ws={ws} />
        ) : route.page === 'results' ? (
          <ResultsPage shared={shared} ws={ws} />
        ) : route.page === 'whatif' ? (
          <WhatIfPage shared={shared} ws={ws} query={route.rest[1]} />
        ) : (
          <ComparePage shared={shared} ws={ws} />
        )}
      </main>
    </div>
  );
}
