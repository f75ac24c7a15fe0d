/**
 * The war as it stands on the forecast date, part 2: a ceasefire or agreement in force
 * (situation.inForce) starts every run from it, so the forecast is whether it holds; talks under
 * way since a date (situation.talksSince) carry their months of trust into the secret channel.
 */
import { describe, expect, it } from 'vitest';
import { run } from './fixtures.ts';

const dates = { startDate: '2024-02', warBegan: '2022-02' };

describe('situation.inForce and situation.talksSince', () => {
  it('a ceasefire in force: every run starts from it, and only whether it holds is simulated', () => {
    const r = run({
      situation: { inForce: { kind: 'ceasefire', since: '2023-11' } },
      settings: dates,
    });
    expect(r.outcomes.ceasefire[0]).toBe(1);
    expect(r.outcomes.settlement.at(-1)).toBe(0);
    const relapse = r.durability.relapseWithin.ceasefire['60'];
    console.log(`a ceasefire in force relapses within 5 years in ${relapse} of runs`);
    expect(relapse).toBeGreaterThan(0);
    expect(relapse).toBeLessThan(1);
  });

  it('an agreement in force holds better than a bare ceasefire in force (Fortna 2004)', () => {
    const held = (kind: string) =>
      run({ situation: { inForce: { kind } }, settings: dates }).durability.relapseWithin.all[
        '60'
      ]!;
    const [ceasefire, agreement] = [held('ceasefire'), held('agreement')];
    console.log(`relapse within 5 years: ceasefire ${ceasefire}, agreement ${agreement}`);
    expect(agreement).toBeLessThan(ceasefire);
    expect(run({ situation: { inForce: { kind: 'agreement' } } }).outcomes.settlement[0]).toBe(1);
  });

  it('talks under way for longer build more trust in a secret channel → a likelier way out', () => {
    const wayOut = (since?: string) =>
      run({
        situation: { talksUnderWay: 'secret', ...(since ? { talksSince: since } : {}) },
        // demands far apart, so the way out is not already certain
        front: { demands: { alpha: 0.85, beta: 0.85 } },
        settings: dates,
      }).diagnostics.parties[0].wayOut[0];
    const fresh = wayOut();
    const long = wayOut('2022-06');
    console.log(`way out at month 0: talks just begun ${fresh}, talks since 2022-06 ${long}`);
    expect(long).toBeGreaterThan(fresh);
  });
});
