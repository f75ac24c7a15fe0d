/**
 * Words and colours for the history pages: outcomes (Okabe–Ito colours, safe for colour-blind
 * readers; never the only cue, the legend and list name them), war types, eras, timeline event
 * kinds, and dates written at their recorded precision.
 */
import type { Dated, NegotiationEvent } from '../../../src/history/caseSchema.ts';

export const OUTCOMES: { id: string; label: string; colour: string }[] = [
  { id: 'negotiated-settlement', label: 'Negotiated settlement', colour: '#009E73' },
  { id: 'ceasefire-frozen', label: 'Ceasefire, frozen', colour: '#E69F00' },
  { id: 'victory-side-a', label: 'Victory, side A', colour: '#0072B2' },
  { id: 'victory-side-b', label: 'Victory, side B', colour: '#D55E00' },
  { id: 'petered-out', label: 'Petered out', colour: '#7A7A7A' },
  { id: 'ongoing', label: 'Ongoing', colour: '#CC79A7' },
];
const OUTCOME_BY_ID = new Map(OUTCOMES.map((o) => [o.id, o]));
export const outcomeLabel = (id: string): string => OUTCOME_BY_ID.get(id)?.label ?? id;
export const outcomeColour = (id: string): string => OUTCOME_BY_ID.get(id)?.colour ?? '#444';

export const TYPES: { id: string; label: string }[] = [
  { id: 'interstate', label: 'Interstate' },
  { id: 'civil', label: 'Civil' },
  { id: 'internationalized-civil', label: 'Internationalized civil' },
  { id: 'extra-state', label: 'Extra-state (colonial)' },
];
export const typeLabel = (id: string): string => TYPES.find((t) => t.id === id)?.label ?? id;

/** Eras by start year (design choice: the breaks the insights and the literature use). */
export const ERAS: { id: string; label: string; from: number; to: number }[] = [
  { id: 'pre-1914', label: 'Before 1914', from: -Infinity, to: 1914 },
  { id: '1914-1945', label: '1914–1945 (world wars)', from: 1914, to: 1946 },
  { id: '1946-1989', label: '1946–1989 (Cold War)', from: 1946, to: 1990 },
  { id: '1990-', label: '1990 onwards', from: 1990, to: Infinity },
];
export function eraOf(start: string): string {
  const y = Number(start.slice(0, 4));
  return ERAS.find((e) => y >= e.from && y < e.to)?.id ?? '1990-';
}

export const CHANNELS: { id: string; label: string }[] = [
  { id: 'public', label: 'Public talks' },
  { id: 'back-channel', label: 'Back channel or secret contact' },
  { id: 'mediated', label: 'Mediated' },
];

export const EVENT_KINDS: Record<NegotiationEvent['kind'], string> = {
  'secret-contact': 'Secret contact',
  'back-channel': 'Back channel',
  'public-talks': 'Public talks',
  mediation: 'Mediation',
  ceasefire: 'Ceasefire',
  agreement: 'Agreement',
  breakdown: 'Breakdown',
  other: 'Other',
};

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "24 Feb 2022", "Feb 2022" or "2022", as precise as the record. */
export function formatDated(d: Dated): string {
  const [y, m, day] = d.date.split('-');
  if (d.precision === 'year' || !m) return y;
  const month = MONTHS[Number(m) - 1];
  if (d.precision === 'month' || !day) return `${month} ${y}`;
  return `${Number(day)} ${month} ${y}`;
}

/** An ISO date string from the case list, written the same way (precision from its length). */
export function formatIso(s: string): string {
  const parts = s.split('-').length;
  return formatDated({ date: s, precision: parts === 3 ? 'day' : parts === 2 ? 'month' : 'year' });
}

/** Decimal year of an ISO date (mid-period for partial dates), for the timeline's x axis. */
export function isoToYear(s: string): number {
  const [y, m, d] = s.split('-').map(Number);
  if (!m) return y + 0.5;
  if (!d) return y + (m - 0.5) / 12;
  return y + (m - 1) / 12 + (d - 0.5) / 365;
}

/** Months written for people: "8 months", "2.8 years". */
export function formatMonths(m: number): string {
  if (m < 1) return `${Math.max(1, Math.round(m * 30.4))} days`;
  if (m < 24) return `${m < 10 ? m.toFixed(1) : Math.round(m)} months`;
  return `${(m / 12).toFixed(1)} years`;
}

export const pct = (x: number): string => `${Math.round(x * 100)}%`;
