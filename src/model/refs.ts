/**
 * Cross-reference checks a shape schema cannot express: ids are unique, every reference names a
 * party of the right role, the war has one belligerent per side, and every month falls inside the
 * horizon. Reported as zod custom issues with explicit paths, all at once.
 */
import type { z } from 'zod';
import { monthsBetweenDates } from './dates.ts';

// Structural view of a parsed scenario (avoids a type cycle with scenario.ts).
interface PartyLike {
  id: string;
  role: 'belligerent' | 'patron' | 'mediator';
  side?: 'A' | 'B';
  support?: { patron: string; attentionShocks: { month: number }[] }[];
  mediation?: {
    bias: { toward: string };
    offerMonth: number | null;
    carrots: { to: string }[];
    sticks: { on: string }[];
  };
}
interface ScenarioLike {
  parties: PartyLike[];
  front: { demands: Record<string, unknown> };
  backChannels: { id: string; via?: string; openFrom: number }[];
  interventions: ({ kind: string; month: number } & Record<string, unknown>)[];
  settings: { horizonMonths: number; explainMonth: number; startDate?: string; warBegan?: string };
  situation?: {
    lastContact?: string;
    talksSince?: string;
    talksUnderWay?: string;
    inForceSince?: string;
  };
}

type Path = (string | number)[];

/** The engine tracks mediators in a bitmask per run (engine/state.ts). */
export const MAX_MEDIATORS = 8;

/**
 * Runs the checks on a possibly malformed document (other fields may have failed validation):
 * collections that are not lists are skipped, and a check that trips on a malformed part stops
 * quietly, since that part already has its own issue.
 */
export function checkReferencesLeniently(value: unknown, ctx: z.RefinementCtx): void {
  const v = value as Partial<Record<keyof ScenarioLike, unknown>>;
  const list = <T>(x: unknown): T[] =>
    Array.isArray(x) ? (x.filter((e) => typeof e === 'object' && e !== null) as T[]) : [];
  const obj = (x: unknown): Record<string, unknown> =>
    typeof x === 'object' && x !== null && !Array.isArray(x) ? (x as Record<string, unknown>) : {};
  const settings = obj(v.settings);
  const front = obj(v.front);
  const s: ScenarioLike = {
    parties: list<PartyLike>(v.parties).map((p) => ({
      ...p,
      support:
        p.support === undefined
          ? undefined
          : list<NonNullable<PartyLike['support']>[number]>(p.support).map((l) => ({
              ...l,
              attentionShocks: list(l.attentionShocks),
            })),
      mediation: p.mediation === undefined ? undefined : normaliseMediation(obj(p.mediation)),
    })),
    front: { demands: obj(front.demands) },
    backChannels: list(v.backChannels),
    interventions: list(v.interventions),
    settings: {
      horizonMonths: typeof settings.horizonMonths === 'number' ? settings.horizonMonths : Infinity,
      explainMonth: typeof settings.explainMonth === 'number' ? settings.explainMonth : 0,
      startDate: typeof settings.startDate === 'string' ? settings.startDate : undefined,
      warBegan: typeof settings.warBegan === 'string' ? settings.warBegan : undefined,
    },
    situation: (() => {
      const sit = obj(v.situation);
      const str = (x: unknown) => (typeof x === 'string' ? x : undefined);
      return {
        lastContact: str(sit.lastContact),
        talksSince: str(sit.talksSince),
        talksUnderWay: str(sit.talksUnderWay),
        inForceSince: str(obj(sit.inForce).since),
      };
    })(),
  };
  // count belligerents per side only when every party's role could be read
  const rolesKnown =
    Array.isArray(v.parties) &&
    s.parties.length === v.parties.length &&
    s.parties.every((p) => ['belligerent', 'patron', 'mediator'].includes(p.role));
  try {
    checkReferences(s, ctx, rolesKnown);
  } catch {
    // a malformed part already carries its own shape issue
  }
}

