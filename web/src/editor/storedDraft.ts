/**
 * Drafts kept in this browser (localStorage) per scenario, so an edit survives a reload. A
 * draft is kept with a fingerprint of the text it was edited from: when the scenario on the
 * server has changed since, the old draft is not restored over it.
 */
const KEY = (id: string) => `parley.draft.${id}`;
/** Drafts larger than this are not kept (localStorage holds a few MB per origin). */
const MAX_CHARS = 1_000_000;

/** FNV-1a over UTF-16 code units: a fingerprint, not a security measure. */
function fingerprint(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return `${text.length}:${h.toString(16)}`;
}

export function storeDraft(id: string, openedText: string, draft: string): void {
  try {
    if (draft === openedText || draft.length > MAX_CHARS) localStorage.removeItem(KEY(id));
    else
      localStorage.setItem(KEY(id), JSON.stringify({ base: fingerprint(openedText), text: draft }));
  } catch {
    // storage full or disabled: the draft lives only in this tab
  }
}

/** The kept draft edited from exactly `openedText`, if any. */
export function storedDraft(id: string, openedText: string): string | undefined {
  try {
    const raw = localStorage.getItem(KEY(id));
    if (!raw) return undefined;
    const d = JSON.parse(raw) as { base?: unknown; text?: unknown };
    return d.base === fingerprint(openedText) && typeof d.text === 'string' ? d.text : undefined;
  } catch {
    return undefined;
  }
}

export function forgetDraft(id: string): void {
  try {
    localStorage.removeItem(KEY(id));
  } catch {
    // nothing kept
  }
}
