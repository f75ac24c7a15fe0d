/**
 * Roles of an exercise: every party of the scenario is one (a belligerent's leader, a mediator,
 * a patron). checkDecision says what a role may decide this month (each problem names the field
 * and the value); applyDecision writes an accepted decision into the engine's Decisions.
 */
import {
  Channel,
  CHANNEL_NAMES,
  type Compiled,
  type Decisions,
  type State,
} from '../engine/index.ts';
import { MIN_RESERVES } from '../engine/mechanisms/effort.ts';
import { Effort } from '../engine/state.ts';
import type { Decision } from './decision.ts';

export type RoleKind = 'leader' | 'mediator' | 'patron';

export interface Role {
  id: string;
  name: string;
  kind: RoleKind;
  /** Belligerents: 0 = side A, 1 = side B; patrons: the side they back; mediators: null. */
  side: 0 | 1 | null;
}

export function rolesOf(c: Compiled): Role[] {
  return c.scenario.parties.map((p) => ({
    id: p.id,
    name: p.name,
    kind: p.role === 'belligerent' ? 'leader' : p.role,
    side:
      p.role === 'mediator'
        ? null
        : p.role === 'belligerent'
          ? p.side === 'A'
            ? 0
            : 1
          : p.side === 'A'
            ? 0
            : 1,
  }));
}

export function findRole(c: Compiled, id: string): Role | undefined {
  return rolesOf(c).find((r) => r.id === id);
}

const LEADER_FIELDS = ['posture', 'effort', 'demand', 'leastAcceptable', 'mediator'] as const;
const MEDIATOR_FIELDS = ['offerServices', 'approach', 'carrots', 'sticks', 'proposal'] as const;
const PATRON_FIELDS = ['aid', 'conditions'] as const;
const FIELDS: Record<RoleKind, readonly string[]> = {
  leader: LEADER_FIELDS,
  mediator: MEDIATOR_FIELDS,
  patron: PATRON_FIELDS,
};

/** Problems with role `role`'s decision in the state's current month; empty when it may stand. */
export function checkDecision(s: State, role: Role, d: Decision): string[] {
  const c = s.c;
  const problems: string[] = [];
  for (const [field, value] of Object.entries(d))
    if (value !== undefined && !FIELDS[role.kind].includes(field))
      problems.push(
        `${field}: a ${role.kind} (${role.id}) cannot decide this; it may decide ${FIELDS[role.kind].join(', ')}`,
      );
  if (role.kind === 'leader') {
    const i = role.side!;
    const talks = s.talks[0];
    if (d.posture !== undefined && talks !== 0 && d.posture !== 'closed') {
      if (Channel[d.posture] !== talks)
        problems.push(
          `posture: talks are under way on the ${CHANNEL_NAMES[talks]} channel; choose ${CHANNEL_NAMES[talks]} (stay) or closed (walk out), not ${d.posture}`,
        );
    }
    if (d.effort === 'escalate' && s.reserves[i] <= MIN_RESERVES)
      problems.push(
        `effort: escalate needs reserves above ${MIN_RESERVES}; ${role.id} has ${s.reserves[i].toFixed(3)}`,
      );
    if (d.mediator !== undefined && s.mediatorsPresent[0] === 0)
      problems.push(`mediator: no mediator is present to ${d.mediator}`);
  }
  if (role.kind === 'mediator') {
    const m = c.mediators.findIndex((x) => x.id === role.id);
    const present = (s.mediatorsPresent[0] & (1 << m)) !== 0;
    if (d.offerServices === true && present)
      problems.push(`offerServices: ${role.id} is already present`);
    if (d.approach !== undefined) {
      if (d.approach !== 'both' && !c.partyIds.includes(d.approach))
        problems.push(
          `approach: ${d.approach} is not a belligerent; approach ${c.partyIds.join(', ')} or both`,
        );
      if (d.offerServices === false)
        problems.push(`approach: ${role.id} stays out this month (offerServices: false)`);
    }
    for (const field of ['carrots', 'sticks'] as const) {
      const byParty = d[field];
      if (byParty === undefined) continue;
      if (present)
        problems.push(
          `${field}: carrots and sticks are put on the table when ${role.id} arrives; it is already present`,
        );
      for (const id of Object.keys(byParty))
        if (!c.partyIds.includes(id))
          problems.push(`${field}.${id}: not a belligerent (${c.partyIds.join(', ')})`);
    }
  }
  if (role.kind === 'patron')
    for (const field of ['aid', 'conditions'] as const)
      for (const id of Object.keys(d[field] ?? {}))
        if (!c.lines.some((l) => l.patron === role.id && c.partyIds[l.party] === id))
          problems.push(`${field}.${id}: ${role.id} has no support line to ${id}`);
  return problems;
}

