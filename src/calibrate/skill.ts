/**
 * The skill figures stated beside forecasts (src/model/skillSchema.ts), from the time-split
 * back-tests: for each class of war and each checkpoint, the engine calibrated on the training
 * fold against the best baseline by CRPS, and the coverage of its 80 % intervals.
 */
import type { SkillFigure, SkillFile } from '../model/index.ts';
import type { BacktestResult } from './backtest.ts';
import type { ContactBacktestResult } from './contactBacktest.ts';

const DURATION_DATA = {
  'cow-interstate': 'COW inter-state wars',
  ucdp: 'UCDP conflict episodes',
} as const;

function durationFigures(
  r: BacktestResult,
  source: 'cow-interstate' | 'ucdp',
  cut: string,
): SkillFigure[] {
  const checkpoints = [
    ...new Set(r.rows.filter((x) => x.source === source).map((x) => x.checkpoint)),
  ];
  return checkpoints.flatMap((checkpoint) => {
    const rows = r.rows.filter((x) => x.source === source && x.checkpoint === checkpoint);
    const engine = rows.find((x) => x.model === 'engine (calibrated on train)');
    const baselines = rows.filter((x) => !x.model.startsWith('engine'));
    if (!engine || baselines.length === 0) return [];
    const best = baselines.reduce((a, b) => (b.crps < a.crps ? b : a));
    return [
      {
        question: 'months until the war ends',
        data: `${DURATION_DATA[source]} ${cut}`,
        elapsedMonths: checkpoint,
        n: engine.n,
        coverage80: typeof engine.coverage80 === 'number' ? engine.coverage80 : null,
        crps: engine.crps,
        bestBaseline: best.model,
        bestBaselineCrps: best.crps,
        skill: 1 - engine.crps / best.crps,
      },
    ];
  });
}

/**
 * The shipped contact defaults' row: the split read here (`--cut-year 2000`) is the one whose
 * training fold chose them, so they are held out on its test wars and are what users get.
 */
function contactFigure(r: ContactBacktestResult): SkillFigure[] {
  const engine = r.rows.find((x) => x.model === 'engine (defaults)');
  const baselines = r.rows.filter((x) => !x.model.startsWith('engine'));
  if (!engine || baselines.length === 0) return [];
  const best = baselines.reduce((a, b) => (b.crps < a.crps ? b : a));
  return [
    {
      question: 'months until first contact',
      data: `case-base wars begun since ${r.split.cutYear ?? '?'} (all types)`,
      elapsedMonths: 0,
      n: engine.n,
      coverage80: engine.coverage80,
      crps: engine.crps,
      bestBaseline: best.model,
      bestBaselineCrps: best.crps,
      skill: 1 - engine.crps / best.crps,
    },
  ];
}

export function skillFile(
  duration: BacktestResult,
  contact: ContactBacktestResult,
  measured: string,
  cut: string,
): SkillFile {
  return {
    $comment:
      'What the time-split back-tests measured, stated beside every forecast (src/model/skillSchema.ts). Written by `npm run backtest` (scripts/skill.ts); do not edit by hand.',
    measured,
    classes: {
      interstate: [...durationFigures(duration, 'cow-interstate', cut), ...contactFigure(contact)],
      civil: [...durationFigures(duration, 'ucdp', cut), ...contactFigure(contact)],
    },
  };
}
