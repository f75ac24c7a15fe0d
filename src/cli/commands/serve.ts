/**
 * `parley serve [--port 7878] [--host 127.0.0.1]`: the HTTP API over the configured store
 * (embedded SQLite ./parley.db or PARLEY_DB; PostgreSQL when PARLEY_DATABASE_URL is set),
 * seeded with the bundled scenarios and cases. Prints the URL; Ctrl-C shuts down gracefully.
 */
import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { closeOnSignals, startServer } from '../../server/server.ts';
import { webUiBuilt } from '../../server/webUi.ts';
import { describeStore, storeConfigFromEnv } from '../../store/index.ts';
import { UserError } from '../exit.ts';

const WEB_SESSION_PREFIX = 'web-session-';

export function register(program: Command): void {
  program
    .command('serve')
    .description('start the HTTP API (OpenAPI at /openapi.json, interactive docs at /docs)')
    .option('--port <n>', 'port to listen on', '7878')
    .option(
      '--host <host>',
      'address to listen on (127.0.0.1 keeps it on this machine)',
      '127.0.0.1',
    )
    .option('--no-seed', 'do not save the bundled scenarios and cases into the store')
    .option(
      '--data <dir>',
      'folder of the standard datasets for the insights (default ../shared/data when it exists)',
    )
    .addHelpText(
      'after',
      `
Environment: PARLEY_DB (SQLite file), PARLEY_DATABASE_URL (PostgreSQL), PARLEY_READS=open|token,
PARLEY_CORS_ORIGINS, PARLEY_RATE_LIMIT (per minute), PARLEY_MAX_RUNS, PARLEY_SYNC_RUNS, PARLEY_LOG_LEVEL.

Examples:
  $ parley serve
  $ parley token create --name ci        # writes need a token
  $ curl -H "Authorization: Bearer $TOKEN" -H 'content-type: application/json' \\
      -d '{"scenarioId":"russia-ukraine-2024","runs":500}' http://127.0.0.1:7878/runs`,
    )
    .action(async (opts: { port: string; host: string; seed: boolean; data?: string }) => {
      const port = Number(opts.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535)
        throw new UserError(`✖ --port must be an integer from 0 to 65535, found "${opts.port}"`);
      if (opts.data !== undefined && !existsSync(opts.data))
        throw new UserError(`✖ --data: folder "${opts.data}" not found`);
      const store = storeConfigFromEnv();
      const started = await startServer({
        port,
        host: opts.host,
        store,
        seed: opts.seed,
        dataDir: opts.data,
        logLevel: process.env.PARLEY_LOG_LEVEL ?? 'warn',
      }).catch((e: unknown) => {
        if ((e as { code?: string }).code === 'EADDRINUSE')
          throw new UserError(`✖ ${opts.host}:${port} is already in use; pass another --port`);
        throw e;
      });
      const { app, url } = started;
      const tokens = app.parley.store;
      // a fresh token for this session's web UI (Jupyter-style, in the URL fragment, which the
      // browser never sends to a server). It is revoked when the server stops; sessions left by a
      // server that was killed are revoked after a day, so they do not pile up as live tokens.
      const session = await tokens.createToken(
        `${WEB_SESSION_PREFIX}${new Date().toISOString().slice(0, 19)}`,
      );
      const dayAgo = Date.now() - 24 * 3600_000;
      for (const t of await tokens.listTokens())
        if (
          t.name.startsWith(WEB_SESSION_PREFIX) &&
          !t.revokedAt &&
          Date.parse(t.createdAt) < dayAgo
        )
          await tokens.revokeToken(t.id);
      closeOnSignals(app, () => tokens.revokeToken(session.meta.id));
      const ui = webUiBuilt()
        ? `  web UI:  ${url}/#token=${session.token}\n`
        : `  web UI:  not built (run \`npm run build:web\`, or \`npm start\` to build and serve)\n`;
      process.stdout.write(
        `Parley API listening on ${url}  (store: ${describeStore(store)})\n` +
          ui +
          `  docs:    ${url}/docs\n  openapi: ${url}/openapi.json\n` +
          `  try:     curl ${url}/scenarios\n` +
          `  writes need a token: npx parley token create   (Ctrl-C stops the server)\n`,
      );
    });
}
