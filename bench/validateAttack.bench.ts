/**
 * `npm run bench:validate-attack` (issue #15, finding 2): `/health` latency while clients post
 * 750 kB of YAML junk (`"ÿ" ` repeated) to the open `POST /scenarios/validate`. The server runs
 * in a process of its own; ATTACKERS clients (default 4) post back to back for ATTACK_SECONDS
 * (default 10) while one client asks `/health` every 50 ms. Prints the /health p50/p99/max, the
 * attack answers (status, size) and the server's memory before and after, and one JSON line.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServerProcess } from '../test/reliability/load/harness.ts';
import { healthFigures, healthLine, probeHealth, quantile, rssMb } from './healthProbe.ts';

const SECONDS = Number(process.env.ATTACK_SECONDS ?? 10);
const ATTACKERS = Number(process.env.ATTACKERS ?? 4);
const body = '"ÿ" '.repeat(750_000 / 4);

const dir = mkdtempSync(join(tmpdir(), 'parley-attack-'));
const server = await startServerProcess(join(dir, 'attack.db'));
try {
  const pid = server.child.pid!;
  const rssBefore = rssMb(pid);
  const end = Date.now() + SECONDS * 1000;
  const answers: { status: number; bytes: number; ms: number }[] = [];
  const attack = async () => {
    while (Date.now() < end) {
      const t0 = performance.now();
      const r = await fetch(`${server.url}/scenarios/validate`, {
        method: 'POST',
        headers: { 'content-type': 'application/yaml' },
        body,
      });
      const text = await r.text();
      answers.push({ status: r.status, bytes: text.length, ms: performance.now() - t0 });
    }
  };
  const [health] = await Promise.all([
    probeHealth(server.url, end),
    ...Array.from({ length: ATTACKERS }, attack),
  ]);
  const rssAfter = rssMb(pid);
  const statuses = [...new Set(answers.map((a) => a.status))].join(', ');
  const figures = {
    bench: 'validate-attack',
    seconds: SECONDS,
    attackers: ATTACKERS,
    health: healthFigures(health),
    attack: {
      answers: answers.length,
      statuses,
      maxAnswerBytes: Math.max(...answers.map((a) => a.bytes)),
      medianMs: +quantile(
        answers.map((a) => a.ms),
        0.5,
      ).toFixed(0),
    },
    rssMb: { before: Math.round(rssBefore), after: Math.round(rssAfter) },
  };
  console.log(
    `${healthLine('attack', figures.health)}\n` +
      `attack answers: ${answers.length} (status ${statuses}), largest ${figures.attack.maxAnswerBytes} bytes, median ${figures.attack.medianMs} ms\n` +
      `server memory: ${figures.rssMb.before} → ${figures.rssMb.after} MB`,
  );
  console.log(JSON.stringify(figures));
} finally {
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
}
