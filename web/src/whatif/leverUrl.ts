/**
 * What-if levers in the address (`#/whatif/<scenario>/mediator=neutral&aid=0.1`), so a what-if
 * can be shared and survives a reload. Only levers moved from the scenario's own position are
 * written; reading is bounded and ignores what it does not know, so a hand-edited address can
 * never put the panel in a state its controls cannot show.
 */
import type { Levers, MediatorMode } from './levers.ts';

const MODES: readonly MediatorMode[] = ['as-written', 'none', 'neutral', 'toward-A', 'toward-B'];
const CHANNELS: readonly Levers['backChannel'][] = ['as-written', 'on', 'off'];

/** The levers that differ from `start`, as a query string ('' when none moved). */
export function leversToQuery(l: Levers, start: Levers): string {
  const q = new URLSearchParams();
  const put = (k: string, v: unknown, from: unknown) => {
    if (v !== from) q.set(k, typeof v === 'boolean' ? (v ? '1' : '0') : String(v));
  };
  put('mediator', l.mediator, start.mediator);
  put('only', l.othersStayOut, start.othersStayOut);
  put('month', l.mediationMonth ?? 'as-written', start.mediationMonth ?? 'as-written');
  put('confidential', l.confidential, start.confidential);
  put('channel', l.backChannel, start.backChannel);
  put('aid', l.reconstructionAid, start.reconstructionAid);
  put('waning', l.aidWaning, start.aidWaning);
  put('by', l.strengthSide, start.strengthSide);
  put('at', l.strengthMonth, start.strengthMonth);
  put('strength', l.strengthSize, start.strengthSize);
  return q.toString();
}

/** Levers from a query string over `start`; values out of the controls' ranges are ignored. */
export function leversFromQuery(query: string, start: Levers, lastMonth: number): Levers {
  const q = new URLSearchParams(query.slice(0, 1000));
  const l: Levers = { ...start };
  const num = (k: string, min: number, max: number): number | undefined => {
    const v = q.get(k);
    if (v === null || v.trim() === '') return undefined;
    const x = Number(v);
    return Number.isFinite(x) && x >= min && x <= max ? x : undefined;
  };
  const bool = (k: string) => (q.get(k) === '1' ? true : q.get(k) === '0' ? false : undefined);
  const mediator = q.get('mediator');
  if (mediator && (MODES as readonly string[]).includes(mediator))
    l.mediator = mediator as MediatorMode;
  l.othersStayOut = bool('only') ?? l.othersStayOut;
  const month = num('month', 0, lastMonth);
  if (month !== undefined) l.mediationMonth = Math.round(month);
  l.confidential = bool('confidential') ?? l.confidential;
  const channel = q.get('channel');
  if (channel && (CHANNELS as readonly string[]).includes(channel))
    l.backChannel = channel as Levers['backChannel'];
  l.reconstructionAid = num('aid', 0, 0.3) ?? l.reconstructionAid;
  l.aidWaning = num('waning', 0, 5) ?? l.aidWaning;
  const by = q.get('by');
  if (by === 'A' || by === 'B') l.strengthSide = by;
  l.strengthMonth = Math.round(num('at', 0, lastMonth) ?? l.strengthMonth);
  l.strengthSize = num('strength', 0, 1) ?? l.strengthSize;
  return l;
}
