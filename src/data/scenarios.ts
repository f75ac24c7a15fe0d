/**
 * Scenario files: resolve a bundled id or a path, read it, and parse it with the core parser.
 * Edge module (file system); the CLI, the server and the workers all load scenarios through here.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MAX_SCENARIO_CHARS, parseScenarioText, type Result, type Scenario } from '../model/index.ts';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const BUNDLED_SCENARIOS_DIR = join(REPO_ROOT, 'data', 'scenarios');

export interface LoadedScenario {
  /** Where it came from: the path as given, or `bundled:<id>`. */
  source: string;
  text: string;
  result: Result<Scenario>;
}

export function listBundledScenarioIds(): string[] {
  return readdirSync(BUNDLED_SCENARIOS_DIR)
    .filter((f) => /\.(ya?ml|json)$/.test(f))
    .map((f) => basename(f, extname(f)))
    .sort();
}

/** A path to a file, or the id of a bundled scenario (e.g. `russia-ukraine-2024`). */
export function resolveScenarioRef(ref: string): { path: string; source: string } | undefined {
  const asPath = resolve(ref);
  if (isFile(asPath)) return { path: asPath, source: ref };
  if (/^[a-z0-9][a-z0-9-]*$/.test(ref)) {
    for (const ext of ['.yaml', '.yml', '.json']) {
      const p = join(BUNDLED_SCENARIOS_DIR, ref + ext);
      if (isFile(p)) return { path: p, source: `data/scenarios/${ref}${ext}` };
    }
  }
  return undefined;
}

export function loadScenario(ref: string): LoadedScenario {
  const found = resolveScenarioRef(ref);
  if (!found) {
    const known = listBundledScenarioIds().join(', ');
    return {
      source: ref,
      text: '',
      result: {
        ok: false,
        issues: [{ code: 'not_found', path: [], message: `no such file or bundled scenario "${ref}" (bundled: ${known})` }],
      },
    };
  }
  const size = statSync(found.path).size;
  if (size > MAX_SCENARIO_CHARS * 4) {
    return { source: found.source, text: '', result: { ok: false, issues: [{ code: 'too_big', path: [], message: `file is ${size} bytes; a scenario is at most ${MAX_SCENARIO_CHARS} characters` }] } };
  }
  const bytes = readFileSync(found.path);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { source: found.source, text: '', result: { ok: false, issues: [{ code: 'invalid_encoding', path: [], message: 'file is not valid UTF-8 text' }] } };
  }
  return { source: found.source, text, result: parseScenarioText(text) };
}

function isFile(p: string): boolean {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
}
