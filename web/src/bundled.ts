/**
 * The bundled scenarios (data/scenarios), compiled into the UI as their YAML text with comments,
 * so they open and run even without a server, and the YAML view shows their sources and notes.
 */
import { parseScenarioText, type Scenario } from '../../src/model/index.ts';

const files = import.meta.glob<string>('../../data/scenarios/*.yaml', {
  query: '?raw',
  import: 'default',
  eager: true,
});

export interface BundledScenario {
  id: string;
  file: string;
  text: string;
  scenario: Scenario;
}

export const BUNDLED: BundledScenario[] = Object.entries(files)
  .map(([path, text]) => {
    const file = path.replace(/^.*\/data\//, 'data/');
    const r = parseScenarioText(text);
    return r.ok ? { id: r.value.id, file, text, scenario: r.value } : undefined;
  })
  .filter((b): b is BundledScenario => b !== undefined)
  .sort((a, b) => a.id.localeCompare(b.id));

export const bundledById = (id: string) => BUNDLED.find((b) => b.id === id);