/** The conditions of each support line (Compiled.lines) as they stand in an exercise. */
export type LineConditions = { minShare: number; opposesTalks: boolean }[];

export const lineConditionsOf = (c: Compiled): LineConditions =>
  c.lines.map((l) => ({ minShare: l.minShare, opposesTalks: l.opposesTalks }));

/**
 * A played patron's conditions (checked) into its lines' standing conditions and the engine's
 * per-side aggregates, as State builds them: the highest minimum share and whether any patron
 * opposes talks (they stand until changed, unlike the month's other decisions).
 */
export function applyConditions(s: State, lines: LineConditions, role: Role, d: Decision): void {
  const c = s.c;
  if (role.kind !== 'patron' || d.conditions === undefined) return;
  for (const [id, cond] of Object.entries(d.conditions))
    c.lines.forEach((l, k) => {
      if (l.patron !== role.id || c.partyIds[l.party] !== id) return;
      if (cond.minimumShare !== undefined) lines[k].minShare = cond.minimumShare;
      if (cond.opposesTalks !== undefined) lines[k].opposesTalks = cond.opposesTalks;
    });
  for (let p = 0; p < 2; p++) {
    let min = 0,
      opposes = 0;
    c.lines.forEach((l, k) => {
      if (l.party !== p) return;
      min = Math.max(min, lines[k].minShare);
      if (lines[k].opposesTalks) opposes = 1;
    });
    s.patronMinShare[p] = min;
    s.patronOpposesTalks[p] = opposes;
  }
}

/** Write a checked decision of `role` into the engine's decisions for the month. */
export function applyDecision(c: Compiled, decisions: Decisions, role: Role, d: Decision): void {
  if (role.kind === 'leader') {
    const p = role.side!;
    if (d.posture !== undefined) decisions.posture[p] = Channel[d.posture];
    if (d.effort !== undefined)
      decisions.effort[p] = d.effort === 'escalate' ? Effort.escalate : Effort.fight;
    if (d.demand !== undefined) decisions.demand[p] = d.demand;
    if (d.leastAcceptable !== undefined) decisions.leastAcceptable[p] = d.leastAcceptable;
    if (d.mediator !== undefined) decisions.acceptMediator[p] = d.mediator === 'accept' ? 1 : 0;
  } else if (role.kind === 'mediator') {
    const m = c.mediators.findIndex((x) => x.id === role.id);
    if (d.offerServices !== undefined) decisions.mediatorOffer[m] = d.offerServices ? 1 : 0;
    for (const [id, x] of Object.entries(d.carrots ?? {}))
      decisions.mediatorCarrots[2 * m + c.partyIds.indexOf(id)] = x;
    for (const [id, x] of Object.entries(d.sticks ?? {}))
      decisions.mediatorSticks[2 * m + c.partyIds.indexOf(id)] = x;
    if (d.proposal !== undefined) decisions.mediatorProposal[m] = d.proposal;
    if (d.approach !== undefined)
      decisions.mediatorApproach[m] = d.approach === 'both' ? 2 : c.partyIds.indexOf(d.approach);
  } else {
    for (const [id, level] of Object.entries(d.aid ?? {}))
      c.lines.forEach((l, k) => {
        if (l.patron === role.id && c.partyIds[l.party] === id) decisions.aid[k] = level;
      });
  }
}
