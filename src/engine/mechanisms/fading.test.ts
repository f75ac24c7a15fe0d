import { describe, expect, it } from 'vitest';
import { run } from '../../../test/engine/fixtures.ts';

describe('fading: quiet months of a minor conflict may be the month it dies down (Kreutz 2010; design choices)', () => {
  const settings = { horizonMonths: 60 };
  const minor = { military: { casualtiesPerMonth: 20 } };
  const on = { fading: { rate: 0.2 } };
  const faded = (r: ReturnType<typeof run>, m = 59) => r.outcomes.faded[m];

  it('switched off (rate 0) no war fades; on, some do, and fewer end otherwise', () => {
    const off = run({ a: minor, b: minor, mechanisms: { fading: { rate: 0 } }, settings });
    const withIt = run({ a: minor, b: minor, mechanisms: on, settings });
    console.log(`faded by 5 years: ${faded(off)} → ${faded(withIt)}`);
    expect(faded(off)).toBe(0);
    expect(faded(withIt)).toBeGreaterThan(0.1);
    expect(withIt.outcomes.victoryA[59] + withIt.outcomes.victoryB[59]).toBeLessThan(
      off.outcomes.victoryA[59] + off.outcomes.victoryB[59],
    );
  });

  it('a major war (many deaths a month) fades less than a minor conflict', () => {
    const small = run({ a: minor, b: minor, mechanisms: on, settings });
    const major = run({
      a: { military: { casualtiesPerMonth: 3000 } },
      b: { military: { casualtiesPerMonth: 3000 } },
      mechanisms: on,
      settings,
    });
    expect(faded(major)).toBeLessThan(faded(small));
  });

  it('the chance falls with the months of war: a war already two years old fades more slowly', () => {
    const fresh = run({
      a: minor,
      b: minor,
      mechanisms: on,
      settings: { ...settings, warBegan: '2020-01-01', startDate: '2020-01-01' },
    });
    const old = run({
      a: minor,
      b: minor,
      mechanisms: on,
      settings: { ...settings, warBegan: '2018-01-01', startDate: '2020-01-01' },
    });
    expect(faded(old, 5)).toBeLessThan(faded(fresh, 5));
  });
});
