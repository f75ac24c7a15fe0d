/** Statistics, scores, calibration and back-testing against historical records (pure). */
export * from './kaplanMeier.ts';
export * from './coxPh.ts';
export * from './weibullAft.ts';
export * from './logistic.ts';
export * from './scores.ts';
