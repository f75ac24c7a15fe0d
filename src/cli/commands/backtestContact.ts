/**
 * `parley backtest --target contact`: time to first contact and the first channel on the case
 * base (data/cases), engine against Kaplan–Meier baselines fitted on training folds only
 * (src/calibrate/contactBacktest.ts). Loads the cases, prints a table and writes the full result.
 */
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import {
  ENGINE_MODELS,
  formatContactTable,
  runContactBacktest,
} from '../../calibrate/contactBacktest.ts';
import { contactBacktestHtml } from '../../report/contactBacktestHtml.ts';
import { reliabilityDiagram } from '../../report/charts/reliabilityDiagram.ts';
import { renderSvg } from '../../report/render.ts';
import { UserError } from '../exit.ts';
import { datedToYear } from '../../history/caseSchema.ts';
import { loadValidCases, requireTimeSplitToWrite, writeFittedDefaults } from './caseFits.ts';
import { writeAtomic } from '../scenarioInput.ts';

export async function contactBacktestCommand(o: {
  split: string;
  /** with --split time: train on wars begun before this year */
  cutYear?: number;
  runs: number;
  seed: number;
  cases: string;
  out: string;
  json?: boolean;
  html?: string;
  /** save the time split's training-fold fit as the engine's contact defaults */
  writeDefaults?: boolean;
  /** about this many cases (every k-th), for quick runs; never with --write-defaults */
  subset?: number;
}): Promise<void> {
  if (o.split !== 'time' && o.split !== 'loo')
    throw new UserError(`✖ --split must be time or loo with --target contact, found "${o.split}"`);
  requireTimeSplitToWrite(o.split, o.writeDefaults);
  if (o.subset !== undefined && o.writeDefaults)
    throw new UserError('✖ --subset goes without --write-defaults (defaults come from every case)');
  const all = loadValidCases(o.cases);
  const cases =
    o.subset === undefined || o.subset >= all.length
      ? all
      : all.filter((_, i) => i % Math.ceil(all.length / o.subset!) === 0);
  if (cases.length < 6) throw new UserError(`✖ too few cases in ${o.cases}: ${cases.length}`);
  const started = Date.now();
  if (o.cutYear !== undefined) {
    if (o.split !== 'time') throw new UserError('✖ --cut-year goes with --split time');
    const years = cases.map((c) => datedToYear(c.start));
    const before = years.filter((y) => y < o.cutYear!).length;
    if (before < 6 || years.length - before < 6)
      throw new UserError(
        `✖ --cut-year ${o.cutYear} leaves ${before} training and ${years.length - before} test cases; each needs at least 6`,
      );
  }
  const result = runContactBacktest(
    cases,
    { split: o.split, cutYear: o.cutYear, runs: o.runs, seed: o.seed },
    (m) => process.stderr.write(`${m}\n`),
  );
  const seconds = (Date.now() - started) / 1000;
  const command = `parley backtest --target contact --split ${o.split}${o.cutYear !== undefined ? ` --cut-year ${o.cutYear}` : ''} --runs ${o.runs} --seed ${o.seed}`;
  const full = { command, seconds, ...result };
  if (o.writeDefaults && result.trainFit)
    writeFittedDefaults('contact', {
      command,
      trainedOn: `the ${result.split.train} case-base wars begun before ${result.split.cutYear}`,
      values: result.trainFit,
    });
  const out = resolve(o.out);
  mkdirSync(dirname(out), { recursive: true });
  writeAtomic(out, JSON.stringify(full, null, 2) + '\n');
  if (o.html) {
    const charts = [];
    for (const h of result.options.reliabilityHorizons) {
      const title = `P(first contact within ${h} months)`;
      const models = result.reliability
        .filter((x) => x.horizon === h)
        .map((x) => ({ model: x.model, bins: x.bins }));
      charts.push({
        title,
        svg: await renderSvg(reliabilityDiagram(title, models, `mean forecast ${title}`)),
      });
    }
    const html = resolve(o.html);
    mkdirSync(dirname(html), { recursive: true });
    writeAtomic(html, contactBacktestHtml({ command, result, charts }));
  }
  if (o.json) {
    process.stdout.write(JSON.stringify(full, null, 2) + '\n');
    return;
  }
  const ob = result.observed;
  const s = result.split;
  const engine = result.rows.find((r) => r.model === 'engine (fitted on train)')!;
  const shares = result.rows.find((r) => r.model === 'Kaplan–Meier')!;
  const best = result.rows
    .filter((r) => !ENGINE_MODELS.includes(r.model))
    .reduce((a, b) => (b.crps < a.crps ? b : a));
  const fp = result.fittedParameters;
  const chosen = (k: keyof typeof fp) =>
    Object.entries(fp[k])
      .map(([v, n]) => (s.folds > 1 ? `${v} (${n} folds)` : v))
      .join(', ');
  process.stdout.write(
    [
      `Back-test of first contact (${command}); ${result.cases} cases; ${seconds.toFixed(1)} s`,
      s.kind === 'time'
        ? `Time split: train on the ${s.train} wars begun before ${s.cutYear}, test on the ${s.test} others.`
        : `Leave-one-out: ${s.folds} folds, each trained on the ${s.train} other cases.`,
      `Observed: ${ob.contacts} first contacts during the war (${ob.preStart} cases also record contacts before the war, left out; secret ${ob.byChannel.secret}, mediated ${ob.byChannel.mediated}, public ${ob.byChannel.public}); ${ob.censored} censored at the war's end (${ob.contactAfterEnd} talked only after it) or the case base's date.`,
      'CRPS of the month of first contact (survival CRPS when censored), lower is better; logS(ch) = mean log score of the first channel (secret/mediated/public);',
      'The baselines are fitted on the training fold only: Kaplan–Meier of the lags with the channel shares, pooled and by war type (types with fewer than 8 training cases use the pooled curve).',
      'BSSh = Brier skill of P(contact within h months) against Kaplan–Meier; cov80 = held-out contacts inside the central 80 % interval; P12/obs12 = mean forecast and observed share within 12 months.',
      'engine (fitted on train): mechanisms.contact searched on each training fold (Weibull shape and scale, utility weight; channel weights = training shares); engine (defaults): the shipped defaults (src/model/contactDefaults.json), chosen on the time split’s training fold: held out in the time split, in-sample for most leave-one-out folds.',
      `Chosen on the training folds: shape ${chosen('baselineShape')}; scale ${chosen('baselineScaleMonths')} months; utility weight ${chosen('utilitySensitivity')}; frailty σ ${chosen('frailtySpread')}; outbreak hazard ${chosen('outbreakHazard')}; anchor factors of the scale (Weibull regression on the training fold): civil ${chosen('civilScaleFactor')}, internationalized ${chosen('internationalizedScaleFactor')}, extra-state ${chosen('extraStateScaleFactor')}, begun 1990 or later ${chosen('postColdWarScaleFactor')}.`,
      '',
      formatContactTable(result),
      '',
      `The engine fitted on train ${engine.crps <= best.crps ? 'matches or beats' : 'loses to'} the best baseline on CRPS (${engine.crps.toFixed(1)} against ${best.crps.toFixed(1)}, ${best.model}); it gave no chance of contact in ${result.engineNoContact} held-out case${result.engineNoContact === 1 ? '' : 's'}.`,
      `First channel: the engine's mean log score ${engine.logScoreChannel.toFixed(3)} against ${shares.logScoreChannel.toFixed(3)} for the training fold's channel shares (higher is better).`,
      `full result: ${out}`,
    ].join('\n') + '\n',
  );
}
