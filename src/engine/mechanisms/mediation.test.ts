import { describe, expect, it } from 'vitest';
import { A, B, HAWKS, mediator, meanOver, run, stateFor } from '../../../test/engine/fixtures.ts';
import { Channel } from '../state.ts';
import { mediatorInformation } from './mediation.ts';

/** One mediator both sides have accepted, talks open, beliefs at ½: step the information stage. */
function informOnce(
  mediation: Record<string, unknown>,
  runs = 4000,
): { a: number[]; b: number[]; strongA: number[]; strongB: number[] } {
  const s = stateFor({ extraParties: [mediator(mediation)] }, runs);
  for (let r = 0; r < runs; r++) {
    s.talks[r] = Channel.mediated;
    s.mediatorsPresent[r] = 1;
    s.accepted[2 * r] = s.accepted[2 * r + 1] = 1;
    s.belief[2 * r] = s.belief[2 * r + 1] = 0.5;
  }
  mediatorInformation.step(s);
  const a = [],
    b = [],
    strongA = [],
    strongB = [];
  for (let r = 0; r < runs; r++) {
    a.push(s.belief[2 * r]);
    b.push(s.belief[2 * r + 1]);
    strongA.push(s.strong[2 * r]);
    strongB.push(s.strong[2 * r + 1]);
  }
  return { a, b, strongA, strongB };
}
/** Mean probability a side's belief now assigns to the enemy's true type. */
const accuracy = (belief: number[], enemyStrong: number[]) =>
  belief.reduce((acc, m, k) => acc + (enemyStrong[k] ? m : 1 - m), 0) / belief.length;

describe('mediation (Kydd 2003; Fey & Ramsay 2010; Hörner et al. 2015; Beardsley 2011)', () => {
  it('a neutral confidential mediator → talks open earlier than with none', () => {
    const none = run(HAWKS);
    const med = run({ ...HAWKS, extraParties: [mediator({ informationQuality: 0.5 })] });
    console.log(
      `hawkish leaders, P(talks by 3 / 12): none ${none.talks.any[2]} / ${none.talks.any[11]}, confidential neutral mediator ${med.talks.any[2]} / ${med.talks.any[11]}`,
    );
    expect(med.talks.any[2]).toBeGreaterThan(none.talks.any[2]);
    expect(med.talks.any[11]).toBeGreaterThan(none.talks.any[11]);
    expect(med.talks.mediated[11]).toBeGreaterThan(0);
  });

  it('confidentiality lowers the cost of accepting and of talking: more mediated talks than a public mediator', () => {
    const conf = run({ ...HAWKS, extraParties: [mediator({ confidential: true })] });
    const pub = run({ ...HAWKS, extraParties: [mediator({ confidential: false })] });
    console.log(
      `mediated talks by 6: confidential ${conf.talks.mediated[5]} vs public ${pub.talks.mediated[5]}`,
    );
    expect(conf.talks.mediated[5]).toBeGreaterThan(pub.talks.mediated[5]);
  });

  it('a mediator with information settles wars sooner than the same mediator with none (informationQuality 0)', () => {
    const priors = { a: { beliefs: { enemyStrong: 0.1 } }, b: { beliefs: { enemyStrong: 0.1 } } };
    const blind = run({ ...priors, extraParties: [mediator({ informationQuality: 0 })] });
    const informed = run({ ...priors, extraParties: [mediator({ informationQuality: 0.9 })] });
    console.log(
      `settled by 12: ρ=0 ${blind.outcomes.settlement[11]} vs ρ=0.9 ${informed.outcomes.settlement[11]}; belief gap months 1-6 ${meanOver(blind.diagnostics.global.beliefGap, 0, 6).toFixed(3)} vs ${meanOver(informed.diagnostics.global.beliefGap, 0, 6).toFixed(3)}`,
    );
    expect(informed.outcomes.settlement[11]).toBeGreaterThan(blind.outcomes.settlement[11]);
    expect(meanOver(informed.diagnostics.global.beliefGap, 0, 6)).toBeLessThan(
      meanOver(blind.diagnostics.global.beliefGap, 0, 6),
    );
  });

  it('degenerate: informationQuality 0 → the mediator’s message changes no belief (exact)', () => {
    const { a, b } = informOnce({ informationQuality: 0 }, 500);
    expect(new Set([...a, ...b])).toEqual(new Set([0.5]));
  });

  it('an informed neutral mediator moves both sides toward the truth equally', () => {
    const { a, b, strongA, strongB } = informOnce({ informationQuality: 0.8 });
    const accA = accuracy(a, strongB),
      accB = accuracy(b, strongA);
    expect(accA).toBeGreaterThan(0.55);
    expect(accB).toBeGreaterThan(0.55);
    expect(Math.abs(accA - accB)).toBeLessThan(0.03);
  });

  it('a biased mediator is credible to the side it favours, not to the other (Kydd 2003)', () => {
    const { a, b, strongA, strongB } = informOnce({
      informationQuality: 0.8,
      bias: { toward: A, strength: 1 },
    });
    const accA = accuracy(a, strongB),
      accB = accuracy(b, strongA);
    const moveA = a.reduce((x, m) => x + Math.abs(m - 0.5), 0) / a.length;
    const moveB = b.reduce((x, m) => x + Math.abs(m - 0.5), 0) / b.length;
    console.log(
      `mediator leaning to A: A's belief accuracy ${accA.toFixed(3)} (moved ${moveA.toFixed(3)}), B's ${accB.toFixed(3)} (moved ${moveB.toFixed(3)})`,
    );
    expect(accA).toBeGreaterThan(accB + 0.1);
    expect(moveA).toBeGreaterThan(5 * moveB);
  });

  it('leverage (carrots conditional on agreement) → more agreements within 12 months, but higher relapse', () => {
    const plain = run({ extraParties: [mediator({})], settings: { horizonMonths: 24 } });
    const carrots = run({
      extraParties: [
        mediator({
          carrots: [
            { to: A, size: 0.15 },
            { to: B, size: 0.15 },
          ],
        }),
      ],
      settings: { horizonMonths: 24 },
    });
    const rel = (r: typeof plain) => r.durability.relapseWithin.settlement['24']!;
    console.log(
      `settled by 12: ${plain.outcomes.settlement[11]} → with carrots ${carrots.outcomes.settlement[11]}; relapse of settlements within 24 months ${rel(plain)} → ${rel(carrots)}`,
    );
    expect(carrots.outcomes.settlement[11]).toBeGreaterThan(plain.outcomes.settlement[11]);
    expect(rel(carrots)).toBeGreaterThan(rel(plain));
  });

  it('switched off: mediators never arrive, no mediated talks', () => {
    const r = run({ extraParties: [mediator({})], mechanisms: { mediation: { enabled: false } } });
    expect(r.talks.mediated.at(-1)).toBe(0);
  });
});
