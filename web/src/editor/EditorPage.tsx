/**
 * Scenario editor: a form generated from the scenario schema and a YAML view of the same text,
 * both validated live by the core parser, so messages are word for word those of
 * `parley validate`. Save posts the scenario; the server keeps a new version when it changed.
 */
import { useMemo, useState, type JSX } from 'react';
import { formatIssues, formatPath, scenarioJsonSchema } from '../../../src/model/index.ts';
import { api, writeAccess } from '../api.ts';
import type { Shared, Workspace } from '../workspace.ts';
import { checkDraft, editDraft, groupIssues, issuesByPath, type Path } from './draft.ts';
import { Field, humanize, type JsonSchema } from './SchemaForm.tsx';
import { forgetDraft } from './storedDraft.ts';
import { YamlEditor } from './YamlEditor.tsx';

let schemaCache: JsonSchema | undefined;
const scenarioSchema = () => (schemaCache ??= scenarioJsonSchema() as JsonSchema);

/** Sections of the form, in the order a reader meets them; the rest is edited in YAML. */
const SECTIONS: { key: string; title: string }[] = [
  {
    key: 'parties',
    title:
      'Parties: belligerents (leader, military, beliefs, opinion, support), patrons and mediators',
  },
  { key: 'front', title: 'Front' },
  { key: 'backChannels', title: 'Back channels' },
  { key: 'interventions', title: 'Interventions and scheduled events' },
  { key: 'settings', title: 'Settings' },
];

export function EditorPage({ shared, ws }: { shared: Shared; ws: Workspace }): JSX.Element {
  const [view, setView] = useState<'form' | 'yaml'>('form');
  const [saveStatus, setSaveStatus] = useState('');
  const checked = useMemo(() => checkDraft(ws.draft), [ws.draft]);
  const issues = checked.result.ok ? [] : checked.result.issues;
  const byPath = useMemo(() => issuesByPath(issues), [issues]);
  const access = writeAccess();
  const schema = scenarioSchema();

  const update = (text: string) => {
    const r = checkDraft(text).result;
    shared.setDraft(text, r.ok ? r.value : undefined);
    setSaveStatus('');
  };
  const onField = (path: Path, value: unknown) => update(editDraft(ws.draft, path, value));

  const save = async () => {
    if (!checked.result.ok) return;
    setSaveStatus('Saving…');
    const r = await api.saveScenario(checked.result.value);
    if (!r.ok) return setSaveStatus(formatIssues('server', r.issues));
    setSaveStatus(
      r.value.created
        ? `Saved ${r.value.version.id} as version ${r.value.version.version}.`
        : `No change: ${r.value.version.id} version ${r.value.version.version} already holds this scenario.`,
    );
    // the saved version is now what the scenario opens to: the kept draft is done with
    forgetDraft(ws.open.id);
    if (r.value.version.id !== ws.open.id) await shared.reopen(r.value.version.id);
  };

  const data = (checked.data ?? {}) as Record<string, unknown>;
  const props = schema.properties ?? {};
  return (
    <section aria-labelledby="editor-title" className="editor">
      <div className="page-head">
        <h1 id="editor-title">Edit {ws.working.name}</h1>
        <div className="tabs" role="tablist" aria-label="Editor view">
          {(['form', 'yaml'] as const).map((v) => (
            <button
              key={v}
              type="button"
              role="tab"
              id={`tab-${v}`}
              aria-selected={view === v}
              aria-controls={`panel-${v}`}
              onClick={() => setView(v)}
            >
              {v === 'form' ? 'Form' : 'YAML'}
            </button>
          ))}
        </div>
        <button
          type="button"
          onClick={() => void save()}
          disabled={!access.canWrite || !checked.result.ok}
        >
          Save as new version
        </button>
      </div>
      {!access.canWrite ? <p className="note">{access.reason}.</p> : null}
      <div className="validation" role="status" aria-live="polite" data-valid={checked.result.ok}>
        {checked.result.ok ? (
          <p className="ok">
            ✔ {ws.open.file}: {checked.result.value.name} ({checked.result.value.parties.length}{' '}
            parties, {checked.result.value.settings.horizonMonths} months)
          </p>
        ) : (
          <>
            <ul className="issue-groups" aria-label="Problems by place">
              {groupIssues(issues).map((g) => (
                <li key={`${g.line ?? ''}:${g.column ?? ''}:${g.where}`}>
                  <span className="where">
                    {g.line !== undefined ? `line ${g.line}, column ${g.column ?? 1}` : ''}{' '}
                    <code>{g.where}</code>
                  </span>
                  {g.messages.map((m) => (
                    <span key={m} className="message">
                      ✖ {m}
                    </span>
                  ))}
                  {g.more > 0 ? <span className="more">… and {g.more} more</span> : null}
                </li>
              ))}
            </ul>
            <details>
              <summary>The full text, as `parley validate` prints it</summary>
              <pre className="issues">{formatIssues(ws.open.file, issues)}</pre>
            </details>
          </>
        )}
      </div>
      {saveStatus ? (
        <p role="status" className="status">
          {saveStatus}
        </p>
      ) : null}
      {view === 'yaml' ? (
        <div id="panel-yaml" role="tabpanel" aria-labelledby="tab-yaml">
          <YamlEditor value={ws.draft} onChange={update} issues={issues} schema={schema} />
          <p id="yaml-help" className="help">
            YAML or JSON; comments are kept when you switch to the form and back. Mechanism
            parameters, sources and variants are edited here. Ctrl+Space completes keys and values
            from the scenario schema; problems are marked at their line.
          </p>
        </div>
      ) : checked.data === undefined ? (
        <p id="panel-form" role="tabpanel" className="error">
          The YAML does not parse; fix it in the YAML view first.
        </p>
      ) : (
        <div id="panel-form" role="tabpanel" aria-labelledby="tab-form" className="form">
          <fieldset className="group">
            <legend>Scenario</legend>
            {['id', 'name', 'description', 'type'].map((k) => (
              <Field
                key={k}
                schema={props[k]}
                value={data[k]}
                path={[k]}
                label={humanize(k)}
                onChange={onField}
                issues={byPath}
              />
            ))}
          </fieldset>
          {SECTIONS.map((s) => (
            <Field
              key={s.key}
              schema={props[s.key]}
              value={data[s.key]}
              path={[s.key]}
              label={s.title}
              onChange={onField}
              issues={byPath}
            />
          ))}
          {issues.some(
            (i) =>
              !SECTIONS.some((s) => s.key === i.path[0]) &&
              !['id', 'name', 'description', 'type'].includes(String(i.path[0])),
          ) ? (
            <p className="note">
              Some problems are in fields edited only in the YAML view:{' '}
              {issues.map((i) => formatPath(i.path)).join(', ')}.
            </p>
          ) : null}
        </div>
      )}
    </section>
  );
}
