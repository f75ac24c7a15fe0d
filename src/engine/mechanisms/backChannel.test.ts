import { describe, expect, it } from 'vitest';
import { HAWKS, run } from '../../../test/engine/fixtures.ts';

/** Hawkish leaders: talks open slowly, so a channel's effect shows. */
const POSTURES = HAWKS;

describe('back channels and leaks (Wanis-St. John 2006; Pruitt 2008)', () => {
  it('a back channel → talks open earlier', () => {
    const none = run(POSTURES);
    const bc = run({ ...POSTURES, backChannels: [{ id: 'bc' }] });
    console.log(
      `hawkish leaders, P(talks by 3): none ${none.talks.any[2]} → back channel ${bc.talks.any[2]} (secret ${bc.talks.secret[2]})`,
    );
    expect(bc.talks.any[2]).toBeGreaterThan(none.talks.any[2]);
    expect(bc.talks.secret[2]).toBeGreaterThan(none.talks.secret[2]);
  });

  it('a channel opening later adds secret talks only from its month on', () => {
    const none = run(POSTURES);
    const later = run({ ...POSTURES, backChannels: [{ id: 'bc', openFrom: 6 }] });
    // the same runs, the same draws: identical until the channel opens, more secret talks after
    expect(later.talks.secret.slice(0, 6)).toEqual(none.talks.secret.slice(0, 6));
    expect(later.talks.secret[11] - later.talks.secret[5]).toBeGreaterThan(
      none.talks.secret[11] - none.talks.secret[5],
    );
  });

  for (const [n, h0] of [
    [4, 0.01],
    [20, 0.02],
  ] as const) {
    it(`leaks occur at the specified hazard 1 − exp(−h0·n) (n = ${n}, h0 = ${h0})`, () => {
      const r = run({
        ...HAWKS,
        backChannels: [{ id: 'bc', participants: n, leakHazardPerParticipant: h0 }],
        settings: { runs: 8000 },
      });
      const h = 1 - Math.exp(-h0 * n);
      const m = r.leaks.secretTalkMonths;
      const se = Math.sqrt((h * (1 - h)) / m);
      console.log(
        `n=${n}, h0=${h0}: ${r.leaks.leaks} leaks in ${m} secret months, rate ${r.leaks.monthlyRate} vs ${h.toFixed(4)} (SE ${se.toFixed(4)})`,
      );
      expect(m).toBeGreaterThan(1000);
      expect(Math.abs(r.leaks.monthlyRate! - h)).toBeLessThan(4 * se);
    });
  }

  it('every declared channel counts: a more discreet second channel → secret talks leak less once it opens', () => {
    const leaky = { id: 'crowded', participants: 40, leakHazardPerParticipant: 0.01 };
    const one = run({ ...HAWKS, backChannels: [leaky], settings: { runs: 4000 } });
    const two = run({
      ...HAWKS,
      backChannels: [leaky, { id: 'envoys', openFrom: 2, participants: 2 }],
      settings: { runs: 4000 },
    });
    const later = run({
      ...HAWKS,
      backChannels: [leaky, { id: 'envoys', openFrom: 30, participants: 2 }],
      settings: { runs: 4000 },
    });
    console.log(
      `monthly leak rate: one crowded channel ${one.leaks.monthlyRate} → plus envoys from month 2 ${two.leaks.monthlyRate}, from month 30 ${later.leaks.monthlyRate}`,
    );
    expect(two.leaks.monthlyRate!).toBeLessThan(0.5 * one.leaks.monthlyRate!);
    expect(later.leaks.monthlyRate!).toBeLessThan(one.leaks.monthlyRate!);
    expect(later.leaks.monthlyRate!).toBeGreaterThan(two.leaks.monthlyRate!);
  });

  it('a second channel that is no more discreet than the first changes nothing', () => {
    const first = { id: 'first', participants: 4 };
    const alone = run({ ...HAWKS, backChannels: [first] });
    const withWorse = run({
      ...HAWKS,
      backChannels: [first, { id: 'worse', openFrom: 3, participants: 30 }],
    });
    expect(withWorse.talks.secret).toEqual(alone.talks.secret);
    expect(withWorse.leaks).toEqual(alone.leaks);
  });

  it('degenerate: a leak hazard of 0 → no leaks', () => {
    const r = run({ ...HAWKS, backChannels: [{ id: 'bc', leakHazardPerParticipant: 0 }] });
    expect(r.leaks.secretTalkMonths).toBeGreaterThan(0);
    expect(r.leaks.leaks).toBe(0);
  });

  it('switched off: no secret talks and no leaks', () => {
    const r = run({
      ...HAWKS,
      backChannels: [{ id: 'bc' }],
      mechanisms: { backChannel: { enabled: false } },
    });
    // exploratory contact (contact.ts) takes no secret channel either
    expect(r.talks.secret.at(-1)).toBe(0);
    expect(r.leaks.leaks).toBe(0);
  });
});
