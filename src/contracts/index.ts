/**
 * The API's request and response shapes (zod), declared once: the server validates with them and
 * generates /openapi.json from them, the web client types its answers with them. Pure: zod, the
 * model and the core's result schemas only (eslint.config.js).
 */
export * from './errors.ts';
export * from './paging.ts';
export * from './runOverrides.ts';
export * from './scenarios.ts';
export * from './runs.ts';
export * from './history.ts';
export * from './reports.ts';
export * from './analyses.ts';
export * from './provisions.ts';
export * from './health.ts';
