/**
 * Where fuzz cases go and how each answer is judged: the loader (parseScenarioText, or the file
 * loader for bytes that are not UTF-8), the HTTP API through app.inject, and the CLI as a child
 * process. Every answer is classed (valid, rejected:<code>, http <status>:<code>, exit <n>) and
 * checked: a clear error with issues, never a throw, a 5xx, a stack trace, a hang or a change
 * to Object.prototype.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { loadScenario, REPO_ROOT } from '../../../src/data/scenarios.ts';
import { parseScenarioText, type InputIssue } from '../../../src/model/index.ts';
import { type FuzzCase, rng } from './mutations.ts';

export type Outcome = {
  /** outcome class, e.g. valid, rejected:invalid_type, http 400:too_deep, exit 2 */
  cls: string;
  /** why this answer is wrong; undefined when it is a valid result or a clear error */
  problem?: string;
  ms: number;
};

const PROTOS: [string, object][] = [
  ['Object.prototype', Object.prototype],
  ['Array.prototype', Array.prototype],
  ['Function.prototype', Function.prototype],
];
/** Own property names of the built-in prototypes, to detect pollution after each case. */
export function protoSnapshot(): string {
  return PROTOS.map(([n, p]) => `${n}:${Object.getOwnPropertyNames(p).sort().join(',')}`).join('|');
}
const PRISTINE = protoSnapshot();
export function pollution(): string | undefined {
  const now = protoSnapshot();
  if (now !== PRISTINE) return `prototype changed: ${now.slice(0, 200)}`;
  if ((Object.prototype as Record<string, unknown>).polluted !== undefined)
    return 'Object.prototype.polluted is set';
  return undefined;
}

/** A clear error: at least one issue, each with a snake_case code, a path and a message. */
export function issueProblem(issues: unknown): string | undefined {
  if (!Array.isArray(issues) || issues.length === 0) return 'rejected without issues';
  for (const i of issues as Partial<InputIssue>[]) {
    if (typeof i.code !== 'string' || !/^[a-z][a-z0-9_]*$/.test(i.code))
      return `issue without a snake_case code: ${JSON.stringify(i).slice(0, 200)}`;
    if (!Array.isArray(i.path)) return `issue without a path: ${i.code}`;
    if (typeof i.message !== 'string' || i.message.length === 0 || i.message.length > 2000)
      return `issue ${i.code} with an empty or oversized message (${i.message?.length ?? 0} chars)`;
    if (/\n\s+at .+:\d+:\d+|node_modules/.test(i.message))
      return `issue ${i.code} leaks a stack trace or internal path`;
  }
  return undefined;
}

const decoder = new TextDecoder('utf-8', { fatal: true });
export function decodeUtf8(bytes: Buffer): string | undefined {
  try {
    return decoder.decode(bytes);
  } catch {
    return undefined;
  }
}

/** (a) The loader, in process. Bytes that are not UTF-8 go through the file loader. */
export function loaderTarget(c: FuzzCase, tmpDir: string): Outcome {
  const t0 = performance.now();
  let cls: string;
  let problem: string | undefined;
  try {
    const text = decodeUtf8(c.bytes);
    let result;
    if (text === undefined) {
      const file = join(tmpDir, `case-${c.index}.yaml`);
      writeFileSync(file, c.bytes);
      result = loadScenario(file).result;
    } else result = parseScenarioText(text);
    cls = result.ok ? 'valid' : `rejected:${result.issues[0]?.code ?? '?'}`;
    if (!result.ok) problem = issueProblem(result.issues);
  } catch (e) {
    cls = 'crash';
    problem = `threw ${(e as Error).name}: ${(e as Error).message?.slice(0, 200)}`;
  }
  problem ??= pollution();
  return { cls, problem, ms: performance.now() - t0 };
}

const RUNS_VALUES: unknown[] = [
  1,
  2,
  10,
  50,
  0,
  -1,
  1.5,
  101,
  1e9,
  '50',
  null,
  true,
  [],
  {},
  2 ** 53,
];
const SEED_VALUES: unknown[] = [
  0,
  1,
  42,
  2 ** 32 - 1,
  2 ** 32,
  -1,
  0.5,
  'seed',
  null,
  Number.MAX_VALUE,
];
const ID_VALUES: unknown[] = [
  '../../etc/passwd',
  '%2e%2e%2fpasswd',
  'x\u0000y',
  '',
  'A',
  'a'.repeat(100),
  5,
  null,
  { $ne: 1 },
  ['bosnia-1995'],
  "bosnia-1995' OR '1'='1",
  'no-such-war',
];

/** A POST /runs body for case i: mostly reasonable, sometimes hostile. */
export function runBody(i: number, savedIds: string[]): string {
  const r = rng(i * 7919 + 1);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)];
  const body: Record<string, unknown> = {
    scenarioId: r() < 0.7 ? pick(savedIds) : pick(ID_VALUES),
  };
  if (r() < 0.9) body.runs = r() < 0.6 ? pick([1, 5, 20, 50]) : pick(RUNS_VALUES);
  if (r() < 0.6) body.seed = pick(SEED_VALUES);
  if (r() < 0.2) body.version = pick([1, 2, 0, -1, 999, 'latest']);
  if (r() < 0.2) body.explainMonth = pick([0, 6, 600, 601, -3, 'x']);
  if (r() < 0.1) body.extra = 1;
  let text = JSON.stringify(body);
  if (r() < 0.1) text = text.replace(/^\{/, '{"__proto__":{"polluted":"yes"},');
  if (r() < 0.05) text = text.slice(0, Math.floor(r() * text.length));
  return text;
}

