/**
 * The rules of docs/history.md ("Rules for dated facts") that depend on the date of review:
 * a case's durability flags must follow from its own end, its resumption date and that date.
 * Schema-level rules (pre-war flags, source citations) live in caseSchema.ts / caseSources.ts;
 * these take the date as an argument because the core never reads the clock.
 */
import { datedRange, surelyBefore, type Case, type Dated } from './caseSchema.ts';

/**
 * The date the case base's durability flags were last reviewed against: a flag whose window has
 * closed by then must be coded true or false. Move it forward when the flags are reviewed.
 */
export const CASE_BASE_REVIEWED: Dated = { date: '2026-12-07', precision: 'day' };

export const WINDOWS = [
  ['resumedWithin2y', 2],
  ['resumedWithin5y', 5],
  ['resumedWithin10y', 10],
] as const;

export type RuleProblem = { path: string; message: string };

/** The case base marks every pre-war event explicitly (the schema accepts unmarked ones from older files). */
export function preWarProblems(c: Case): RuleProblem[] {
  return c.timeline.flatMap((e, i) =>
    surelyBefore(e.date, c.start) && e.preWar !== true
      ? [
          {
            path: `timeline[${i}].preWar`,
            message: `the event (${e.date.date}) lies before the war began (${c.start.date}): mark it preWar: true`,
          },
        ]
      : [],
  );
}

const EPS = 1e-9;

/** Problems with a case's durability coding as of `asOf`. */
export function durabilityProblems(c: Case, asOf: Dated): RuleProblem[] {
  const d = c.durability;
  if (!c.end || !d) return [];
  const out: RuleProblem[] = [];
  const [endLo, endHi] = datedRange(c.end);
  if (d.observedTo && surelyBefore(asOf, d.observedTo))
    out.push({
      path: 'durability.observedTo',
      message: `observedTo ${d.observedTo.date} is after the review date ${asOf.date}`,
    });
  // the evidence horizon: what the sources cover, never later than the review
  const [nowLo] = datedRange(
    d.observedTo && surelyBefore(d.observedTo, asOf) ? d.observedTo : asOf,
  );
  const r = d.resumedOn;
  if (r) {
    if (surelyBefore(r, c.end))
      out.push({
        path: 'durability.resumedOn',
        message: `resumedOn ${r.date} is before the end ${c.end.date}`,
      });
    if (surelyBefore(asOf, r))
      out.push({
        path: 'durability.resumedOn',
        message: `resumedOn ${r.date} is after the review date ${asOf.date}`,
      });
  }
  for (const [key, years] of WINDOWS) {
    const flag = d[key];
    const path = `durability.${key}`;
    if (r) {
      const [rLo, rHi] = datedRange(r);
      // lag from the end to the resumption, at its shortest and longest given both precisions
      const lagMin = rLo - endHi;
      const lagMax = rHi - endLo;
      if (lagMax <= years + EPS && flag !== true)
        out.push({
          path,
          message: `fighting resumed ${r.date}, within ${years} years of the end ${c.end.date}: expected true, found ${flag}`,
        });
      else if (lagMin > years - EPS && flag === true)
        out.push({
          path,
          message: `fighting resumed ${r.date}, more than ${years} years after the end ${c.end.date}: expected false, found true`,
        });
      else if (lagMin > years - EPS && flag === null)
        out.push({
          path,
          message: `fighting resumed ${r.date}, after the ${years}-year window closed: expected false, found null`,
        });
    } else {
      const closed = endHi + years <= nowLo + EPS;
      const open = endLo + years > nowLo;
      if (closed && flag !== false)
        out.push({
          path,
          message: `${years} years have passed since the end ${c.end.date} by ${asOf.date} (or observedTo) without a resumption: expected false, found ${flag}`,
        });
      if (open && flag !== null)
        out.push({
          path,
          message: `${years} years have not passed since the end ${c.end.date} by the evidence horizon: expected null, found ${flag}`,
        });
    }
  }
  return out;
}
