/**
 * What the back-test measured, stated beside every forecast: for a class of war, how often the
 * engine's 80 % intervals held the truth on held-out wars and how its CRPS compares with the best
 * statistical baseline (time split: trained on earlier wars, tested on later ones). Written by
 * `npm run backtest` (scripts/skill.ts → src/model/skill.json); read into every result's meta.
 */
import { z } from 'zod';
import skillFile from './skill.json' with { type: 'json' };

export const SkillFigureSchema = z.object({
  question: z.string().describe('what was forecast, e.g. "months until the war ends"'),
  data: z.string().describe('the held-out wars, e.g. "UCDP episodes begun since 1991"'),
  elapsedMonths: z.number().int().describe('months of war already past when forecasting'),
  n: z.number().int(),
  coverage80: z.number().nullable().describe('share of held-out outcomes inside the 80 % interval'),
  crps: z.number().describe('the engine’s mean CRPS in months (lower is better)'),
  bestBaseline: z.string(),
  bestBaselineCrps: z.number(),
  skill: z
    .number()
    .describe('1 − CRPS / CRPS of the best baseline: above 0, the engine does better'),
});
export type SkillFigure = z.infer<typeof SkillFigureSchema>;

export const SkillSchema = z.object({
  warClass: z.enum(['interstate', 'civil']),
  measured: z.string().describe('date and command of the back-test'),
  figures: z.array(SkillFigureSchema),
});
export type Skill = z.infer<typeof SkillSchema>;

export const SkillFileSchema = z.object({
  $comment: z.string(),
  measured: z.string(),
  classes: z.object({ interstate: z.array(SkillFigureSchema), civil: z.array(SkillFigureSchema) }),
});
export type SkillFile = z.infer<typeof SkillFileSchema>;

const stored = SkillFileSchema.safeParse(skillFile);

/** The back-test's figures for a scenario's type of war (civil for every non-interstate type). */
export function skillFor(type: string): Skill | undefined {
  if (!stored.success) return undefined;
  const warClass = type === 'interstate' ? 'interstate' : 'civil';
  return { warClass, measured: stored.data.measured, figures: stored.data.classes[warClass] };
}

/** One line for a summary: the onset figures of each question. */
export function skillLine(s: Skill): string {
  const parts = s.figures
    .filter((f) => f.elapsedMonths === 0)
    .map(
      (f) =>
        `${f.question}: 80 % intervals held ${f.coverage80 === null ? 'n/a' : `${Math.round(100 * f.coverage80)} %`} of ${f.n} held-out wars; CRPS ${f.skill >= 0 ? `${Math.round(100 * f.skill)} % better` : `${Math.round(-100 * f.skill)} % worse`} than ${f.bestBaseline}`,
    );
  return `Back-test for ${s.warClass} wars (${s.measured}): ${parts.join('; ')}`;
}
