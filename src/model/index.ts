export * from './uncertain.ts';
export * from './scenario.ts';
export * from './issues.ts';
export * from './parseScenario.ts';
export * from './jsonSchema.ts';
export * from './reservedKeys.ts';
export * from './text.ts';
export * from './own.ts';
