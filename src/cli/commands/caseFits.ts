/**
 * What the case-base back-tests (contact, relapse) share at the edge: reading the case base with
 * one error for invalid files, refusing --write-defaults outside the time split, and writing the
 * training fold's fit as the engine's defaults in src/model (read by src/model/mechanismParams.ts).
 */
import { join, resolve } from 'node:path';
import type { Case } from '../../history/caseSchema.ts';
import { formatCaseIssue, loadCases } from '../../data/cases.ts';
import { REPO_ROOT } from '../../data/scenarios.ts';
import { UserError } from '../exit.ts';
import { writeAtomic } from '../scenarioInput.ts';

/** The mechanism groups fitted on the case base, their files and the back-test that writes each. */
const FITTED = {
  contact: { file: 'contactDefaults.json', target: 'contact' },
  durability: { file: 'durabilityDefaults.json', target: 'relapse' },
} as const;

/** The source file (from the repository root): the compiled CLI in dist/ writes the same one. */
export const fittedDefaultsFile = (group: keyof typeof FITTED): string =>
  join(REPO_ROOT, 'src', 'model', FITTED[group].file);

/** The case base at `dir`, or a UserError listing its invalid files. */
export function loadValidCases(dir: string): Case[] {
  const { cases, issues } = loadCases(resolve(dir));
  if (issues.length > 0)
    throw new UserError(
      `✖ the case base has invalid files; fix them first (parley cases):\n${issues.map(formatCaseIssue).join('\n')}`,
    );
  return cases;
}

/** Defaults are chosen on the time split's training fold only. */
export function requireTimeSplitToWrite(split: string, writeDefaults: boolean | undefined): void {
  if (writeDefaults && split !== 'time')
    throw new UserError(
      '✖ --write-defaults needs --split time: defaults are chosen on the time split’s training fold only',
    );
}

/** Saves a training fold's fit of mechanisms.<group> with its provenance; returns the file. */
export function writeFittedDefaults(
  group: keyof typeof FITTED,
  o: { command: string; trainedOn: string; values: Record<string, number> },
): string {
  const file = fittedDefaultsFile(group);
  const saved = {
    $comment: `Defaults of mechanisms.${group} chosen on the training fold of the case base’s time split (read by src/model/mechanismParams.ts). Written by \`parley backtest --target ${FITTED[group].target} --split time --write-defaults\`; do not edit by hand.`,
    command: `${o.command} --write-defaults`,
    date: new Date().toISOString().slice(0, 10),
    trainedOn: o.trainedOn,
    [group]: o.values,
  };
  writeAtomic(file, JSON.stringify(saved, null, 2) + '\n');
  process.stderr.write(`${group} defaults written to ${file}\n`);
  return file;
}
