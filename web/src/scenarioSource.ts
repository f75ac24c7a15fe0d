/**
 * Opening a scenario: the latest saved version from the server, shown with the bundled file's
 * text (comments and sources) when it is the unchanged bundled scenario; the bundled copy alone
 * when the server is unreachable.
 */
import { stringify } from 'yaml';
import { inputHash } from '../../src/engine/index.ts';
import type { Scenario } from '../../src/model/index.ts';
import { api } from './api.ts';
import { bundledById } from './bundled.ts';

export interface OpenScenario {
  id: string;
  scenario: Scenario;
  /** YAML text for the editor */
  text: string;
  /** a file-like name for messages (as the CLI names the file) */
  file: string;
  /** saved version on the server, if any */
  version?: number;
  bundled: boolean;
}

export async function openScenario(id: string): Promise<OpenScenario | { error: string }> {
  const saved = await api.getScenario(id);
  const bundled = bundledById(id);
  if (saved.ok) {
    const same = bundled && inputHash(bundled.scenario) === saved.value.hash;
    return {
      id,
      scenario: same ? bundled.scenario : saved.value.scenario,
      text: same ? bundled.text : toYaml(saved.value.scenario),
      file: same ? bundled.file : `${id}.yaml`,
      version: saved.value.version,
      bundled: !!same,
    };
  }
  if (bundled)
    return {
      id,
      scenario: bundled.scenario,
      text: bundled.text,
      file: bundled.file,
      bundled: true,
    };
  return { error: saved.issues.map((i) => i.message).join('; ') };
}

export const toYaml = (s: unknown): string => stringify(s, { lineWidth: 100 });
