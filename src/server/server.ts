/**
 * The API process (fastify/demo `server.ts`): opens the store, builds the app with pino logs and
 * timeouts, listens, and on SIGINT/SIGTERM closes gracefully: no new requests, in-flight jobs
 * finish within the grace period or are marked failed, then worker pools and the store close.
 */
import type { FastifyInstance } from 'fastify';
import { closePools } from '../jobs/workerPool.ts';
import { describeStore, openStore, storeConfigFromEnv, type StoreConfig } from '../store/index.ts';
import { buildApp } from './app.ts';
import { configFromEnv, type ServerConfig } from './config.ts';
import { seedStore } from './seed.ts';
import { SHUTDOWN_ERROR } from './services/runs.ts';
import { defaultDataDir, HistoryService } from './services/history.ts';

export type StartOptions = {
  port?: number;
  host?: string;
  store?: StoreConfig;
  config?: Partial<ServerConfig>;
  /** save the bundled scenarios and cases into the store first (default true) */
  seed?: boolean;
  logLevel?: string;
  /** the standard datasets' folder for insights; default ../shared/data when it exists */
  dataDir?: string;
};

export async function startServer(
  opts: StartOptions = {},
): Promise<{ app: FastifyInstance; url: string; close: () => Promise<void> }> {
  const storeConfig = opts.store ?? storeConfigFromEnv();
  const store = await openStore(storeConfig);
  try {
    // runs left queued or running by a previous process will never finish; a shared
    // PostgreSQL database may hold other servers' live jobs, so there only those over an hour old
    await store.failUnfinishedRuns(
      SHUTDOWN_ERROR,
      store.kind === 'postgres'
        ? { createdBefore: new Date(Date.now() - 3_600_000).toISOString() }
        : {},
    );
    const history = HistoryService.load(undefined, opts.dataDir ?? defaultDataDir());
    if (opts.seed ?? true) await seedStore(store, history);
    const app = await buildApp({
      store,
      history,
      config: { ...configFromEnv(), ...opts.config },
      logger: { level: opts.logLevel ?? process.env.PARLEY_LOG_LEVEL ?? 'info' },
    });
    // request and headers timeouts come from the config (buildApp)
    app.server.keepAliveTimeout = 5_000;
    app.addHook('onClose', async () => {
      await closePools();
      await store.close();
    });
    const address = await app.listen({ port: opts.port ?? 7878, host: opts.host ?? '127.0.0.1' });
    app.log.info({ store: describeStore(storeConfig) }, 'store');
    return { app, url: address, close: () => app.close() };
  } catch (e) {
    await store.close().catch(() => undefined);
    throw e;
  }
}

/** Closes the app on the first SIGINT/SIGTERM; a second signal exits at once. */
export function closeOnSignals(
  app: FastifyInstance,
  beforeClose: () => Promise<unknown> = () => Promise.resolve(),
): void {
  let closing = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (closing) process.exit(1);
    closing = true;
    app.log.info({ signal }, 'shutting down: finishing in-flight runs');
    beforeClose()
      .catch((err: unknown) => app.log.warn({ err }, 'clean-up before shutdown failed'))
      .then(() => app.close())
      .then(
        () => process.exit(0),
        (err: unknown) => {
          app.log.error({ err }, 'shutdown failed');
          process.exit(1);
        },
      );
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
}
