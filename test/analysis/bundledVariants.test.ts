/**
 * Bundled variants do what their names say: each variant's edits to its scenario (edits.ts) are
 * held against a declared intent, the edits its name allows (a pattern over the printed edit line
 * `path: before → after`). Every edit must be allowed, and every allowed edit must be made, so a
 * variant can neither hide an edit behind its name nor lose the one it is named for.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatEdit, prepareVariants, variantEdits } from '../../src/analysis/index.ts';
import { parseScenarioText } from '../../src/model/index.ts';

const DIR = fileURLToPath(new URL('../../data/scenarios/', import.meta.url));

/** scenario id → variant id → the edit lines the variant's name allows (and needs). */
const INTENT: Record<string, Record<string, RegExp[]>> = {
  'russia-ukraine-2024': {
    // the Holy See alone: the other mediators stay out (offers, entry, proposal); the Swiss
    // reconstruction money is kept, offered on its own
    'early-neutral-mediation': [
      /^parties\.turkey\.mediation\.offerMonth: 1 → null$/,
      /^parties\.china\.mediation\.offerMonth: 3 → null$/,
      /^interventions\.\d+: \{ kind: mediator-entry, month: 4, mediator: switzerland.* → \(absent\)$/,
      /^interventions\.\d+: \{ kind: ceasefire-proposal, month: 3, by: china.* → \(absent\)$/,
      /^interventions\.\d+: \(absent\) → \{ kind: incentive-offer, month: 4, from: switzerland, to: ukraine, incentive: reconstruction-aid, size: 0\.06, conditionalOn: talks/,
    ],
    'late-neutral-mediation': [
      /^parties\.holy-see\.mediation\.offerMonth: 0 → 18$/,
      /^parties\.turkey\.mediation\.offerMonth: 1 → null$/,
      /^parties\.china\.mediation\.offerMonth: 3 → null$/,
      /^interventions\.\d+: \{ kind: mediator-entry, month: 4, mediator: switzerland.* → \(absent\)$/,
      /^interventions\.\d+: \{ kind: ceasefire-proposal, month: 3, by: china.* → \(absent\)$/,
      /^interventions\.\d+: \(absent\) → \{ kind: incentive-offer, month: 4, from: switzerland, to: ukraine, incentive: reconstruction-aid, size: 0\.06, conditionalOn: talks/,
    ],
    'biased-mediator': [
      /^parties\.holy-see\.mediation\.offerMonth: 0 → null$/,
      /^parties\.china\.mediation\.offerMonth: 3 → 0$/,
    ],
    'back-channel-month-0': [
      /^backChannels\.hotel-channel\.openFrom: 6 → 0$/,
      /^interventions\.\d+: \{ kind: back-channel-open, month: 6, channel: hotel-channel.* → \(absent\)$/,
    ],
    'no-back-channel': [
      /^backChannels\.ankara-channel: \{ id: ankara-channel.* → \(absent\)$/,
      /^backChannels\.hotel-channel: \{ id: hotel-channel.* → \(absent\)$/,
      /^interventions\.\d+: \{ kind: back-channel-open, month: 6, channel: hotel-channel.* → \(absent\)$/,
    ],
    'reconstruction-on-talks': [
      /^parties\.holy-see\.mediation\.carrots\.0: \(absent\) → \{ to: ukraine, kind: reconstruction-aid, size: 0\.15, conditionalOn: talks \}$/,
    ],
    'us-aid-wanes-faster': [
      /^parties\.ukraine\.support\.united-states\.waningRate: 0\.02 → 0\.06$/,
    ],
    'us-aid-steady': [/^parties\.ukraine\.support\.united-states\.waningRate: 0\.02 → 0$/],
  },
  'bosnia-1995': {
    'no-air-campaign': [
      /^parties\.united-states\.mediation\.sticks\.0: \{ on: bosnian-serbs, kind: military-pressure.* → \(absent\)$/,
    ],
    'neutral-us': [
      /^parties\.united-states\.mediation\.bias\.toward: bosnian-government → neutral$/,
      /^parties\.united-states\.mediation\.bias\.strength: 0\.5 → 0$/,
    ],
    'no-guarantee': [/^parties\.united-states\.mediation\.guarantee: 0\.8 → 0$/],
  },
  'colombia-farc-2012': {
    'havana-from-start': [/^backChannels\.havana-exploratory\.openFrom: 1 → 0$/],
    'norway-biased': [
      /^parties\.norway\.mediation\.bias\.toward: neutral → colombia$/,
      /^parties\.norway\.mediation\.bias\.strength: 0 → 0\.5$/,
    ],
  },
  'russia-japan-1905': {
    'early-offer': [/^parties\.united-states\.mediation\.offerMonth: 3 → 0$/],
    'neutral-roosevelt': [
      /^parties\.united-states\.mediation\.bias\.toward: japan → neutral$/,
      /^parties\.united-states\.mediation\.bias\.strength: 0\.3 → 0$/,
    ],
    'public-mediation': [/^parties\.united-states\.mediation\.confidential: true → false$/],
  },
};

const bundled = readdirSync(DIR)
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => {
    const r = parseScenarioText(readFileSync(DIR + f, 'utf8'));
    if (!r.ok) throw new Error(`${f} does not validate`);
    return r.value;
  });

describe('bundled variants do what their names say', () => {
  it('every bundled variant has a declared intent, and every intent a variant', () => {
    const have = Object.fromEntries(
      bundled.map((s) => [s.id, (s.variants ?? []).map((v) => v.id).sort()]),
    );
    const declared = Object.fromEntries(
      bundled.map((s) => [s.id, Object.keys(INTENT[s.id] ?? {}).sort()]),
    );
    expect(have).toEqual(declared);
  });

  for (const s of bundled)
    for (const v of s.variants ?? [])
      it(`${s.id} / ${v.id}: its edits are exactly those its name allows`, () => {
        const prepared = prepareVariants({ ...s, variants: [v] });
        if (!prepared.ok) throw new Error(JSON.stringify(prepared.issues));
        const lines = variantEdits(s, prepared.value[1].scenario).map(formatEdit);
        const allowed = INTENT[s.id][v.id];
        const unexplained = lines.filter((l) => !allowed.some((p) => p.test(l)));
        const missing = allowed.filter((p) => !lines.some((l) => p.test(l)));
        expect({ unexplained, missing }).toEqual({ unexplained: [], missing: [] });
      });

  it('the Holy-See-only variant keeps the Swiss reconstruction money (issue 19)', () => {
    const ru = bundled.find((s) => s.id === 'russia-ukraine-2024')!;
    const prepared = prepareVariants(ru);
    if (!prepared.ok) throw new Error('variants invalid');
    const v = prepared.value.find((p) => p.id === 'early-neutral-mediation')!.scenario;
    const money = (sc: typeof v) =>
      sc.interventions
        .filter((e) => e.kind === 'incentive-offer' && e.from === 'switzerland')
        .map((e) => (e.kind === 'incentive-offer' ? e.size : 0));
    const swiss = ru.parties.find((p) => p.id === 'switzerland');
    if (swiss?.role !== 'mediator') throw new Error('expected the Swiss mediator');
    expect(money(v)).toEqual(swiss.mediation.carrots.map((c) => c.size));
  });
});