function normaliseMediation(m: Record<string, unknown>): NonNullable<PartyLike['mediation']> {
  const bias =
    typeof m.bias === 'object' && m.bias !== null ? (m.bias as { toward?: unknown }) : {};
  const arr = <T>(x: unknown): T[] => (Array.isArray(x) ? (x as T[]) : []);
  return {
    bias: { toward: typeof bias.toward === 'string' ? bias.toward : 'neutral' },
    offerMonth: typeof m.offerMonth === 'number' ? m.offerMonth : null,
    carrots: arr(m.carrots),
    sticks: arr(m.sticks),
  };
}

export function checkReferences(s: ScenarioLike, ctx: z.RefinementCtx, checkSides = true): void {
  const issue = (path: Path, message: string, params: Record<string, unknown> = {}) =>
    ctx.addIssue({ code: 'custom', path, message, params });

  const byId = new Map<string, PartyLike>();
  s.parties.forEach((p, i) => {
    if (byId.has(p.id))
      issue(['parties', i, 'id'], `duplicate party id "${p.id}"`, {
        reason: 'duplicate_id',
        id: p.id,
      });
    byId.set(p.id, p);
  });

  const mediatorCount = s.parties.filter((p) => p.role === 'mediator').length;
  if (mediatorCount > MAX_MEDIATORS)
    issue(
      ['parties'],
      `at most ${MAX_MEDIATORS} mediators can be simulated, found ${mediatorCount}`,
      { reason: 'too_many_mediators' },
    );

  const belligerents = s.parties.filter((p) => p.role === 'belligerent');
  for (const side of checkSides ? (['A', 'B'] as const) : []) {
    const onSide = belligerents.filter((p) => p.side === side);
    if (onSide.length !== 1)
      issue(
        ['parties'],
        `expected exactly one belligerent on side ${side}, found ${onSide.length}` +
          (onSide.length ? ` (${onSide.map((p) => p.id).join(', ')})` : '') +
          '; list allies as patrons',
        { reason: 'belligerents_per_side', side },
      );
  }

  const expectRole = (path: Path, id: string, roles: PartyLike['role'][]) => {
    const party = byId.get(id);
    if (!party) {
      issue(path, `unknown party "${id}"; known parties: ${[...byId.keys()].join(', ')}`, {
        reason: 'unknown_party',
        id,
      });
      return undefined;
    }
    if (!roles.includes(party.role)) {
      issue(path, `party "${id}" is a ${party.role}, expected a ${roles.join(' or ')}`, {
        reason: 'wrong_role',
        id,
      });
      return undefined;
    }
    return party;
  };

  const horizon = s.settings.horizonMonths;
  const inHorizon = (path: Path, m: number | null | undefined) => {
    if (m != null && m >= horizon)
      issue(
        path,
        `month ${m} is beyond the horizon (settings.horizonMonths = ${horizon}, months count from 0)`,
        {
          reason: 'beyond_horizon',
        },
      );
  };

  s.parties.forEach((p, i) => {
    p.support?.forEach((line, j) => {
      const patron = expectRole(['parties', i, 'support', j, 'patron'], line.patron, ['patron']);
      if (patron && patron.side !== p.side)
        issue(
          ['parties', i, 'support', j, 'patron'],
          `patron "${line.patron}" is on side ${patron.side}, but "${p.id}" is on side ${p.side}`,
          {
            reason: 'wrong_side',
          },
        );
      line.attentionShocks.forEach((shock, k) =>
        inHorizon(['parties', i, 'support', j, 'attentionShocks', k, 'month'], shock.month),
      );
    });
    const m = p.mediation;
    if (m) {
      if (m.bias.toward !== 'neutral')
        expectRole(['parties', i, 'mediation', 'bias', 'toward'], m.bias.toward, ['belligerent']);
      inHorizon(['parties', i, 'mediation', 'offerMonth'], m.offerMonth);
      m.carrots.forEach((c, j) =>
        expectRole(['parties', i, 'mediation', 'carrots', j, 'to'], c.to, ['belligerent']),
      );
      m.sticks.forEach((c, j) =>
        expectRole(['parties', i, 'mediation', 'sticks', j, 'on'], c.on, ['belligerent']),
      );
    }
  });

  for (const id of Object.keys(s.front.demands))
    expectRole(['front', 'demands', id], id, ['belligerent']);

  const channelIds = new Set<string>();
  s.backChannels.forEach((c, i) => {
    if (channelIds.has(c.id))
      issue(['backChannels', i, 'id'], `duplicate back-channel id "${c.id}"`, {
        reason: 'duplicate_id',
      });
    channelIds.add(c.id);
    if (c.via) expectRole(['backChannels', i, 'via'], c.via, ['patron', 'mediator', 'belligerent']);
    inHorizon(['backChannels', i, 'openFrom'], c.openFrom);
  });

  const anyParty: PartyLike['role'][] = ['belligerent', 'patron', 'mediator'];
  s.interventions.forEach((e, i) => {
    const at = (field: string): Path => ['interventions', i, field];
    inHorizon(at('month'), e.month);
    const ref = (field: string, roles: PartyLike['role'][]) =>
      expectRole(at(field), String(e[field]), roles);
    switch (e.kind) {
      case 'aid-change': {
        const recipient = ref('recipient', ['belligerent']);
        const patron = ref('patron', ['patron']);
        if (recipient && patron && recipient.side !== patron.side)
          issue(
            at('patron'),
            `patron "${patron.id}" is on side ${patron.side}, but recipient "${recipient.id}" is on side ${recipient.side}`,
            {
              reason: 'wrong_side',
            },
          );
        break;
      }
      case 'mediator-entry':
        ref('mediator', ['mediator']);
        break;
      case 'incentive-offer':
        ref('from', anyParty);
        ref('to', ['belligerent']);
        break;
      case 'ceasefire-proposal':
        ref('by', anyParty);
        break;
      case 'back-channel-open':
        if (!channelIds.has(String(e.channel)))
          issue(at('channel'), `unknown back channel "${String(e.channel)}"`, {
            reason: 'unknown_channel',
          });
        break;
      case 'show-of-strength':
        ref('party', ['belligerent']);
        break;
    }
  });
  inHorizon(['settings', 'explainMonth'], s.settings.explainMonth);

  // the contact clock runs from the last known contact (or the war's start) to the forecast date
  const { startDate, warBegan } = s.settings;
  const DATE = /^\d{4}-\d{2}(-\d{2})?$/;
  const valid = (d: string | undefined): d is string => d !== undefined && DATE.test(d);
  // each date of the situation lies between the war's start and the forecast date
  const dated: [string, string | undefined, string][] = [
    ['lastContact', s.situation?.lastContact, 'the last known contact'],
    ['talksSince', s.situation?.talksSince, 'the start of the talks under way'],
    ['inForce.since', s.situation?.inForceSince, 'the ceasefire or agreement in force'],
  ];
  for (const [name, date, what] of dated) {
    if (!valid(date)) continue;
    const path = ['situation', ...name.split('.')];
    if (!valid(startDate))
      issue(path, `${what} needs settings.startDate (the forecast date the clock runs to)`, {
        reason: 'needs_start_date',
      });
    else if (monthsBetweenDates(startDate, date) > 0.5)
      issue(
        path,
        `${what} (${date}) lies after the forecast date settings.startDate (${startDate})`,
        {
          reason: 'after_start_date',
        },
      );
    if (valid(warBegan) && monthsBetweenDates(date, warBegan) > 0.5)
      issue(
        path,
        `${what} (${date}) lies before the war began (settings.warBegan ${warBegan})${name === 'lastContact' ? "; leave it out to count from the war's start" : ''}`,
        { reason: 'before_war_began' },
      );
  }
  if (s.situation?.talksSince !== undefined && s.situation.talksUnderWay === undefined)
    issue(
      ['situation', 'talksSince'],
      'talksSince dates the talks under way: set situation.talksUnderWay (secret, mediated or public) too',
      { reason: 'needs_talks_under_way' },
    );
}
