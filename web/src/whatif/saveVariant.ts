/**
 * "Save as variant": the what-if's edits written into the draft's `variants:` as an overlay, so
 * the what-if appears in Compare beside the scenario's own variants and is saved with the
 * scenario. The overlay is checked to give back exactly the what-if's scenario before it is kept.
 */
import { parseDocument } from 'yaml';
import {
  applyVariant,
  BASELINE_ID,
  CannotOverlay,
  overlayOf,
} from '../../../src/analysis/index.ts';
import { canonicalJson } from '../../../src/engine/index.ts';
import { parseScenarioText, type Result, type Scenario } from '../../../src/model/index.ts';

/** A variant id from its name: lower-case words joined by '-', made unique in the scenario. */
export function variantId(name: string, taken: readonly string[]): string {
  const stem =
    name
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40)
      .replace(/-+$/, '') || 'what-if';
  const used = new Set([...taken, BASELINE_ID]);
  let id = stem;
  for (let k = 2; used.has(id); k++) id = `${stem}-${k}`;
  return id;
}

/** The draft text with the variant appended, and the scenario it now validates to. */
export function draftWithVariant(
  draft: string,
  base: Scenario,
  edited: Scenario,
  name: string,
): Result<{ text: string; scenario: Scenario; id: string }> {
  const fail = (message: string): Result<never> => ({
    ok: false,
    issues: [{ code: 'custom', path: ['variants'], message }],
  });
  const { variants: own = [], ...from } = base;
  const { variants: _v, ...to } = edited;
  let overlay: unknown;
  try {
    overlay = overlayOf(from, to);
  } catch (e) {
    if (e instanceof CannotOverlay) return fail(e.message);
    throw e;
  }
  if (overlay === undefined) return fail('the levers are where the scenario is: nothing to save');
  const id = variantId(
    name,
    own.map((v) => v.id),
  );
  const variant = {
    id,
    name: name.trim() || id,
    description: 'Saved from the what-if panel.',
    overlay,
  };
  const back = applyVariant(base, variant as Parameters<typeof applyVariant>[1]);
  if (!back.ok) return back;
  if (canonicalJson(back.value) !== canonicalJson(to))
    return fail('the overlay does not give back the what-if scenario; not saved');
  const doc = parseDocument(draft);
  if (doc.hasIn(['variants'])) doc.addIn(['variants'], doc.createNode(variant));
  else doc.setIn(['variants'], doc.createNode([variant]));
  const text = doc.toString({ lineWidth: 100 });
  const parsed = parseScenarioText(text);
  return parsed.ok ? { ok: true, value: { text, scenario: parsed.value, id } } : parsed;
}
