/**
 * The API in a process of its own for load tests (autocannon must not share its CPU): the real
 * server (startServer) over a fresh SQLite file, rate limiting off, seeded with the bundled
 * scenarios; one finished run of russia-ukraine-2024 (2,000 runs) to read. Prints one JSON line
 * { url, token, runId } when ready; SIGTERM closes it gracefully.
 *   node --import tsx test/reliability/load/serverProcess.ts <sqlite-file>
 */
import { closeOnSignals, startServer } from '../../../src/server/server.ts';

const [file] = process.argv.slice(2);
const { app, url } = await startServer({
  port: 0,
  host: '127.0.0.1',
  store: { sqliteFile: file },
  config: { rateLimit: false, syncMaxRuns: 2000 },
  logLevel: 'warn',
});
closeOnSignals(app);
const { token } = await app.parley.store.createToken('load');
const res = await app.inject({
  method: 'POST',
  url: '/runs',
  headers: { authorization: `Bearer ${token}` },
  payload: { scenarioId: 'russia-ukraine-2024', runs: 2000, seed: 1 },
});
if (res.statusCode !== 201) throw new Error(`invalid seed run: HTTP ${res.statusCode} ${res.body}`);
const runId = res.json<{ run: { id: string } }>().run.id;
process.stdout.write(JSON.stringify({ url, token, runId }) + '\n');
