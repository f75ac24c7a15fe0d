import { describe, expect, it } from 'vitest';
import { kaplanMeier, medianSurvival, survivalAt } from './kaplanMeier.ts';
import { coxSurvival, fitCox } from './coxPh.ts';
import { fitWeibull, weibullSurvival } from './weibullAft.ts';
import { fitLogistic, predictLogistic } from './logistic.ts';

// Gehan (1965) leukaemia remission data, 6-MP and placebo groups (MASS::gehan).
const MP_TIME = [6, 6, 6, 6, 7, 9, 10, 10, 11, 13, 16, 17, 19, 20, 22, 23, 25, 32, 32, 34, 35];
const MP_EVENT = [1, 1, 1, 0, 1, 0, 1, 0, 0, 1, 1, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0];
const PL_TIME = [1, 1, 2, 2, 3, 4, 4, 5, 5, 8, 8, 8, 8, 11, 11, 12, 12, 15, 17, 22, 23];
const GEHAN = {
  time: [...MP_TIME, ...PL_TIME],
  event: [...MP_EVENT, ...PL_TIME.map(() => 1)],
  placebo: [...MP_TIME.map(() => 0), ...PL_TIME.map(() => 1)],
};

describe('kaplanMeier', () => {
  it('reproduces the classic 6-MP curve and Greenwood SEs (Kleinbaum & Klein 2012, table 2.2)', () => {
    const km = kaplanMeier({ time: MP_TIME, event: MP_EVENT });
    expect(km.time).toEqual([6, 7, 10, 13, 16, 22, 23]);
    expect(km.atRisk).toEqual([21, 17, 15, 12, 11, 7, 6]);
    const s = [0.857, 0.807, 0.753, 0.69, 0.627, 0.538, 0.448];
    const se = [0.076, 0.087, 0.096, 0.107, 0.114, 0.128, 0.135];
    km.survival.forEach((v, i) => expect(v).toBeCloseTo(s[i], 3));
    km.se.forEach((v, i) => expect(v).toBeCloseTo(se[i], 3));
    expect(km.lower[0]).toBeCloseTo(0.857 - 1.96 * 0.0764, 2);
    expect(medianSurvival(km)).toBe(23);
    expect(survivalAt(km, 5)).toBe(1);
    expect(survivalAt(km, 12)).toBeCloseTo(0.753, 3);
  });
  it('handles the empty and all-censored cases', () => {
    expect(kaplanMeier({ time: [], event: [] }).time).toEqual([]);
    expect(kaplanMeier({ time: [1, 2], event: [0, 0] }).survival).toEqual([]);
  });
});

describe('fitCox', () => {
  it('Gehan placebo vs 6-MP with Breslow ties: β = 1.509, SE = 0.410 (Kleinbaum & Klein 2012, ch. 3)', () => {
    const fit = fitCox(
      GEHAN.placebo.map((p) => [p]),
      GEHAN,
    );
    expect(fit.converged).toBe(true);
    expect(fit.coefficients[0]).toBeCloseTo(1.509, 2);
    expect(fit.standardErrors[0]).toBeCloseTo(0.41, 2);
    expect(coxSurvival(fit, [1], 100)).toBeLessThan(coxSurvival(fit, [0], 100));
  });
  it('the score is zero at the estimate (finite-difference check on a tie-free set)', () => {
    const time = [1, 2, 3, 4, 5, 6, 7, 8];
    const event = [1, 1, 0, 1, 1, 1, 0, 1];
    const x = [[0.5], [1.2], [-0.3], [0.8], [-1], [0.1], [0.4], [-0.6]];
    const fit = fitCox(x, { time, event });
    const ll = (b: number) => {
      let s = 0;
      for (let i = 0; i < time.length; i++) {
        if (!event[i]) continue;
        let den = 0;
        for (let j = 0; j < time.length; j++) if (time[j] >= time[i]) den += Math.exp(b * x[j][0]);
        s += b * x[i][0] - Math.log(den);
      }
      return s;
    };
    const b = fit.coefficients[0];
    expect((ll(b + 1e-5) - ll(b - 1e-5)) / 2e-5).toBeCloseTo(0, 5);
    expect(fit.logLik).toBeCloseTo(ll(b), 8);
  });
});

describe('fitWeibull', () => {
  it('Gehan with the treatment: intercept 3.516, control −1.267, scale 0.732 (Venables & Ripley 2002, §13.5)', () => {
    const fit = fitWeibull(
      GEHAN.placebo.map((p) => [p]),
      GEHAN,
    );
    expect(fit.converged).toBe(true);
    expect(fit.coefficients[0]).toBeCloseTo(3.516, 2);
    expect(fit.coefficients[1]).toBeCloseTo(-1.267, 2);
    expect(fit.scale).toBeCloseTo(0.732, 2);
    expect(weibullSurvival(fit, [0], 10)).toBeGreaterThan(weibullSurvival(fit, [1], 10));
  });
  it('without censoring or covariates and σ near 1 recovers the exponential mean', () => {
    // exponential quantiles: the MLE of exp(intercept) is close to the mean for σ ≈ 1
    const time = Array.from({ length: 200 }, (_, i) => -Math.log(1 - (i + 0.5) / 200) * 10);
    const fit = fitWeibull(
      time.map(() => []),
      { time, event: time.map(() => 1) },
    );
    expect(fit.scale).toBeCloseTo(1, 1);
    expect(Math.exp(fit.coefficients[0])).toBeCloseTo(10, 0);
  });
});

describe('fitLogistic', () => {
  it('one binary covariate reproduces the 2×2 table: logits and Woolf SE by hand', () => {
    // x = 0: 3 of 10 successes; x = 1: 6 of 8
    const x: number[][] = [];
    const y: number[] = [];
    const add = (xv: number, yes: number, no: number) => {
      for (let i = 0; i < yes; i++) {
        x.push([xv]);
        y.push(1);
      }
      for (let i = 0; i < no; i++) {
        x.push([xv]);
        y.push(0);
      }
    };
    add(0, 3, 7);
    add(1, 6, 2);
    const fit = fitLogistic(x, y);
    expect(fit.converged).toBe(true);
    expect(fit.coefficients[0]).toBeCloseTo(Math.log(3 / 7), 8);
    expect(fit.coefficients[1]).toBeCloseTo(Math.log(6 / 2) - Math.log(3 / 7), 8);
    expect(fit.standardErrors[0]).toBeCloseTo(Math.sqrt(1 / 3 + 1 / 7), 6);
    expect(fit.standardErrors[1]).toBeCloseTo(Math.sqrt(1 / 3 + 1 / 7 + 1 / 6 + 1 / 2), 6);
    expect(predictLogistic(fit, [1])).toBeCloseTo(0.75, 8);
    const ll = 3 * Math.log(0.3) + 7 * Math.log(0.7) + 6 * Math.log(0.75) + 2 * Math.log(0.25);
    expect(fit.logLik).toBeCloseTo(ll, 8);
  });
});
