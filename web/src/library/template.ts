/** A new scenario to start from: two belligerents and a neutral mediator, everything else default. */
import type { Scenario } from '../../../src/model/index.ts';
import { validateScenario } from '../../../src/model/index.ts';

export function newScenarioTemplate(id: string): Scenario {
  const r = validateScenario({
    id,
    name: 'A new war',
    parties: [
      { id: 'a', name: 'State A', role: 'belligerent', side: 'A' },
      { id: 'b', name: 'State B', role: 'belligerent', side: 'B' },
      { id: 'm', name: 'A neutral mediator', role: 'mediator', mediation: { offerMonth: 6 } },
    ],
    front: { demands: { a: 0.6, b: 0.6 } },
    settings: { horizonMonths: 60 },
  });
  if (!r.ok) throw new Error(`invalid template: ${r.issues[0].message}`);
  return r.value;
}
