export * from './decision.ts';
export * from './exercise.ts';
export * from './roles.ts';
export * from './view.ts';
export * from './alongside.ts';
export * from './injection.ts';
export * from './rewind.ts';
export * from './pathAnalogues.ts';
