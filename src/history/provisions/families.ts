/**
 * Provision families: groups of PA-X v2 provision codes (Bell & Badanjak 2019,
 * https://www.peaceagreements.org/) that a mediator drafts as one clause. An agreement has a
 * family when any of its codes is above 0 (PA-X: 0 = not mentioned; higher = mentioned, up to
 * substantive). Code meanings marked `verified: false` are not in the dataset README shipped
 * with our copy; they follow the PA-X codebook's naming and are marked [M] wherever shown.
 */

export type ProvisionFamily = {
  id: string;
  label: string;
  /** PA-X column names; the family is present when any is > 0 */
  codes: readonly string[];
  /** false when a code's meaning was not checked against the dataset's column dictionary */
  verified: boolean;
};

export const PROVISION_FAMILIES: readonly ProvisionFamily[] = [
  { id: 'ceasefire', label: 'ceasefire', codes: ['Ce'], verified: true },
  {
    id: 'security-sector-ddr',
    label: 'security sector reform / DDR',
    codes: ['SsrDdr', 'SsrArm', 'SsrPol'],
    verified: true,
  },
  {
    id: 'political-power-sharing',
    label: 'political power-sharing',
    codes: ['Polps'],
    verified: true,
  },
  {
    id: 'territorial-power-sharing',
    label: 'territorial power-sharing (autonomy, federalism)',
    codes: ['Terps'],
    verified: true,
  },
  { id: 'military-power-sharing', label: 'military power-sharing', codes: ['Mps'], verified: true },
  { id: 'economic-power-sharing', label: 'economic power-sharing', codes: ['Eps'], verified: true },
  {
    id: 'state-status',
    label: 'status of the territory (independence or referendum)',
    codes: ['StInd', 'StRef'],
    verified: true,
  },
  { id: 'elections', label: 'elections', codes: ['Ele'], verified: true },
  { id: 'security-guarantees', label: 'security guarantees', codes: ['SsrGua'], verified: true },
  {
    id: 'third-party-role',
    label: 'UN or other international actor in implementation',
    codes: ['ImUN', 'ImOth'],
    verified: true,
  },
  { id: 'peacekeeping', label: 'peacekeeping force', codes: ['ImPK'], verified: true },
  { id: 'enforcement', label: 'enforcement mechanism', codes: ['ImE'], verified: true },
  { id: 'amnesty', label: 'amnesty', codes: ['TjAm'], verified: true },
  { id: 'prisoners', label: 'prisoner release', codes: ['TjPrire'], verified: false },
  { id: 'refugees', label: 'refugees and displaced persons', codes: ['GRef'], verified: false },
  { id: 'human-rights', label: 'human rights (general)', codes: ['HrGen'], verified: false },
  {
    id: 'transitional-justice',
    label: 'transitional justice (general)',
    codes: ['TjGen'],
    verified: false,
  },
  {
    id: 'reconstruction-development',
    label: 'reconstruction and development',
    codes: ['Dev'],
    verified: false,
  },
];

/** The four power-sharing dimensions of Hartzell & Hoddie (2003), as PA-X codes them. */
export const POWER_SHARING_FAMILIES = [
  'political-power-sharing',
  'territorial-power-sharing',
  'military-power-sharing',
  'economic-power-sharing',
] as const;

/** Every PA-X column a family reads (what the loader must keep). */
export const PROVISION_CODES: readonly string[] = [
  ...new Set(PROVISION_FAMILIES.flatMap((f) => f.codes)),
];

/** Families present in one agreement's codes, in PROVISION_FAMILIES order. */
export function familiesOf(codes: Readonly<Record<string, number | null>>): string[] {
  return PROVISION_FAMILIES.filter((f) => f.codes.some((c) => (codes[c] ?? 0) > 0)).map(
    (f) => f.id,
  );
}