/** (c) The API through app.inject: validate, save, or run, chosen by the case's index. */
export async function apiTarget(
  app: FastifyInstance,
  token: string,
  c: FuzzCase,
  savedIds: string[],
): Promise<Outcome> {
  const t0 = performance.now();
  const route = (['/scenarios/validate', '/scenarios', '/runs'] as const)[c.index % 3];
  const text = decodeUtf8(c.bytes);
  const looksJson = text !== undefined && /^\s*[{[]/.test(text);
  const payload = route === '/runs' ? runBody(c.index, savedIds) : c.bytes;
  const type =
    route === '/runs' || (looksJson && c.index % 5 !== 0) ? 'application/json' : 'application/yaml';
  let cls = 'http ?';
  let problem: string | undefined;
  try {
    const res = await app.inject({
      method: 'POST',
      url: route,
      headers: { authorization: `Bearer ${token}`, 'content-type': type },
      payload,
    });
    let body: { issues?: unknown; valid?: boolean } | undefined;
    try {
      body = JSON.parse(res.body) as typeof body;
    } catch {
      problem = `answer is not JSON: ${res.body.slice(0, 100)}`;
    }
    const code = res.statusCode;
    const first = (body?.issues as { code?: string }[] | undefined)?.[0]?.code;
    cls = `${route} ${code}${first ? `:${first}` : body?.valid === false ? ':invalid' : ''}`;
    if (code >= 500) problem = `server error ${code}: ${res.body.slice(0, 200)}`;
    else if (code >= 400) problem ??= issueProblem(body?.issues);
    else if (body?.valid === false) problem ??= issueProblem(body.issues);
    const allowed: Record<string, number[]> = {
      '/scenarios/validate': [200, 400, 413, 415],
      '/scenarios': [200, 201, 400, 413, 415],
      '/runs': [201, 400, 404, 413],
    };
    if (!problem && !allowed[route].includes(code)) problem = `unexpected status ${code}`;
  } catch (e) {
    cls = 'crash';
    problem = `inject threw ${(e as Error).message}`;
  }
  problem ??= pollution();
  return { cls, problem, ms: performance.now() - t0 };
}

export const PARLEY_BIN = join(REPO_ROOT, 'bin', 'parley.js');

/** Runs the CLI; resolves with its exit code and output, killed after `timeoutMs`. */
export function runCli(
  args: string[],
  timeoutMs = 120_000,
): Promise<{ code: number | null; stdout: string; stderr: string; timedOut: boolean }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [PARLEY_BIN, ...args], {
      cwd: REPO_ROOT,
      env: { ...process.env, NO_COLOR: '1', PARLEY_DEBUG: '' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, timedOut });
    });
  });
}

/** (b) The CLI: `validate <file>`, or `run <file> --runs 50 --json <out>`. */
export async function cliTarget(
  c: FuzzCase,
  tmpDir: string,
  command: 'validate' | 'run',
): Promise<Outcome> {
  const t0 = performance.now();
  const file = join(tmpDir, `cli-${c.index}.yaml`);
  writeFileSync(file, c.bytes);
  const out = join(tmpDir, `cli-${c.index}.json`);
  const args =
    command === 'validate'
      ? ['validate', file]
      : ['run', file, '--runs', '50', '--quiet', '--json', out];
  const r = await runCli(args);
  const cls = `${command} exit ${r.code ?? 'killed'}`;
  let problem: string | undefined;
  if (r.timedOut) problem = 'timed out';
  else if (r.code !== 0 && r.code !== 2) problem = `exit ${r.code}: ${r.stderr.slice(0, 300)}`;
  else if (/internal error|\n\s+at .+:\d+:\d+/.test(r.stderr))
    problem = `stack or internal error: ${r.stderr.slice(0, 300)}`;
  else if (r.code === 2 && !/✖/.test(r.stderr))
    problem = `exit 2 without a ✖ message: ${r.stderr.slice(0, 200)}`;
  else if (command === 'run' && r.code === 0) {
    if (!existsSync(out)) problem = 'run exited 0 without writing its JSON';
    else JSON.parse(readFileSync(out, 'utf8'));
  }
  return { cls, problem, ms: performance.now() - t0 };
}

/** Tally of outcome classes, for the report. */
export class Tally {
  readonly classes = new Map<string, number>();
  readonly problems: { c: FuzzCase | string; o: Outcome }[] = [];
  count = 0;
  maxMs = 0;
  add(c: FuzzCase | string, o: Outcome): void {
    this.count++;
    this.maxMs = Math.max(this.maxMs, o.ms);
    this.classes.set(o.cls, (this.classes.get(o.cls) ?? 0) + 1);
    if (o.problem) this.problems.push({ c, o });
  }
  /** Classes by count, e.g. "valid 120, rejected:invalid_type 300". */
  summary(): string {
    return [...this.classes.entries()]
      .sort((a, b) => b[1] - a[1])
      .map(([k, n]) => `${k} ${n}`)
      .join(', ');
  }
}
