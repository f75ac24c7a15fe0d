/**
 * The scenario's description of the war and its two belligerents, drawn per run: the front's
 * starting position and each side's military, leader, beliefs, opinion and demobilisation inputs.
 * These stay with the engine rather than a mechanism because several mechanisms read each of them
 * (monthly cost: bargaining range, commitment and ripeness; support for war: bargaining range,
 * conversation, termination, written by domestic) and because they are drawn first, side A's then
 * side B's, interleaved in one fixed order on the sampling stream: handing each to a mechanism
 * would change every draw (common random numbers) or give it an arbitrary owner.
 * Mechanisms own and draw everything else (support lines, mediators, back channels, tempo, …).
 */
import { ownValue, type Belligerent, type Scenario, type Uncertain } from '../model/index.ts';
import { field, type FieldOwner, type FieldsOf } from './fields.ts';
import { Stream } from './rng.ts';
import { sampleUncertain } from './sample.ts';
import type { State } from './state.ts';

const fields = {
  /** Position of the front, 0 … K (front.balance × K at the start; battle moves it). */
  front: field(Int32Array, 'run'),
  /** 1 if this side is the strong type (a draw with strongProbability; beliefs may reveal it). */
  strong: field(Uint8Array, 'party'),
  strongProbability: field(Float64Array, 'party'),
  baseStrength: field(Float64Array, 'party'),
  advantage: field(Float64Array, 'party'),
  cost: field(Float64Array, 'party'),
  casualtyRate: field(Float64Array, 'party'),
  /** Share of reserves left (battle draws them down). */
  reserves: field(Float64Array, 'party'),
  capacity: field(Float64Array, 'party'),
  hawkishness: field(Float64Array, 'party'),
  audience: field(Float64Array, 'party'),
  democracy: field(Uint8Array, 'party'),
  warAim: field(Float64Array, 'party'),
  optimism: field(Float64Array, 'party'),
  /** Starting belief that the enemy is the strong type (beliefs.ts updates `belief`). */
  prior: field(Float64Array, 'party'),
  /** Public support for the war (domestic.ts moves it). */
  support: field(Float64Array, 'party'),
  supportForTalks: field(Float64Array, 'party'),
  supportForConcessions: field(Float64Array, 'party'),
  casualtySensitivity: field(Float64Array, 'party'),
  demobilisation: field(Float64Array, 'party'),
};
declare module './state.ts' {
  interface State extends FieldsOf<typeof fields> {}
}

export function belligerents(s: Scenario): [Belligerent, Belligerent] {
  const a = s.parties.find((p): p is Belligerent => p.role === 'belligerent' && p.side === 'A');
  const b = s.parties.find((p): p is Belligerent => p.role === 'belligerent' && p.side === 'B');
  if (!a || !b)
    throw new Error('invalid scenario: needs one belligerent per side (validate it first)');
  return [a, b];
}

/**
 * Draw the inputs for every run, in a fixed order per run (common random numbers). Loops run
 * field by field over all runs: each run has its own stream, so its sequence of draws is the
 * same as run by run, while each input spec is resolved once per block.
 */
function sample(st: State): void {
  const { c, rng, n } = st;
  const s = c.scenario;
  const bel = belligerents(s);
  /** out[2r + p] = a draw of u for every run r. */
  const fill = (u: Uncertain, min: number, max: number, out: Float64Array, p: number): void => {
    if (typeof u === 'number') {
      for (let r = 0; r < n; r++) out[r * 2 + p] = u;
      return;
    }
    for (let r = 0; r < n; r++) out[r * 2 + p] = sampleUncertain(rng, r, u, min, max);
  };
  const balance = s.front.balance;
  for (let r = 0; r < n; r++) {
    const x = sampleUncertain(rng, r, balance, 0, 1);
    st.front[r] = Math.min(c.K - 1, Math.max(1, Math.round(x * c.K)));
  }
  for (let p = 0; p < 2; p++) {
    const b = bel[p];
    const m = b.military;
    fill(m.strongTypeProbability, 0, 1, st.strongProbability, p);
    for (let r = 0; r < n; r++)
      st.strong[2 * r + p] = rng.next(r, Stream.sample) < st.strongProbability[2 * r + p] ? 1 : 0;
    fill(m.strength, 0.01, 100, st.baseStrength, p);
    fill(m.strongTypeAdvantage, 1, 10, st.advantage, p);
    fill(m.monthlyCost, 0, 0.5, st.cost, p);
    fill(m.casualtiesPerMonth, 0, 1e6, st.casualtyRate, p);
    fill(m.reserves, 0, 1, st.reserves, p);
    fill(m.escalationCapacity, 0, 1, st.capacity, p);
    fill(b.leader.hawkishness, 0, 1, st.hawkishness, p);
    fill(b.leader.audienceCost, 0, 2, st.audience, p);
    const democracy = b.leader.regime === 'democracy' ? 1 : 0;
    for (let r = 0; r < n; r++) st.democracy[2 * r + p] = democracy;
    const demand = ownValue(s.front.demands, b.id);
    fill(demand === undefined ? 0.5 : demand, 0, 1, st.warAim, p);
    fill(b.beliefs.optimism, -0.5, 0.5, st.optimism, p);
    fill(b.beliefs.enemyStrong, 0, 1, st.prior, p);
    fill(b.opinion.supportForWar, 0, 1, st.support, p);
    fill(b.opinion.supportForTalks, 0, 1, st.supportForTalks, p);
    fill(b.opinion.supportForConcessions, 0, 1, st.supportForConcessions, p);
    fill(b.opinion.casualtySensitivity, 0, 10, st.casualtySensitivity, p);
    fill(b.demobilisationShift, 0, 1, st.demobilisation, p);
  }
}

/** Owner of the scenario inputs; State samples it before every mechanism. */
export const SCENARIO_INPUTS: FieldOwner = { id: 'scenario inputs', fields, sample };
