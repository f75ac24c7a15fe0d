export * from './overlay.ts';
export * from './variants.ts';
export * from './outcomes.ts';
export * from './compare.ts';
export * from './factors.ts';
export * from './points.ts';
export * from './sensitivity.ts';
export * from './design.ts';
