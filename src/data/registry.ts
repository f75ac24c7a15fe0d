/**
 * The standard datasets Parley reads: for each, its loader, its file in the shared-data layout,
 * the row count its README publishes, and where its publisher distributes it. The SHA-256 of a
 * download is recorded when known (the COW inter-state file's is published in the data README);
 * `parley data fetch` refuses a download whose checksum differs from a recorded one.
 */
import { join } from 'node:path';
import { readTable, type DataIssue, type Spec } from './csv.ts';
import { CEASEFIRE_FILES, ceasefireSpec } from './ceasefires.ts';
import { COW_FILES, COW_NONSTATE_FILE, cowExtrastateSpec, cowInterstateSpec, cowIntrastateSpec, cowNonstateSpec } from './cowWars.ts';
import { CWM_FILES, cwmSpec } from './cwm.ts';
import { NMC_FILE, cowNmcSpec } from './cowNmc.ts';
import { POLITY5_FILE, polity5Spec } from './polity5.ts';
import { ICB_FILES, icbActorSpec, icbCrisisSpec } from './icb.ts';
import { PAX_FILE, paxSpec } from './pax.ts';
import { UCDP_PEACE_AGREEMENTS_FILE, ucdpPeaceAgreementSpec } from './peaceAgreements.ts';
import { UCDP_BRD_FILE, UCDP_FILES, ucdpAcdSpec, ucdpBrdSpec, ucdpDyadTerminationSpec, ucdpTerminationSpec } from './ucdp.ts';

export type DatasetEntry = {
  /** Relative path under the shared data folder. */
  file: string;
  /** Data rows (header excluded) in the copy the README describes. */
  rows: number;
  /** Version label recorded as provenance. */
  version: string;
  /** Publisher's page for the dataset. */
  url: string;
  /** Direct address of the CSV file at the publisher, when one exists (others ship zip or xlsx). */
  downloadUrl?: string;
  /** Where the file is in the publisher's package, when it is not offered on its own. */
  note?: string;
  /** SHA-256 of the publisher's file, when recorded. */
  sha256?: string;
  /** Column specs of the published layout. */
  spec: Spec;
};

export const DATASETS = {
  'cow-interstate': {
    file: COW_FILES.interstate,
    rows: 337,
    version: 'COW Inter-State War Data v4.0',
    url: 'https://correlatesofwar.org/data-sets/cow-war/',
    downloadUrl: 'https://correlatesofwar.org/wp-content/uploads/Inter-StateWarData_v4.0.csv',
    sha256: '2535e30b145141c331a07d12d91e498ad8bdd3db32ba8d3bd88c4fda54817731',
    spec: cowInterstateSpec,
  },
  'cow-intrastate': { file: COW_FILES.intrastate, rows: 442, version: 'COW Intra-State War Data v4.1', url: 'https://correlatesofwar.org/data-sets/cow-war/', spec: cowIntrastateSpec },
  'cow-extrastate': { file: COW_FILES.extrastate, rows: 198, version: 'COW Extra-State War Data v4.0', url: 'https://correlatesofwar.org/data-sets/cow-war/', spec: cowExtrastateSpec },
  'cow-nonstate': { file: COW_NONSTATE_FILE, rows: 62, version: 'COW Non-State War Data v4.0', url: 'https://correlatesofwar.org/data-sets/cow-war/', spec: cowNonstateSpec },
  'ucdp-acd': { file: UCDP_FILES.acd, rows: 2751, version: 'UCDP/PRIO Armed Conflict Dataset v25.1', url: 'https://ucdp.uu.se/downloads/', spec: ucdpAcdSpec },
  'ucdp-brd': { file: UCDP_BRD_FILE, rows: 1520, version: 'UCDP Battle-Related Deaths (conflict) v24.1', url: 'https://ucdp.uu.se/downloads/', spec: ucdpBrdSpec },
  'ucdp-termination': { file: UCDP_FILES.termination, rows: 2506, version: 'UCDP Conflict Termination v3-2021 (conflict)', url: 'https://ucdp.uu.se/downloads/', spec: ucdpTerminationSpec },
  'ucdp-termination-dyad': { file: UCDP_FILES.dyadTermination, rows: 3140, version: 'UCDP Conflict Termination v3-2021 (dyad)', url: 'https://ucdp.uu.se/downloads/', spec: ucdpDyadTerminationSpec },
  'ucdp-peace-agreements': { file: UCDP_PEACE_AGREEMENTS_FILE, rows: 374, version: 'UCDP Peace Agreement Dataset v22.1', url: 'https://ucdp.uu.se/downloads/', spec: ucdpPeaceAgreementSpec },
  pax: { file: PAX_FILE, rows: 1789, version: 'PA-X v2', url: 'https://www.peaceagreements.org/', spec: paxSpec },
  'icb-crises': { file: ICB_FILES.crises, rows: 487, version: 'ICB v14 (crisis level)', url: 'https://sites.duke.edu/icbdata/data-collections/', spec: icbCrisisSpec },
  'icb-actors': { file: ICB_FILES.actors, rows: 1078, version: 'ICB v14 (actor level)', url: 'https://sites.duke.edu/icbdata/data-collections/', spec: icbActorSpec },
  ceasefires: { file: CEASEFIRE_FILES.ceasefires, rows: 4091, version: 'ETH/PRIO Civil Conflict Ceasefire Dataset 1989-2020', url: 'https://www.ceasefiredata.org/', spec: ceasefireSpec },
  'cow-nmc': {
    file: NMC_FILE,
    rows: 15951, // the README says 15,950: it missed the last row, which has no final newline
    version: 'COW National Material Capabilities v6.0 (abridged)',
    url: 'https://correlatesofwar.org/data-sets/national-material-capabilities/',
    note: 'NMC-60-abridged.csv inside the NMC v6.0 zip',
    spec: cowNmcSpec,
  },
  polity5: {
    file: POLITY5_FILE,
    rows: 17574,
    version: 'Polity5 p5v2018 (scode, country, year, polity2)',
    url: 'https://www.systemicpeace.org/inscrdata.html',
    note: 'the Polity5 annual time-series p5v2018 (xls), saved as CSV; the loader reads columns scode, country, year and polity2 by name',
    spec: polity5Spec,
  },
  cwm: { file: CWM_FILES.cwm, rows: 762, version: 'Civil Wars Mediation (12-column extract)', url: 'https://www.uu.se/en/department/peace-and-conflict-research/research/research-data/', spec: cwmSpec },
} satisfies Record<string, DatasetEntry>;

export type DatasetName = keyof typeof DATASETS;
export const DATASET_NAMES = Object.keys(DATASETS) as DatasetName[];

export function isDatasetName(name: string): name is DatasetName {
  return Object.hasOwn(DATASETS, name);
}

/** Reads dataset `name` from the file at `path` (default: its place under the shared data folder `root`). */
export function loadDataset(name: DatasetName, opts: { root?: string; path?: string }): { rows: Record<string, unknown>[]; issues: DataIssue[] } {
  const entry: DatasetEntry = DATASETS[name];
  const path = opts.path ?? join(opts.root ?? '.', entry.file);
  return readTable(path, entry.spec);
}
