/**
 * The YAML view's code editor: CodeMirror 6 with line numbers, YAML highlighting, the core
 * parser's issues shown inline at their line and column (grouped: a few messages per place), and
 * completion of keys and values from the scenario's JSON Schema (yamlCompletion.ts).
 */
import {
  autocompletion,
  type CompletionContext,
  type CompletionResult,
} from '@codemirror/autocomplete';
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { yaml } from '@codemirror/lang-yaml';
import {
  bracketMatching,
  defaultHighlightStyle,
  indentOnInput,
  syntaxHighlighting,
} from '@codemirror/language';
import { lintGutter, setDiagnostics, type Diagnostic } from '@codemirror/lint';
import { EditorState } from '@codemirror/state';
import {
  EditorView,
  highlightActiveLine,
  highlightActiveLineGutter,
  keymap,
  lineNumbers,
} from '@codemirror/view';
import { useEffect, useRef, type JSX } from 'react';
import type { InputIssue } from '../../../src/model/index.ts';
import { groupIssues } from './draft.ts';
import {
  cursorContext,
  keySuggestions,
  valueSuggestions,
  type JsonSchemaNode,
} from './yamlCompletion.ts';

function completer(schema: JsonSchemaNode) {
  return (ctx: CompletionContext): CompletionResult | null => {
    const line = ctx.state.doc.lineAt(ctx.pos);
    // only the text up to the cursor's line matters for the path
    const before = ctx.state.doc.sliceString(0, ctx.pos);
    const c = cursorContext(before);
    if (!ctx.explicit && c.word === '' && c.mode === 'key' && ctx.pos > line.from) {
      const typed = ctx.state.doc.sliceString(line.from, ctx.pos);
      if (!/-\s$/.test(typed)) return null;
    }
    const list =
      c.mode === 'key' ? keySuggestions(schema, c.path) : valueSuggestions(schema, c.path);
    if (list.length === 0) return null;
    return {
      from: c.from,
      options: list.map((s) => ({
        label: s.label,
        detail: s.detail,
        info: s.info,
        type: c.mode === 'key' ? 'property' : 'enum',
        apply: c.mode === 'key' ? `${s.label}: ` : s.label,
      })),
      validFor: /^[\w$-]*$/,
    };
  };
}

/** Issues as diagnostics at their line and column, a few messages per place. */
export function diagnosticsOf(state: EditorState, issues: readonly InputIssue[]): Diagnostic[] {
  const doc = state.doc;
  return groupIssues(issues).map((g) => {
    const line = doc.line(Math.min(Math.max(1, g.line ?? 1), doc.lines));
    const from = Math.min(line.to, line.from + Math.max(0, (g.column ?? 1) - 1));
    // to the end of the token (or the line) the issue points at
    const rest = doc.sliceString(from, line.to);
    const token = /^[^\s,:}\]]*/.exec(rest)?.[0].length ?? 0;
    return {
      from,
      to: from + Math.max(1, token || rest.length),
      severity: 'error',
      message: g.messages.join('\n') + (g.more > 0 ? `\n… and ${g.more} more` : ''),
      source: g.where,
    };
  });
}

export function YamlEditor({
  value,
  onChange,
  issues,
  schema,
}: {
  value: string;
  onChange: (text: string) => void;
  issues: readonly InputIssue[];
  schema: JsonSchemaNode;
}): JSX.Element {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | undefined>(undefined);
  const changed = useRef(onChange);
  changed.current = onChange;

  useEffect(() => {
    if (!host.current) return;
    const v = new EditorView({
      parent: host.current,
      state: EditorState.create({
        doc: value,
        extensions: [
          lineNumbers(),
          highlightActiveLineGutter(),
          highlightActiveLine(),
          history(),
          indentOnInput(),
          bracketMatching(),
          yaml(),
          syntaxHighlighting(defaultHighlightStyle),
          lintGutter(),
          autocompletion({ override: [completer(schema)] }),
          keymap.of([...defaultKeymap, ...historyKeymap]),
          EditorView.contentAttributes.of({ 'aria-label': 'Scenario YAML', spellcheck: 'false' }),
          EditorView.updateListener.of((u) => {
            if (u.docChanged) changed.current(u.state.doc.toString());
          }),
        ],
      }),
    });
    view.current = v;
    return () => {
      v.destroy();
      view.current = undefined;
    };
  }, [schema]);

  // text changed elsewhere (the form, a saved variant): replace the document
  useEffect(() => {
    const v = view.current;
    if (!v || v.state.doc.toString() === value) return;
    v.dispatch({ changes: { from: 0, to: v.state.doc.length, insert: value } });
  }, [value]);

  useEffect(() => {
    const v = view.current;
    if (v) v.dispatch(setDiagnostics(v.state, diagnosticsOf(v.state, issues)));
  }, [issues, value]);

  return <div className="code-editor" ref={host} data-testid="yaml-editor" />;
}
