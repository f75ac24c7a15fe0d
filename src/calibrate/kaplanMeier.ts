/**
 * Kaplan–Meier product-limit estimate of a survival curve with Greenwood standard errors.
 * Source: Kaplan & Meier (1958), JASA 53:457–481; Greenwood (1926). Pointwise intervals are
 * S ± z·SE, clipped to [0, 1] (the "plain" interval of R's survfit, conf.type = "plain").
 */

export type SurvivalData = {
  /** Follow-up time of each subject (any unit, ≥ 0). */
  time: readonly number[];
  /** 1 if the event was observed at `time`, 0 if censored there. */
  event: readonly number[];
};

export type KaplanMeier = {
  /** Distinct event times, ascending. */
  time: number[];
  atRisk: number[];
  events: number[];
  survival: number[];
  /** Greenwood standard error of S(t). */
  se: number[];
  lower: number[];
  upper: number[];
};

/** The KM curve at each distinct event time; `z` sets the interval width (1.96 = 95 %). */
export function kaplanMeier(data: SurvivalData, z = 1.959964): KaplanMeier {
  const n = data.time.length;
  if (data.event.length !== n)
    throw new Error(`invalid survival data: ${n} times, ${data.event.length} events`);
  const order = [...data.time.keys()].sort((a, b) => data.time[a] - data.time[b]);
  const out: KaplanMeier = {
    time: [],
    atRisk: [],
    events: [],
    survival: [],
    se: [],
    lower: [],
    upper: [],
  };
  let s = 1;
  let gw = 0;
  let atRisk = n;
  let k = 0;
  while (k < n) {
    const t = data.time[order[k]];
    let d = 0;
    let m = 0;
    while (k + m < n && data.time[order[k + m]] === t) {
      d += data.event[order[k + m]] ? 1 : 0;
      m++;
    }
    if (d > 0) {
      s *= 1 - d / atRisk;
      gw += atRisk > d ? d / (atRisk * (atRisk - d)) : 0;
      const se = s * Math.sqrt(gw);
      out.time.push(t);
      out.atRisk.push(atRisk);
      out.events.push(d);
      out.survival.push(s);
      out.se.push(se);
      out.lower.push(Math.max(0, s - z * se));
      out.upper.push(Math.min(1, s + z * se));
    }
    atRisk -= m;
    k += m;
  }
  return out;
}

/** S(t) from a KM curve (right-continuous step function; 1 before the first event). */
export function survivalAt(km: Pick<KaplanMeier, 'time' | 'survival'>, t: number): number {
  let s = 1;
  for (let i = 0; i < km.time.length && km.time[i] <= t; i++) s = km.survival[i];
  return s;
}

/** Median survival time: the first event time with S ≤ 0.5 (null if never reached). */
export function medianSurvival(km: Pick<KaplanMeier, 'time' | 'survival'>): number | null {
  for (let i = 0; i < km.time.length; i++) if (km.survival[i] <= 0.5) return km.time[i];
  return null;
}
