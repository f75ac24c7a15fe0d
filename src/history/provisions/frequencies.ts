/**
 * How often each provision family appears among the comparable agreements, and how often war
 * returned within 2 and 5 years with and without it (counts, shares, 95% Wilson intervals).
 * Association, not effect: provisions are chosen in harder or easier wars.
 */
import { wilson } from '../stats.ts';
import { POWER_SHARING_FAMILIES, PROVISION_FAMILIES } from './families.ts';
import type {
  ComparableAgreement,
  DimensionRow,
  DurabilityRow,
  EndedRow,
  Frequency,
  Share,
} from './schema.ts';

export function share(k: number, n: number): Share {
  const { low, high } = wilson(k, n);
  return { k, n, share: n > 0 ? k / n : null, interval: { low, high } };
}

export function provisionFrequencies(agreements: readonly ComparableAgreement[]): Frequency[] {
  return PROVISION_FAMILIES.map((f) => {
    const ids = agreements.filter((a) => a.families.includes(f.id)).map((a) => a.paxId);
    return {
      family: f.id,
      label: f.label,
      codes: [...f.codes],
      verified: f.verified,
      present: share(ids.length, agreements.length),
      paxIds: ids,
    };
  });
}

const relapse = (a: ComparableAgreement, years: 2 | 5) => (years === 2 ? a.relapse2y : a.relapse5y);

/** Relapsed / observable among a group of agreements. */
export function relapseShare(group: readonly ComparableAgreement[], years: 2 | 5): Share {
  const seen = group.filter((a) => relapse(a, years) !== null);
  return share(seen.filter((a) => relapse(a, years) === true).length, seen.length);
}

export function durabilityByProvision(agreements: readonly ComparableAgreement[]): DurabilityRow[] {
  return PROVISION_FAMILIES.flatMap((f) =>
    ([2, 5] as const).map((years) => ({
      family: f.id,
      label: f.label,
      years,
      with: relapseShare(
        agreements.filter((a) => a.families.includes(f.id)),
        years,
      ),
      without: relapseShare(
        agreements.filter((a) => !a.families.includes(f.id)),
        years,
      ),
    })),
  );
}

/** Hartzell & Hoddie's count: how many of the four power-sharing dimensions an agreement has. */
export function powerSharingDimensions(a: ComparableAgreement): number {
  return POWER_SHARING_FAMILIES.filter((f) => a.families.includes(f)).length;
}

export function durabilityByDimensions(agreements: readonly ComparableAgreement[]): DimensionRow[] {
  const groups = [
    ['0', (d: number) => d === 0],
    ['1', (d: number) => d === 1],
    ['2+', (d: number) => d >= 2],
  ] as const;
  return groups.flatMap(([dimensions, inGroup]) =>
    ([2, 5] as const).map((years) => ({
      dimensions,
      years,
      relapse: relapseShare(
        agreements.filter((a) => inGroup(powerSharingDimensions(a))),
        years,
      ),
    })),
  );
}

/** Ended within 5 years / observable, among agreements the UCDP Peace Agreement Dataset records. */
function endedShare(group: readonly ComparableAgreement[]): Share {
  const seen = group.filter((a) => (a.ucdpAgreement?.endedWithin5y ?? null) !== null);
  return share(seen.filter((a) => a.ucdpAgreement!.endedWithin5y === true).length, seen.length);
}

export function endedByProvision(agreements: readonly ComparableAgreement[]): EndedRow[] {
  return PROVISION_FAMILIES.map((f) => ({
    family: f.id,
    label: f.label,
    with: endedShare(agreements.filter((a) => a.families.includes(f.id))),
    without: endedShare(agreements.filter((a) => !a.families.includes(f.id))),
  }));
}
