/**
 * Reads what `parley provisions` needs from a data folder: PA-X v2 agreements with the provision
 * codes the families use (src/history/provisions/families.ts) and the UCDP Conflict Termination
 * conflict-years. Edge: file reading only; the computation is in src/history/provisions.
 */
import { join } from 'node:path';
import type {
  PaxAgreementRow,
  UcdpPeaceAgreementRow,
  UcdpTerminationRow,
} from '../history/datasetRows.ts';
import { PROVISION_CODES } from '../history/provisions/families.ts';
import { int, readTable, str, type DataIssue } from './csv.ts';
import { loadUcdpPeaceAgreements } from './peaceAgreements.ts';
import { PAX_FILE, paxSpec } from './pax.ts';
import { loadUcdpTermination } from './ucdp.ts';
import { DATASETS, type DatasetName } from './registry.ts';
import type { ProvisionsTables } from '../history/provisions/forWar.ts';

const codeSpec = Object.fromEntries(PROVISION_CODES.map((c) => [c, int(c)]));

/** PA-X agreements as plain rows; UcdpCon "NA" or empty becomes null. */
export function loadPaxAgreements(root: string): { rows: PaxAgreementRow[]; issues: DataIssue[] } {
  const t = readTable(join(root, PAX_FILE), { ...paxSpec, ucdpAgr: str('UcdpAgr'), ...codeSpec });
  const rows = t.rows.map((r) => {
    const rec = r as Record<string, unknown>;
    const con = r.ucdpCon !== null && /^\d+$/.test(r.ucdpCon) ? Number(r.ucdpCon) : null;
    return {
      agtId: r.agtId,
      agt: r.agt,
      dat: r.dat,
      con: r.con,
      contp: r.contp,
      ppName: r.ppName,
      pp: r.pp,
      reg: r.reg,
      agtp: r.agtp,
      stage: r.stage,
      status: r.status,
      ucdpCon: con,
      ucdpAgr: r.ucdpAgr !== null && /^\d+$/.test(r.ucdpAgr) ? Number(r.ucdpAgr) : null,
      codes: Object.fromEntries(PROVISION_CODES.map((c) => [c, rec[c] as number | null])),
    };
  });
  return { rows, issues: t.issues };
}

export type ProvisionsData = {
  pax: PaxAgreementRow[];
  termination: UcdpTerminationRow[];
  ucdpAgreements: UcdpPeaceAgreementRow[];
  issues: DataIssue[];
};

/** The three tables; callers check presence first (src/cli/dataDir.ts requireDatasets). */
export function loadProvisionsData(root: string): ProvisionsData {
  const pax = loadPaxAgreements(root);
  const term = loadUcdpTermination(root);
  const pa = loadUcdpPeaceAgreements(root);
  return {
    pax: pax.rows,
    termination: term.rows,
    ucdpAgreements: pa.rows.map((r) => ({
      paid: r.paid,
      paDate: r.paDate,
      ended: r.ended,
      duration: r.duration,
    })),
    issues: [...pax.issues, ...term.issues, ...pa.issues],
  };
}

/** The datasets `parley provisions` reads (for the missing-data message). */
export const PROVISIONS_DATASETS: DatasetName[] = ['pax', 'ucdp-termination', 'ucdp-peace-agreements'];

/** The tables in the form the core takes, and any malformed rows left out. */
export function loadProvisionsTables(root: string): { tables: ProvisionsTables; issues: DataIssue[] } {
  const d = loadProvisionsData(root);
  return {
    tables: {
      pax: d.pax,
      termination: d.termination,
      ucdpAgreements: d.ucdpAgreements,
      paxVersion: DATASETS.pax.version,
    },
    issues: d.issues,
  };
}
