/**
 * The editor's document: YAML text, edited either directly or field by field through the form.
 * Form edits go through the YAML document model, so comments and anchors in the file survive.
 * Validation is the core parser itself (src/model parseScenarioText), so every message, path and
 * line number is the one `parley validate` prints.
 */
import { isMap, isSeq, parseDocument } from 'yaml';
import {
  formatPath,
  parseScenarioText,
  type InputIssue,
  type Result,
  type Scenario,
} from '../../../src/model/index.ts';

export type Path = (string | number)[];

export interface Checked {
  result: Result<Scenario>;
  /** the document as plain data for the form; undefined when the YAML does not parse */
  data: unknown;
}

export function checkDraft(text: string): Checked {
  const result = parseScenarioText(text);
  let data: unknown;
  try {
    const doc = parseDocument(text);
    data = doc.errors.length ? undefined : doc.toJS({ maxAliasCount: 100 });
  } catch {
    data = undefined;
  }
  return { result, data };
}

/** Sets (or with undefined, removes) the value at a path, keeping the rest of the text as it is. */
export function editDraft(text: string, path: Path, value: unknown): string {
  const doc = parseDocument(text);
  if (value === undefined) doc.deleteIn(path);
  else {
    // create missing parents as mappings (or a sequence when the next key is an index)
    for (let n = 1; n < path.length; n++) {
      const parent = doc.getIn(path.slice(0, n), true);
      if (parent === undefined || parent === null || (!isMap(parent) && !isSeq(parent)))
        doc.setIn(path.slice(0, n), doc.createNode(typeof path[n] === 'number' ? [] : {}));
    }
    doc.setIn(path, doc.createNode(value));
  }
  return doc.toString({ lineWidth: 100 });
}

export const pathKey = (path: readonly (string | number)[]): string => path.join('.');

/** Issues by the exact field path they name (for messages beside the field). */
export function issuesByPath(issues: readonly InputIssue[]): Map<string, InputIssue[]> {
  const m = new Map<string, InputIssue[]>();
  for (const i of issues) {
    const k = pathKey(i.path);
    m.set(k, [...(m.get(k) ?? []), i]);
  }
  return m;
}

/** Issues at one place (line and column, else path): a few messages, and how many more. */
export interface IssueGroup {
  line?: number;
  column?: number;
  /** the field path, as the CLI prints it */
  where: string;
  messages: string[];
  more: number;
}

/** At most this many messages per place; unions and lists can produce dozens. */
export const MESSAGES_PER_PLACE = 3;

/** Issues grouped by place, in order of first appearance, repeated messages once. */
export function groupIssues(issues: readonly InputIssue[]): IssueGroup[] {
  const groups = new Map<string, IssueGroup & { all: string[] }>();
  for (const i of issues) {
    const key = i.line !== undefined ? `${i.line}:${i.column ?? 0}` : pathKey(i.path);
    let g = groups.get(key);
    if (!g) {
      g = {
        line: i.line,
        column: i.column,
        where: formatPath(i.path),
        messages: [],
        more: 0,
        all: [],
      };
      groups.set(key, g);
    }
    if (!g.all.includes(i.message)) g.all.push(i.message);
  }
  return [...groups.values()].map(({ all, ...g }) => ({
    ...g,
    messages: all.slice(0, MESSAGES_PER_PLACE),
    more: Math.max(0, all.length - MESSAGES_PER_PLACE),
  }));
}
