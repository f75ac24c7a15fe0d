/**
 * Completion for the YAML editor from the scenario's JSON Schema (src/model/jsonSchema.ts): the
 * path of the mapping the cursor is in, read from indentation (the draft need not parse while
 * it is being typed), then the schema's property names there, or a field's allowed values.
 * Pure, so it is tested without a browser.
 */

export interface JsonSchemaNode {
  type?: string | string[];
  properties?: Record<string, JsonSchemaNode>;
  items?: JsonSchemaNode;
  oneOf?: JsonSchemaNode[];
  anyOf?: JsonSchemaNode[];
  enum?: unknown[];
  const?: unknown;
  description?: string;
  default?: unknown;
}

export type YamlPath = (string | number)[];

export interface CursorContext {
  /** path of the mapping (key mode) or of the field (value mode) */
  path: YamlPath;
  mode: 'key' | 'value';
  /** the partial word being typed, and where it starts on the line */
  word: string;
  from: number;
}

const indentOf = (line: string) => line.length - line.trimStart().length;
const KEY_LINE = /^(\s*)(-\s+)?([A-Za-z_$][\w$-]*|"[^"]*"|'[^']*')\s*:(\s|$)/;

/** Where the cursor is: `lines` up to and including the cursor's line, cut at the cursor. */
export function cursorContext(before: string): CursorContext {
  const lines = before.split('\n');
  const cur = lines[lines.length - 1];
  const lineStart = before.length - cur.length;
  const value = /^(\s*)(-\s+)?([A-Za-z_$][\w$-]*)\s*:\s+(\S*)$/.exec(cur);
  const key = /^(\s*)(-\s+)?([\w$-]*)$/.exec(cur);
  const m = value ?? key;
  if (!m) return { path: [], mode: 'key', word: '', from: before.length };
  const dash = m[2] ?? '';
  const ownIndent = m[1].length;
  const path: YamlPath = [];
  // the cursor's own line opens a list item: its keys belong to an item of the list above
  let limit = ownIndent + dash.length;
  /** after a list item, the list's own key may sit at the same indent as its dashes */
  let sameOk = false;
  if (dash) {
    path.unshift(0);
    limit = ownIndent;
    sameOk = true;
  }
  for (let k = lines.length - 2; k >= 0 && limit > 0; k--) {
    const line = lines[k];
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    const ind = indentOf(line);
    if (/^\s*-(\s|$)/.test(line)) {
      if (ind < limit) {
        // inside an item of a list whose dashes sit at this indent
        path.unshift(0);
        limit = ind;
        sameOk = true;
      }
      continue;
    }
    const km = KEY_LINE.exec(line);
    if (km && (ind < limit || (sameOk && ind === limit))) {
      path.unshift(km[3].replace(/^["']|["']$/g, ''));
      limit = ind;
      sameOk = false;
    }
  }
  if (value)
    return {
      path: [...path, value[3]],
      mode: 'value',
      word: value[4],
      from: lineStart + cur.length - value[4].length,
    };
  return { path, mode: 'key', word: m[3], from: lineStart + cur.length - m[3].length };
}

/** The schema at a path: list items through `items`, alternatives merged. */
export function schemaAt(root: JsonSchemaNode, path: YamlPath): JsonSchemaNode | undefined {
  let node: JsonSchemaNode | undefined = root;
  for (const seg of path) {
    if (!node) return undefined;
    const alts: JsonSchemaNode[] = [node, ...(node.oneOf ?? []), ...(node.anyOf ?? [])];
    if (typeof seg === 'number') node = alts.find((a) => a.items)?.items;
    else node = alts.find((a) => a.properties?.[seg])?.properties?.[seg];
  }
  return node;
}

export interface Suggestion {
  label: string;
  detail?: string;
  info?: string;
}

/** Property names of the mapping at `path` (all alternatives), with their descriptions. */
export function keySuggestions(root: JsonSchemaNode, path: YamlPath): Suggestion[] {
  const node = schemaAt(root, path);
  if (!node) return [];
  const out = new Map<string, Suggestion>();
  for (const alt of [node, ...(node.oneOf ?? []), ...(node.anyOf ?? [])])
    for (const [k, v] of Object.entries(alt.properties ?? {}))
      if (!out.has(k))
        out.set(k, {
          label: k,
          detail: v.const !== undefined ? `= ${JSON.stringify(v.const)}` : kind(v),
          info: v.description,
        });
  return [...out.values()];
}

/** Allowed values of the field at `path`: enums, constants and booleans. */
export function valueSuggestions(root: JsonSchemaNode, path: YamlPath): Suggestion[] {
  const node = schemaAt(root, path);
  if (!node) return [];
  const values = new Set<string>();
  for (const alt of [node, ...(node.oneOf ?? []), ...(node.anyOf ?? [])]) {
    for (const v of alt.enum ?? []) values.add(typeof v === 'string' ? v : JSON.stringify(v));
    if (alt.const !== undefined)
      values.add(typeof alt.const === 'string' ? alt.const : JSON.stringify(alt.const));
    if (alt.type === 'boolean') ['true', 'false'].forEach((v) => values.add(v));
  }
  return [...values].map((label) => ({ label, info: node.description }));
}

function kind(n: JsonSchemaNode): string | undefined {
  const alts = [n, ...(n.oneOf ?? []), ...(n.anyOf ?? [])];
  const types = [...new Set(alts.flatMap((a) => (a.type === undefined ? [] : [a.type].flat())))];
  return types.length ? types.join(' | ') : undefined;
}
