/**
 * README output blocks, generated from real runs: `npm run readme` rewrites them,
 * `npm run readme:check` (and test/readme.test.ts, in CI) fails when one differs from a fresh run.
 *
 * A marker comment right before a fenced block says where the block comes from:
 *
 *   <!-- output: parley run russia-ukraine-2024 -->
 *   <!-- output prompt head=5 tail=14: parley compare russia-ukraine-2024 --threads 2 -->
 *   <!-- output prompt needs=../shared/data: parley insights | head -5 -->
 *   <!-- output server: parley serve -->
 *   <!-- output-from backtest-table: out/backtest-time.json -->
 *
 * `output: COMMAND` runs the CLI for real (`parley …` becomes `node bin/parley.js …`) in a fresh
 * temporary working directory, with every PARLEY_* environment variable removed so the README
 * shows the defaults. COMMAND is split on spaces (no quoting) and may end in `| head -N` or
 * `| tail -N`, applied to its stdout as a shell would. Words between `output` and the colon:
 *   prompt      the block starts with the command as a reader types it: `$ npx parley …`
 *   head=N tail=M
 *               keep the first N and the last M lines, with one `…` line for the rest. Without
 *               them an output longer than MAX_LINES (40) keeps its first 40 lines and a `…` line.
 *   needs=PATH  the command reads PATH (relative to the repository root, e.g. the standard
 *               datasets); when PATH is absent the block is left as it is and reported as skipped.
 *   server      the command keeps running (`parley serve`): its start-up lines are read until it
 *               has been quiet for a second, then it is stopped with SIGINT. It listens on a free
 *               port (`--port 0`), which the block shows as the default 7878.
 *
 * `output-from RENDERER: FILE` renders a JSON file written by a run too slow for CI (`npm run
 * backtest` writes out/backtest-*.json). When FILE is absent the block is left as it is and
 * reported as skipped; when present it is checked like any other block. Renderers: RENDERERS.
 *
 * Parts that differ from run to run are replaced by NORMALISE (below), each a placeholder that
 * says something was elided, never a made-up value. Trailing spaces and blank lines are dropped.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { formatBacktestTable, type BacktestResult } from '../src/calibrate/backtest.ts';
import {
  formatRelapseTable,
  type RelapseBacktestResult,
} from '../src/calibrate/relapseBacktest.ts';
import {
  formatContactTable,
  type ContactBacktestResult,
} from '../src/calibrate/contactBacktest.ts';

export const ROOT = resolve(import.meta.dirname, '..');
export const README = join(ROOT, 'README.md');
export const MAX_LINES = 40;
const SERVER_QUIET_MS = 1000;
const SERVER_TIMEOUT_MS = 60_000;
const COMMAND_TIMEOUT_MS = 120_000;

/** Run-to-run variation, replaced in every `output:` block: [what, pattern, replacement]. */
export const NORMALISE: [string, RegExp, string][] = [
  // `parley run` ends its header with the wall time ("…; engine 0.1.0; 0.82 s")
  ['wall time', /^(\d[\d,]* runs, seed .*; )\d+(?:\.\d+)? s$/gm, '$1… s'],
  // `parley serve` prints a fresh web-session token (format: src/store/sqlStore.ts); it may end
  // in '-', after which \b finds no boundary, so the end is "no further token character"
  ['session token', /\bparley_[0-9a-f]{12}_[A-Za-z0-9_-]{32}(?![A-Za-z0-9_-])/g, 'parley_…'],
];

export type Marker =
  | {
      kind: 'output';
      command: string;
      prompt: boolean;
      head?: number;
      tail?: number;
      needs?: string;
      server: boolean;
    }
  | { kind: 'output-from'; renderer: string; file: string };

export type Block = {
  marker: Marker;
  /** the marker's text, for messages */
  label: string;
  /** 1-based line of the marker in the README */
  line: number;
  /** index (0-based) of the first body line and one past the last, in the README's lines */
  bodyStart: number;
  bodyEnd: number;
  body: string;
};

