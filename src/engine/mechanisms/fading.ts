/**
 * Fading: many armed conflicts end neither in victory nor at a table but die down — the fighting
 * falls below the threshold that makes it a war and nobody declares anything. In UCDP this "low
 * activity" ending is the commonest of all (Kreutz 2010), and it is why so many conflicts last
 * under a month while others run for decades. A month can be the one the fighting dies down only
 * if it was quiet: the front held and neither side escalated. Its chance is
 *   φ · D₀ / (D₀ + deaths this month) · e^(−months of war / τ_f)
 * so flare-ups fade early, minor conflicts more than major wars, entrenched wars seldom
 * (fading.rate, fading.intensityReference, fading.decayMonths; the form is a design choice).
 * The war ends with Outcome.faded: no terms, and durability treats it as a bare cessation.
 */
import type { Mechanism } from './mechanism.ts';
import type { State } from '../state.ts';
import { Effort, Outcome, Status } from '../codes.ts';
import { Stream } from '../rng.ts';
import { endWar } from './termination.ts';

/** This month's fading chance before the intensity factor (0 when switched off). */
export function fadingChance(s: State): number {
  const f = s.c.params.fading;
  if (!f.enabled || f.rate <= 0) return 0;
  return f.rate * Math.exp(-(s.c.warMonthsAtStart + s.t) / f.decayMonths);
}

function step(s: State): void {
  const base = fadingChance(s);
  // no draw at all when switched off, so the other streams are untouched
  if (base === 0) return;
  const d0 = s.c.params.fading.intensityReference;
  const { active, lastBattle, lastCasualties, effort, rng } = s;
  for (let a = 0; a < s.nActive; a++) {
    const r = active[a];
    const u = rng.next(r, Stream.fading);
    if (s.status[r] !== Status.war || lastBattle[r] !== 0) continue;
    if (effort[2 * r] === Effort.escalate || effort[2 * r + 1] === Effort.escalate) continue;
    const deaths = lastCasualties[2 * r] + lastCasualties[2 * r + 1];
    if (u < (base * d0) / (d0 + deaths)) endWar(s, r, Outcome.faded);
  }
}

export const fading: Mechanism = {
  id: 'fading',
  params: 'fading',
  source: 'Kreutz 2010 (low activity as an ending); the hazard form is a design choice',
  endsWars: true,
  reads: [
    'accepted',
    'effort',
    'lastBattle',
    'lastCasualties',
    'mediatorBias',
    'mediatorGuarantee',
    'mediatorsPresent',
  ],
  writes: ['endMonth', 'guaranteeAtEnd', 'outcome', 'pressuredEnd', 'status', 'talks'],
  step,
};
