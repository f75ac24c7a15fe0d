/** Provisions of comparable peace agreements and their durability (issue 21); pure. */
export * from './schema.ts';
export * from './families.ts';
export * from './comparable.ts';
export * from './outcomes.ts';
export * from './frequencies.ts';
export * from './published.ts';
export * from './termSheet.ts';
export * from './query.ts';
export * from './report.ts';
export * from './forWar.ts';