const MARKER_RE = /^<!-- (output|output-from)((?: [^:\s]+)*): (.+?) -->$/;

function parseMarker(kind: string, words: string[], arg: string, where: string): Marker {
  if (kind === 'output-from') {
    if (words.length !== 1 || !(words[0] in RENDERERS))
      throw new Error(
        `${where}: output-from needs one renderer (${Object.keys(RENDERERS).join(', ')})`,
      );
    return { kind, renderer: words[0], file: arg };
  }
  const m: Marker = { kind: 'output', command: arg, prompt: false, server: false };
  for (const w of words) {
    const [key, value] = w.split('=', 2);
    if (key === 'prompt' && value === undefined) m.prompt = true;
    else if (key === 'server' && value === undefined) m.server = true;
    else if ((key === 'head' || key === 'tail') && /^\d+$/.test(value ?? ''))
      m[key] = Number(value);
    else if (key === 'needs' && value) m.needs = value;
    else throw new Error(`${where}: unknown marker option "${w}"`);
  }
  if (!/^parley( |$)/.test(m.command))
    throw new Error(`${where}: the command must start with "parley"`);
  return m;
}

/** Every marked block of a README, in order. */
export function parseReadme(text: string): Block[] {
  const lines = text.split('\n');
  const blocks: Block[] = [];
  for (let i = 0; i < lines.length; i++) {
    const t = lines[i].trim();
    if (!/^<!-- output/.test(t)) continue;
    const where = `README.md:${i + 1}`;
    const m = MARKER_RE.exec(t);
    if (!m) throw new Error(`${where}: unreadable marker ${t}`);
    const marker = parseMarker(m[1], m[2].trim().split(/\s+/).filter(Boolean), m[3], where);
    const fence = lines[i + 1]?.match(/^(`{3,})\s*\w*$/)?.[1];
    if (!fence) throw new Error(`${where}: a marker must be followed directly by a fenced block`);
    const end = lines.findIndex((l, j) => j > i + 1 && l === fence);
    if (end < 0) throw new Error(`${where}: the fenced block is not closed`);
    blocks.push({
      marker,
      label: t,
      line: i + 1,
      bodyStart: i + 2,
      bodyEnd: end,
      body: lines.slice(i + 2, end).join('\n'),
    });
    i = end;
  }
  return blocks;
}

/** Keeps the first `head` and last `tail` lines with one `…` line between, when there are more. */
export function cut(lines: string[], head = MAX_LINES, tail = 0): string[] {
  if (lines.length <= head + tail) return lines;
  return [...lines.slice(0, head), '…', ...(tail > 0 ? lines.slice(-tail) : [])];
}

export function normalise(text: string): string {
  // trailing spaces go first, so the patterns' line ends ($) see the visible text
  text = text
    .split('\n')
    .map((l) => l.trimEnd())
    .join('\n')
    .replace(/\n+$/, '');
  for (const [, re, to] of NORMALISE) text = text.replace(re, to);
  return text;
}

/** Renderers for `output-from`: JSON file contents → block text, and what writes the file. */
export const RENDERERS: Record<string, { render: (json: unknown) => string; writtenBy: string }> = {
  // the table `parley backtest` prints (same function), from the JSON it writes with --out
  'backtest-table': {
    render: (json) => formatBacktestTable(json as BacktestResult),
    writtenBy: 'npm run backtest',
  },
  // the calibration's fit (parley calibrate --write): history, the literature values, calibrated
  'calibration-table': {
    render: (json) => calibrationTable(json as CalibrationFile),
    writtenBy: 'parley calibrate --write',
  },
  // the relapse table of `parley backtest --target relapse`
  'relapse-table': {
    render: (json) => formatRelapseTable(json as RelapseBacktestResult),
    writtenBy: 'npm run backtest',
  },
  // the first-contact table of `parley backtest --target contact`, with what the folds chose
  'contact-table': {
    render: (json) => {
      const r = json as ContactBacktestResult;
      const fp = r.fittedParameters;
      const chosen = (k: keyof typeof fp) =>
        Object.entries(fp[k])
          .map(([v, n]) => (r.split.folds > 1 ? `${v} (${n} folds)` : v))
          .join(', ');
      return [
        `chosen on the training folds: shape ${chosen('baselineShape')}; scale ${chosen('baselineScaleMonths')} months; utility weight ${chosen('utilitySensitivity')}; frailty σ ${chosen('frailtySpread')}; outbreak hazard ${chosen('outbreakHazard')}`,
        `anchor factors of the scale: civil ${chosen('civilScaleFactor')}; internationalized ${chosen('internationalizedScaleFactor')}; extra-state ${chosen('extraStateScaleFactor')}; begun 1990 or later ${chosen('postColdWarScaleFactor')}`,
        '',
        formatContactTable(r),
      ].join('\n');
    },
    writtenBy: 'npm run backtest',
  },
};

type Quantiles = Record<'p10' | 'p25' | 'p50' | 'p75' | 'p90', number | null>;
type FitSummary = {
  ksCowDuration: number;
  /** absent in files written before the UCDP duration term */
  ksUcdpDuration?: number;
  cowVictoryShare: number;
  cowDurationQuantilesMonthIndex: Quantiles;
  ucdpShares: Record<'interstate' | 'civil', number[]>;
  mediatedNegotiatedShareCivil: number;
};
type CalibrationFile = {
  date: string;
  command: string;
  targets: {
    cowDurationQuantilesMonthIndex?: Quantiles;
    cowVictoryShare: number;
    ucdpShares: Record<'interstate' | 'civil', number[]>;
    mediatedCeasefireShare: number | null;
  };
  fit: { literatureDefaults: FitSummary; calibrated: FitSummary };
};

/** The calibration's moments as a text table: history, the literature values, calibrated. */
function calibrationTable(c: CalibrationFile): string {
  const pct = (xs: number[]) => xs.map((x) => `${Math.round(100 * x)}%`).join('/');
  const q = (x: Quantiles | undefined) =>
    x
      ? [x.p10, x.p25, x.p50, x.p75, x.p90].map((v) => (v === null ? '–' : String(v))).join('/')
      : '–';
  const { literatureDefaults: lit, calibrated: cal } = c.fit;
  const t = c.targets;
  const rows = [
    ['moment', 'history', 'literature values', 'calibrated'],
    ['KS distance, COW durations', '–', lit.ksCowDuration.toFixed(3), cal.ksCowDuration.toFixed(3)],
    ...(cal.ksUcdpDuration === undefined || lit.ksUcdpDuration === undefined
      ? []
      : [
          [
            'KS distance, UCDP durations (censored)',
            '–',
            lit.ksUcdpDuration.toFixed(3),
            cal.ksUcdpDuration.toFixed(3),
          ],
        ]),
    [
      'COW whole months p10/p25/p50/p75/p90',
      q(t.cowDurationQuantilesMonthIndex),
      q(lit.cowDurationQuantilesMonthIndex),
      q(cal.cowDurationQuantilesMonthIndex),
    ],
    [
      'COW share won outright',
      pct([t.cowVictoryShare]),
      pct([lit.cowVictoryShare]),
      pct([cal.cowVictoryShare]),
    ],
    ...(['interstate', 'civil'] as const).map((k) => [
      `UCDP agreement/ceasefire/victory, ${k}`,
      pct(t.ucdpShares[k]),
      pct(lit.ucdpShares[k]),
      pct(cal.ucdpShares[k]),
    ]),
    [
      'negotiated civil ends with a mediator (not fitted)',
      t.mediatedCeasefireShare === null ? '–' : `${pct([t.mediatedCeasefireShare])} of ceasefires`,
      pct([lit.mediatedNegotiatedShareCivil]),
      pct([cal.mediatedNegotiatedShareCivil]),
    ],
  ];
  const w = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  return [
    `${c.command} (${c.date})`,
    '',
    ...rows.map((r) => r.map((x, i) => (i === 0 ? x.padEnd(w[i]) : x.padStart(w[i]))).join('  ')),
  ].join('\n');
}

type Spawned = { stdout: string; stderr: string; code: number | null };

/** Runs the CLI in `cwd`; a server is stopped with SIGINT once its output has been quiet. */
function runCli(args: string[], cwd: string, env: NodeJS.ProcessEnv, server: boolean) {
  return new Promise<Spawned>((done, fail) => {
    const child = spawn(process.execPath, [join(ROOT, 'bin/parley.js'), ...args], { cwd, env });
    let stdout = '';
    let stderr = '';
    let quiet: NodeJS.Timeout | undefined;
    const stop = () => child.kill('SIGINT');
    const limit = setTimeout(
      () => child.kill(server ? 'SIGINT' : 'SIGKILL'),
      server ? SERVER_TIMEOUT_MS : COMMAND_TIMEOUT_MS,
    );
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      stdout += d;
      if (server) {
        clearTimeout(quiet);
        quiet = setTimeout(stop, SERVER_QUIET_MS);
      }
    });
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', fail);
    child.on('close', (code) => {
      clearTimeout(limit);
      clearTimeout(quiet);
      done({ stdout, stderr, code });
    });
  });
}

/** A minimal web build, so `parley serve` prints the web-UI line that `npm start` (which builds the UI first) prints. */
function stubWebDist(dir: string): string {
  const dist = join(dir, '.web-dist');
  mkdirSync(dist);
  writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Parley</title>\n');
  return dist;
}

export type Rendered = { text: string } | { skipped: string };

/** The fresh text of one block, or why it was skipped. Throws when a command fails. */
export async function render(marker: Marker): Promise<Rendered> {
  if (marker.kind === 'output-from') {
    const file = resolve(ROOT, marker.file);
    const { render: fromJson, writtenBy } = RENDERERS[marker.renderer];
    if (!existsSync(file))
      return { skipped: `${marker.file} is absent (\`${writtenBy}\` writes it)` };
    return { text: normalise(fromJson(JSON.parse(readFileSync(file, 'utf8')))) };
  }
  if (marker.needs && !existsSync(resolve(ROOT, marker.needs)))
    return { skipped: `${marker.needs} is absent` };
  const [command, ...pipes] = marker.command.split(' | ');
  const args = command.trim().split(/\s+/).slice(1);
  if (args.some((a) => /["'`$\\]/.test(a)))
    throw new Error(`${marker.command}: quoting is not supported in marker commands`);
  const cwd = mkdtempSync(join(tmpdir(), 'parley-readme-'));
  try {
    const env: NodeJS.ProcessEnv = Object.fromEntries(
      Object.entries(process.env).filter(([k]) => !k.startsWith('PARLEY_')),
    );
    env.NO_COLOR = '1';
    if (marker.server) {
      env.PARLEY_WEB_DIST = stubWebDist(cwd);
      args.push('--port', '0');
    }
    const r = await runCli(args, cwd, env, marker.server);
    if (r.code !== 0 && !(marker.server && r.stdout))
      throw new Error(`${marker.command} exited with ${r.code}:\n${r.stderr || r.stdout}`);
    let out = r.stdout.replaceAll(cwd, '.');
    if (marker.server) {
      // the run's free port, shown as the port the command uses by default
      const port = /listening on http:\/\/[^:]+:(\d+)/.exec(out)?.[1];
      if (!port) throw new Error(`${marker.command}: no "listening on" line:\n${out}${r.stderr}`);
      out = out.replaceAll(`:${port}`, ':7878');
    }
    let lines = normalise(out).split('\n');
    for (const pipe of pipes) {
      const p = /^(head|tail) -(\d+)$/.exec(pipe.trim());
      if (!p) throw new Error(`${marker.command}: only "| head -N" and "| tail -N" are supported`);
      lines = p[1] === 'head' ? lines.slice(0, Number(p[2])) : lines.slice(-Number(p[2]));
    }
    if (marker.head !== undefined || marker.tail !== undefined)
      lines = cut(lines, marker.head ?? 0, marker.tail ?? 0);
    else lines = cut(lines);
    const prompt = marker.prompt ? [`$ npx ${marker.command}`] : [];
    const text = [...prompt, ...lines].join('\n');
    if (/^```/m.test(text)) throw new Error(`${marker.command}: the output contains a code fence`);
    return { text };
  } finally {
    rmSync(cwd, { recursive: true, force: true });
  }
}

export type Outcome = { block: Block; fresh?: string; skipped?: string };

/** Renders every marked block (one at a time: the machine is shared and small). */
export async function renderAll(text: string): Promise<Outcome[]> {
  const out: Outcome[] = [];
  for (const block of parseReadme(text)) {
    const r = await render(block.marker);
    out.push('skipped' in r ? { block, skipped: r.skipped } : { block, fresh: r.text });
  }
  return out;
}

/** The README with every rendered block replaced (skipped blocks stay as they are). */
export function applyOutcomes(text: string, outcomes: Outcome[]): string {
  const lines = text.split('\n');
  // from the last block up, so earlier line indices stay valid
  for (const { block, fresh } of [...outcomes].reverse())
    if (fresh !== undefined)
      lines.splice(block.bodyStart, block.bodyEnd - block.bodyStart, ...fresh.split('\n'));
  return lines.join('\n');
}

/** A line diff (longest common subsequence), `-` for the README, `+` for the fresh run. */
export function diff(old: string, fresh: string): string {
  const a = old.split('\n');
  const b = fresh.split('\n');
  const lcs = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--)
    for (let j = b.length - 1; j >= 0; j--)
      lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
  const out: string[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      out.push(`  ${a[i++]}`);
      j++;
    } else if (i < a.length && (j === b.length || lcs[i + 1][j] >= lcs[i][j + 1]))
      out.push(`- ${a[i++]}`);
    else out.push(`+ ${b[j++]}`);
  }
  return out.join('\n');
}

/** Messages for `--check`: one per stale block (with its diff), plus the skipped ones. */
export function report(outcomes: Outcome[]): { stale: string[]; skipped: string[] } {
  const stale: string[] = [];
  const skipped: string[] = [];
  for (const { block, fresh, skipped: why } of outcomes) {
    if (why !== undefined) skipped.push(`README.md:${block.line} ${block.label}: skipped, ${why}`);
    else if (fresh !== block.body)
      stale.push(
        `README.md:${block.line} ${block.label} differs from a fresh run ` +
          `(- README, + fresh):\n${diff(block.body, fresh!)}`,
      );
  }
  return { stale, skipped };
}

async function main(): Promise<void> {
  const check = process.argv.includes('--check');
  const text = readFileSync(README, 'utf8');
  const outcomes = await renderAll(text);
  const { stale, skipped } = report(outcomes);
  for (const s of skipped) console.log(s);
  if (check) {
    for (const s of stale) console.log(`\n${s}`);
    console.log(
      stale.length
        ? `\n${stale.length} README block(s) are stale; regenerate them with \`npm run readme\`.`
        : `README: ${outcomes.length - skipped.length} block(s) match a fresh run.`,
    );
    process.exitCode = stale.length ? 1 : 0;
    return;
  }
  const updated = applyOutcomes(text, outcomes);
  if (updated !== text) writeFileSync(README, updated);
  console.log(
    `README: ${stale.length} block(s) rewritten, ${outcomes.length - skipped.length - stale.length} unchanged, ${skipped.length} skipped.`,
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href)
  main().catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exitCode = 2;
  });
