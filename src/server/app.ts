/**
 * buildApp(): assembles the Parley HTTP API as one Fastify instance, not yet listening — the
 * services behind the routes (store, compute queue, runs, analyses, history), the zod validation
 * and serialisation, /openapi.json generated from the route schemas (shapes in src/contracts) with
 * interactive docs at /docs, rate limiting, CORS only when origins are configured, token auth,
 * one error handler, then every route plugin and the built web UI. server.ts owns the process
 * (listening, signals); tests call buildApp directly.
 */
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import cors from '@fastify/cors';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { serializerCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { ENGINE_VERSION } from '../engine/index.ts';
import type { Store } from '../store/index.ts';
import { registerAuth } from './auth.ts';
import { registerShutdown } from './shutdown.ts';
import { registerJsonBodies } from './jsonBody.ts';
import { registerSecurityHeaders } from './securityHeaders.ts';
import { DEFAULT_CONFIG, type ServerConfig } from './config.ts';
import { errorHandler, notFoundHandler } from './errors.ts';
import { openapiTransform, openapiTransformObject } from './openapi.ts';
import { scenarioBodyHook, validatorCompiler } from './validation.ts';
import { HistoryService } from './services/history.ts';
import { RunService } from './services/runs.ts';
import { AnalysisService } from './services/analyses.ts';
import { ResultCache } from './services/resultCache.ts';
import { ComputeQueue } from './services/computeQueue.ts';
import { StreamLimits } from './services/streams.ts';
import { ScenarioParser } from './services/scenarioParser.ts';
import './services/index.ts';
import healthRoutes from './routes/health.ts';
import schemaRoutes from './routes/schema.ts';
import scenarioRoutes from './routes/scenarios.ts';
import runRoutes from './routes/runs.ts';
import caseRoutes from './routes/cases.ts';
import analogueRoutes from './routes/analogues.ts';
import insightRoutes from './routes/insights.ts';
import analysisRoutes from './routes/analyses.ts';
import reportRoutes from './routes/reports.ts';
import webUi from './webUi.ts';
import exportRoutes from './routes/export.ts';
import provisionRoutes from './routes/provisions.ts';
import draftReportRoutes from './routes/draftReport.ts';
import exerciseRoutes from './routes/exercises.ts';

export type AppOptions = {
  store: Store;
  config?: Partial<ServerConfig>;
  history?: HistoryService;
  /** Fastify logger option (pino); off unless given */
  logger?: FastifyServerOptions['logger'];
};

export async function buildApp(opts: AppOptions): Promise<FastifyInstance> {
  const config: ServerConfig = { ...DEFAULT_CONFIG, ...opts.config };
  const app = Fastify({
    logger: opts.logger ?? false,
    bodyLimit: config.bodyLimitBytes,
    // slow clients (slow-loris) are cut off; Node checks open requests every second
    requestTimeout: config.requestTimeoutMs,
    http: { headersTimeout: config.headersTimeoutMs, connectionsCheckingInterval: 1000 },
    // request ids for log correlation; clients may not choose them
    // our own 503 while closing (shutdown.ts): a JSON issue with Retry-After
    return503OnClosing: false,
    // avvio times close hooks too: the drain may take the grace period, then up to 10 s to stop
    // (an expired timeout here made shutdown under load fail, exit 1)
    pluginTimeout: Math.max(10_000, config.shutdownGraceMs + 20_000),
    genReqId: (() => {
      let n = 0;
      return () => `r${(++n).toString(36)}`;
    })(),
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);
  app.setNotFoundHandler(notFoundHandler);

  registerJsonBodies(app, config.bodyLimitBytes);
  registerSecurityHeaders(app);
  // YAML scenario bodies, read as text (the core parser reports line and column)
  app.addContentTypeParser(
    ['application/yaml', 'application/x-yaml', 'text/yaml'],
    { parseAs: 'string', bodyLimit: config.bodyLimitBytes },
    (_req, body, done) => done(null, body),
  );

  // every computation of every route goes through this one bounded queue
  const compute = new ComputeQueue(config);
  const runs = new RunService(opts.store, config, compute, app.log);
  app.decorate('parley', {
    store: opts.store,
    compute,
    streams: new StreamLimits(config),
    runs,
    history: opts.history ?? HistoryService.load(),
    analyses: new AnalysisService(opts.store, compute, config.threads, config.maxRuns),
    results: new ResultCache(),
    parser: new ScenarioParser(),
    config,
  });
  // in-flight work finishes within the grace period; requests meanwhile get 503 + Retry-After
  registerShutdown(app, runs);
  app.addHook('preValidation', scenarioBodyHook);

  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Parley API',
        version: ENGINE_VERSION,
        description:
          'Scenarios, simulation runs and the historical case base of Parley. Writes need an API token (`parley token create`); reads are open unless the server says otherwise.',
      },
      components: {
        securitySchemes: {
          bearerAuth: { type: 'http', scheme: 'bearer', description: 'parley_… token' },
          exerciseToken: {
            type: 'http',
            scheme: 'bearer',
            description: 'parleyx_… token of one role of one exercise (or its facilitator)',
          },
        },
      },
      tags: [
        { name: 'scenarios', description: 'saved scenarios and their versions' },
        { name: 'runs', description: 'simulations and their results' },
        { name: 'history', description: 'cases, analogues and insights' },
        {
          name: 'analyses',
          description: 'comparisons, sensitivity and sweeps, saved by scenario version',
        },
        { name: 'reports', description: 'HTML reports and charts of finished runs' },
        { name: 'health', description: 'liveness and readiness' },
        { name: 'exercises', description: 'people play parties month by month against the model' },
      ],
    },
    transform: openapiTransform,
    transformObject: openapiTransformObject,
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });
  if (config.rateLimit)
    await app.register(rateLimit, {
      max: config.rateLimit.max,
      timeWindow: config.rateLimit.timeWindowMs,
      allowList: (req) => req.url === '/health' || req.url === '/ready',
    });
  if (config.corsOrigins.length > 0) await app.register(cors, { origin: config.corsOrigins });
  registerAuth(app);

  app.get('/openapi.json', { schema: { hide: true }, config: { access: 'public' } }, () =>
    app.swagger(),
  );
  await app.register(healthRoutes);
  await app.register(schemaRoutes);
  await app.register(scenarioRoutes);
  await app.register(runRoutes);
  await app.register(caseRoutes);
  await app.register(analogueRoutes);
  await app.register(insightRoutes);
  await app.register(provisionRoutes);
  await app.register(analysisRoutes);
  await app.register(reportRoutes);
  await app.register(exportRoutes);
  await app.register(draftReportRoutes);
  await app.register(exerciseRoutes);
  await app.register(webUi); // the built web UI at / (web/dist)
  return app;
}
