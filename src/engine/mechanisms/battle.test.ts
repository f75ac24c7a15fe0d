import { describe, expect, it } from 'vitest';
import { run } from '../../../test/engine/fixtures.ts';

describe('battle: the front moves by a contest-success function (Slantchev 2003)', () => {
  it('a stronger side wins more battles and more wars, and expects to', () => {
    const even = run({ settings: { horizonMonths: 24 } });
    const strongA = run({ a: { military: { strength: 2 } }, settings: { horizonMonths: 24 } });
    const H = 23;
    console.log(
      `A victory by 24: even ${even.outcomes.victoryA[H]} → A twice as strong ${strongA.outcomes.victoryA[H]}; pWin A ${even.diagnostics.parties[0].pWin[0]} → ${strongA.diagnostics.parties[0].pWin[0]}`,
    );
    expect(strongA.outcomes.victoryA[H]).toBeGreaterThan(even.outcomes.victoryA[H]);
    expect(strongA.outcomes.victoryB[H]).toBeLessThanOrEqual(even.outcomes.victoryB[H]);
    expect(strongA.diagnostics.parties[0].pWin[0]).toBeGreaterThan(
      even.diagnostics.parties[0].pWin[0] + 0.1,
    );
    // a stronger A gets better terms when it settles
    expect(strongA.terms.quantiles.p50!).toBeGreaterThan(even.terms.quantiles.p50!);
  });

  it('switched off: the front never moves (no military victory), casualties still accrue', () => {
    const r = run({ mechanisms: { battle: { enabled: false } }, settings: { horizonMonths: 24 } });
    expect(Math.max(...r.outcomes.victoryA, ...r.outcomes.victoryB)).toBe(0);
    expect(r.casualties.quantiles.p50!).toBeGreaterThan(0);
  });

  it('degenerate: drawProbability 0.9 → fewer front movements → fewer victories than the default', () => {
    const base = run({
      mechanisms: { ripeness: { enabled: true } },
      settings: { horizonMonths: 24 },
    });
    const sticky = run({
      mechanisms: { battle: { drawProbability: 0.9 } },
      settings: { horizonMonths: 24 },
    });
    const vic = (r: typeof base) => r.outcomes.victoryA[23] + r.outcomes.victoryB[23];
    expect(vic(sticky)).toBeLessThan(vic(base));
  });

  it('tempoSpread: wars differ in tempo → a longer tail of long wars than one shared draw probability', () => {
    const settings = { horizonMonths: 120 };
    // without talks, so that only the front and the decisive months end wars
    const noTalks = { contact: { enabled: false } };
    const shared = run({ mechanisms: { ...noTalks, battle: { tempoSpread: 0 } }, settings });
    const spread = run({ mechanisms: { ...noTalks, battle: { tempoSpread: 2.5 } }, settings });
    console.log(
      `ended by 3 months ${1 - shared.outcomes.ongoing[2]} → ${1 - spread.outcomes.ongoing[2]}; still at war at 10 years ${shared.outcomes.ongoing[119]} → ${spread.outcomes.ongoing[119]}`,
    );
    expect(spread.outcomes.ongoing[119]).toBeGreaterThan(shared.outcomes.ongoing[119]);
  });

  describe('decisive months (battle.decisive*: Filson & Werner 2002; design choices)', () => {
    const settings = { horizonMonths: 60 };
    const victories = (r: ReturnType<typeof run>, m: number) =>
      r.outcomes.victoryA[m] + r.outcomes.victoryB[m];
    const off = { battle: { decisiveRate: 0 } };
    const dated = (began: string, start = began) => ({
      ...settings,
      warBegan: `${began}-01-01`,
      startDate: `${start}-01-01`,
    });
    // the undated fixture is an inter-state war of today: the post-1945 factor is tested apart
    const on = { battle: { decisiveRate: 0.3, postwarVictoryShare: 1 } };

    it('a decisive chance ends wars in the first months, where only the front could not', () => {
      const without = run({ mechanisms: off, settings });
      const withIt = run({ mechanisms: on, settings });
      console.log(
        `victories in month 1: ${victories(without, 0)} → ${victories(withIt, 0)}; by month 3 ${victories(without, 2)} → ${victories(withIt, 2)}`,
      );
      expect(victories(without, 0)).toBe(0);
      expect(victories(withIt, 0)).toBeGreaterThan(0.05);
      expect(victories(withIt, 2)).toBeGreaterThan(victories(without, 2) + 0.15);
    });

    it('lopsided contests are decided sooner than even ones', () => {
      const even = run({ mechanisms: on, settings });
      const lopsided = run({ a: { military: { strength: 4 } }, mechanisms: on, settings });
      expect(victories(lopsided, 0)).toBeGreaterThan(victories(even, 0));
      // and the stronger side wins them
      expect(lopsided.outcomes.victoryA[0]).toBeGreaterThan(lopsided.outcomes.victoryB[0]);
    });

    it('the chance falls with the months of war: a war already two years old is decided more slowly', () => {
      const fresh = run({
        mechanisms: on,
        settings: dated('2020'),
      });
      const old = run({
        mechanisms: on,
        settings: dated('2018', '2020'),
      });
      expect(victories(old, 0)).toBeLessThan(victories(fresh, 0));
    });

    it('decisiveSpread: wars differ in decisiveness → more first-month ends and more long wars', () => {
      const long = { horizonMonths: 120 };
      const shared = run({ mechanisms: on, settings: long });
      const spread = run({
        mechanisms: { battle: { decisiveRate: 0.3, decisiveSpread: 1.5 } },
        settings: long,
      });
      console.log(
        `decided in month 1 ${victories(shared, 0)} → ${victories(spread, 0)}; still at war at 2 years ${shared.outcomes.ongoing[23]} → ${spread.outcomes.ongoing[23]}`,
      );
      expect(spread.outcomes.ongoing[23]).toBeGreaterThan(shared.outcomes.ongoing[23]);
    });

    it('postwarVictoryShare: after 1945 a decisive month ends more inter-state wars in an imposed ceasefire and fewer in victory, as early as before (Zacher 2001; Fazal 2007)', () => {
      const m = { battle: { decisiveRate: 0.3, postwarVictoryShare: 0.2 } };
      const before = run({
        mechanisms: m,
        settings: dated('1900'),
      });
      const after = run({
        mechanisms: m,
        settings: dated('2000'),
      });
      expect(victories(after, 0)).toBeLessThan(victories(before, 0));
      expect(after.outcomes.ceasefire[0]).toBeGreaterThan(before.outcomes.ceasefire[0]);
      // the war ends as soon: only how it ends changes
      const ended = (r: typeof after) => victories(r, 0) + r.outcomes.ceasefire[0];
      expect(Math.abs(ended(after) - ended(before))).toBeLessThan(0.05);
    });

    it('civil wars: the civil factor scales the decisive chance down', () => {
      const inter = run({ mechanisms: on, settings });
      const civil = run({
        type: 'civil',
        mechanisms: { battle: { decisiveRate: 0.3, decisiveCivilFactor: 0.2 } },
        settings,
      });
      expect(victories(civil, 0)).toBeLessThan(victories(inter, 0));
    });
  });
});
