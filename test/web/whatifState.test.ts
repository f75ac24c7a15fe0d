/**
 * The what-if's state outside the panel: its levers in the address (leverUrl.ts) and "save as
 * variant" (saveVariant.ts), which writes the levers' edits into the draft as an overlay.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { applyVariant } from '../../src/analysis/index.ts';
import { canonicalJson } from '../../src/engine/index.ts';
import { parseScenarioText } from '../../src/model/index.ts';
import { applyLevers, leversOf, type Levers } from '../../web/src/whatif/levers.ts';
import { leversFromQuery, leversToQuery } from '../../web/src/whatif/leverUrl.ts';
import { draftWithVariant, variantId } from '../../web/src/whatif/saveVariant.ts';

const TEXT = readFileSync(
  fileURLToPath(new URL('../../data/scenarios/russia-ukraine-2024.yaml', import.meta.url)),
  'utf8',
);
const RU = (() => {
  const r = parseScenarioText(TEXT);
  if (!r.ok) throw new Error('bundled scenario invalid');
  return r.value;
})();
const start = leversOf(RU);
const moved: Levers = {
  ...start,
  mediator: 'toward-A',
  othersStayOut: true,
  mediationMonth: 7,
  backChannel: 'off',
  reconstructionAid: 0.12,
  aidWaning: 2.5,
  strengthSide: 'B',
  strengthMonth: 4,
  strengthSize: 0.35,
};

describe('what-if levers in the address', () => {
  it('only moved levers are written, and they read back to the same levers', () => {
    expect(leversToQuery(start, start)).toBe('');
    const q = leversToQuery(moved, start);
    expect(q).toContain('mediator=toward-A');
    expect(q).not.toContain('confidential');
    expect(leversFromQuery(q, start, 119)).toEqual(moved);
  });

  it('values outside the controls are ignored, not obeyed', () => {
    const l = leversFromQuery(
      'mediator=evil&aid=7&waning=-1&month=999&by=C&strength=NaN&only=yes&channel=on',
      start,
      119,
    );
    expect(l).toEqual({ ...start, backChannel: 'on' });
  });
});

describe('save as variant', () => {
  it('appends a variant whose overlay gives back the what-if scenario', () => {
    const edited = applyLevers(RU, moved);
    if (!edited.ok) throw new Error('levers invalid');
    const r = draftWithVariant(TEXT, RU, edited.value, 'Pro-Russian Holy See alone');
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(r.value.id).toBe('pro-russian-holy-see-alone');
    const v = r.value.scenario.variants?.at(-1);
    expect(v?.name).toBe('Pro-Russian Holy See alone');
    expect(r.value.scenario.variants).toHaveLength((RU.variants ?? []).length + 1);
    const back = applyVariant(r.value.scenario, v!);
    if (!back.ok) throw new Error('saved variant does not apply');
    const { variants: _v, ...want } = edited.value;
    expect(canonicalJson(back.value)).toBe(canonicalJson(want));
    // the file keeps its comments and sources
    expect(r.value.text).toContain('# the war as it stood on the forecast date');
  });

  it('refuses to save the scenario as written, and ids stay unique', () => {
    const r = draftWithVariant(TEXT, RU, RU, 'nothing');
    expect(r.ok).toBe(false);
    expect(variantId('US aid steady', ['us-aid-steady'])).toBe('us-aid-steady-2');
    expect(variantId('!!!', [])).toBe('what-if');
  });
});
