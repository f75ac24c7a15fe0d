/**
 * `npm run bench:cli-startup` (issue #19, item 4): how long `parley` takes to start. Runs each
 * command ROUNDS times (default 10), interleaved so that load on the machine hits all alike, and
 * prints the median and range of wall time beside `node -e 0`, then one JSON line. Targets:
 * `--version` ≤ 0.3 s, `validate <bundled>` ≤ 0.6 s. Refuses to run on a stale build (the CLI
 * would fall back to tsx and the figures would measure that): run `npm run build` first.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { REPO_ROOT } from '../src/data/scenarios.ts';
import { buildIsCurrent } from '../bin/programSources.js';

const ROUNDS = Number(process.env.ROUNDS ?? 10);
const BIN = join(REPO_ROOT, 'bin', 'parley.js');
const SCENARIO = 'data/scenarios/russia-ukraine-2024.yaml';
const COMMANDS: [label: string, args: string[], targetS?: number][] = [
  ['node -e 0', ['-e', '0']],
  ['parley --version', [BIN, '--version'], 0.3],
  [`parley validate ${SCENARIO}`, [BIN, 'validate', SCENARIO], 0.6],
];

if (!buildIsCurrent(join(REPO_ROOT, 'src'), join(REPO_ROOT, 'dist', 'BUILT'))) {
  process.stderr.write('✖ dist/ is missing or older than src/: run `npm run build` first\n');
  process.exit(2);
}

const times = COMMANDS.map((): number[] => []);
for (let round = 0; round < ROUNDS; round++) {
  COMMANDS.forEach(([label, args], i) => {
    const t0 = performance.now();
    const r = spawnSync(process.execPath, args, { cwd: REPO_ROOT, encoding: 'utf8' });
    times[i].push((performance.now() - t0) / 1000);
    if (r.status !== 0) throw new Error(`${label} exited ${r.status}: ${r.stderr}`);
  });
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const rows = COMMANDS.map(([label, , target], i) => ({
  command: label,
  medianS: Number(median(times[i]).toFixed(3)),
  minS: Number(Math.min(...times[i]).toFixed(3)),
  maxS: Number(Math.max(...times[i]).toFixed(3)),
  targetS: target ?? null,
}));
const w = Math.max(...rows.map((r) => r.command.length));
process.stdout.write(`CLI start-up, median of ${ROUNDS} (wall time, seconds)\n`);
for (const r of rows)
  process.stdout.write(
    `${r.command.padEnd(w)}  ${r.medianS.toFixed(3)}  (${r.minS.toFixed(3)}–${r.maxS.toFixed(3)})` +
      (r.targetS === null
        ? ''
        : `  target ≤ ${r.targetS}  ${r.medianS <= r.targetS ? 'met' : 'MISSED'}`) +
      '\n',
  );
process.stdout.write(JSON.stringify({ bench: 'cli-startup', rounds: ROUNDS, rows }) + '\n');
