/**
 * Loaders for the Correlates of War war data (inter-state v4.0, intra-state v4.1, extra-state v4.0).
 * Source: Sarkees & Wayman (2010), Resort to War; https://correlatesofwar.org/data-sets/cow-war/
 * Missing codes -9 (unknown), -8 (not applicable) and -7 (ongoing at end of 2007) become null.
 */
import { join } from 'node:path';
import type { CowExtrastateRow, CowInterstateRow, CowIntrastateRow } from '../history/datasetRows.ts';
import { groupedInt, int, readTable, reqInt, str, text, type TableResult } from './csv.ts';

export const COW_MISSING = ['-9', '-8', '-7'] as const;
const i = (name: string) => int(name, COW_MISSING);
const s = (name: string) => str(name, COW_MISSING);

const dates = {
  startYear1: i('StartYear1'),
  startMonth1: i('StartMonth1'),
  startDay1: i('StartDay1'),
  endYear1: i('EndYear1'),
  endMonth1: i('EndMonth1'),
  endDay1: i('EndDay1'),
  startYear2: i('StartYear2'),
  startMonth2: i('StartMonth2'),
  startDay2: i('StartDay2'),
  endYear2: i('EndYear2'),
  endMonth2: i('EndMonth2'),
  endDay2: i('EndDay2'),
};

export const cowInterstateSpec = {
  warNum: reqInt('WarNum'),
  warName: text('WarName'),
  warType: i('WarType'),
  ccode: reqInt('ccode'),
  stateName: text('StateName'),
  side: i('Side'),
  ...dates,
  whereFought: i('WhereFought'),
  initiator: i('Initiator'),
  outcome: i('Outcome'),
  batDeath: i('BatDeath'),
};

export const cowIntrastateSpec = {
  warNum: reqInt('WarNum'),
  warName: text('WarName'),
  warType: i('WarType'),
  ccodeA: i('CcodeA'),
  sideA: s('SideA'),
  ccodeB: i('CcodeB'),
  sideB: s('SideB'),
  intnl: i('Intnl'),
  ...dates,
  whereFought: i('WhereFought'),
  initiator: s('Initiator'),
  outcome: i('Outcome'),
  sideADeaths: groupedInt('SideADeaths', COW_MISSING),
  sideBDeaths: groupedInt('SideBDeaths', COW_MISSING),
};

export const cowExtrastateSpec = {
  warNum: reqInt('WarNum'),
  warName: text('WarName'),
  warType: i('WarType'),
  ccode1: i('ccode1'),
  sideA: s('SideA'),
  ccode2: i('ccode2'),
  sideB: s('SideB'),
  ...dates,
  whereFought: i('WhereFought'),
  initiator: i('Initiator'),
  outcome: i('Outcome'),
  batDeath: i('BatDeath'),
  nonStateDeaths: i('NonStateDeaths'),
};

export const COW_FILES = {
  interstate: 'cow-wars/cow_interstate_wars_v4.0.csv',
  intrastate: 'cow-wars/cow_intrastate_wars_v4.1.csv',
  extrastate: 'cow-wars/cow_extrastate_wars_v4.0.csv',
} as const;

/** Reads the inter-state participant file under `root` (the shared data folder). */
export function loadCowInterstate(root: string): TableResult<typeof cowInterstateSpec> & { rows: CowInterstateRow[] } {
  return readTable(join(root, COW_FILES.interstate), cowInterstateSpec);
}

export function loadCowIntrastate(root: string): TableResult<typeof cowIntrastateSpec> & { rows: CowIntrastateRow[] } {
  return readTable(join(root, COW_FILES.intrastate), cowIntrastateSpec);
}

export function loadCowExtrastate(root: string): TableResult<typeof cowExtrastateSpec> & { rows: CowExtrastateRow[] } {
  return readTable(join(root, COW_FILES.extrastate), cowExtrastateSpec);
}

/** COW Non-State War Data v4.0: one row per war (Sarkees & Wayman 2010). */
export const cowNonstateSpec = {
  warNum: reqInt('WarNum'),
  warName: text('WarName'),
  warType: i('WarType'),
  whereFought: i('WhereFought'),
  sideA1: s('SideA1'),
  sideA2: s('SideA2'),
  sideB1: s('SideB1'),
  sideB2: s('SideB2'),
  sideB3: s('SideB3'),
  sideB4: s('SideB4'),
  sideB5: s('SideB5'),
  startYear: i('StartYear'),
  startMonth: i('StartMonth'),
  startDay: i('StartDay'),
  endYear: i('EndYear'),
  endMonth: i('EndMonth'),
  endDay: i('EndDay'),
  initiator: s('Initiator'),
  transFrom: i('TransFrom'),
  transTo: i('TransTo'),
  outcome: i('Outcome'),
  sideADeaths: groupedInt('SideADeaths', COW_MISSING),
  sideBDeaths: groupedInt('SideBDeaths', COW_MISSING),
  totalCombatDeaths: groupedInt('TotalCombatDeaths', COW_MISSING),
  version: i('Version'),
};

export const COW_NONSTATE_FILE = 'cow-wars/cow_nonstate_wars_v4.0.csv';

export function loadCowNonstate(root: string): TableResult<typeof cowNonstateSpec> {
  return readTable(join(root, COW_NONSTATE_FILE), cowNonstateSpec);
}
