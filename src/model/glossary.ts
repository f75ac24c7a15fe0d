/**
 * The words Parley's outputs use, each with one meaning: the web UI's glossary page and its
 * term links, and docs/glossary.md (generated from this list, checked by a test), read this
 * plain data, so the CLI, the reports and the UI cannot drift apart in what a word means.
 * The model behind each term is in docs/model.md.
 */

export interface GlossaryEntry {
  /** anchor id: lower-case words joined by '-' */
  id: string;
  term: string;
  /** what the number is measured in, when it is a number */
  unit?: string;
  text: string;
  /** ids of related entries */
  see?: string[];
}

export const GLOSSARY: readonly GlossaryEntry[] = [
  {
    id: 'stake',
    term: 'stake',
    unit: '1 (everything the sides fight over)',
    text: 'What the war is about, normalised to 1: territory, political terms and guarantees together. Every value in the model (terms, costs, aid, carrots and sticks) is a share of it.',
    see: ['share-of-the-stake', 'terms'],
  },
  {
    id: 'share-of-the-stake',
    term: 'share of the stake',
    unit: 'share, 0 … 1',
    text: 'A part of the stake. A settlement gives side A a share x and side B the rest (1 − x); a month of war, a reconstruction carrot or a sanction is also counted as a share.',
    see: ['stake'],
  },
  {
    id: 'terms',
    term: 'terms',
    unit: 'share of the stake to side A, 0 … 1',
    text: "Side A's share of the stake in a negotiated settlement. Results and What-if show the median over the settled runs; Compare ranks the mean, so that its paired differences add up run by run (each label says which). A deal the sides' reservations would put outside the stake (a side whose war value, net of costs, carrots and sticks, is below zero would settle for less than nothing) is recorded at 0 or 1: that is the bar at an edge of the terms histogram.",
    see: ['share-of-the-stake', 'paired-difference'],
  },
  {
    id: 'belief-gap',
    term: 'belief gap',
    unit: 'difference of probabilities, 0 … 1',
    text: "How far the two sides' estimates of side A's chance of winning differ. A wide gap means each side expects more from fighting on than the other would concede; battles and talks narrow it.",
    see: ['ripeness'],
  },
  {
    id: 'cost-of-conversation',
    term: 'cost of conversation',
    unit: 'share of the stake (per month of the opening)',
    text: "What opening talks costs a side in expected terms: the enemy reads an approach as a sign of weakness, and the cost is that shift in the enemy's belief times what the enemy can do with it (its capacity to escalate) and what it is worth (the rise in its chance of winning). A back channel or a confidential mediator makes it smaller.",
    see: ['posture', 'channel'],
  },
  {
    id: 'ripeness',
    term: 'ripeness',
    unit: '0 … 1',
    text: "How ready both sides are for a settlement: each side's readiness is a mutually hurting stalemate (it cannot win soon and the war costs more than it tolerates) times a way out (it believes a deal both could accept exists); ripeness is the product of the two sides' readiness (after Zartman).",
    see: ['belief-gap'],
  },
  {
    id: 'posture',
    term: 'posture',
    text: "A leader's stance in a month: closed, or open to talking on a channel. 'No obstacle to talking' in the why-panel means nothing in the model blocks an open posture for that leader; it is not the same as talks having opened, which needs contact between both sides.",
    see: ['talks-opened', 'channel', 'contact'],
  },
  {
    id: 'channel',
    term: 'channel',
    text: 'The way talks are held: secret (a back channel of a few envoys, deniable but it can leak), mediated (through a mediator both sides accepted) or public. Each run records the channel on which talks first opened.',
    see: ['back-channel', 'posture'],
  },
  {
    id: 'back-channel',
    term: 'back channel',
    text: 'A secret line between the sides (envoys, intelligence contacts), declared in the scenario with the month it opens and its number of participants; each participant adds a monthly risk that it leaks.',
    see: ['channel'],
  },
  {
    id: 'contact',
    term: 'contact',
    unit: 'chance per month',
    text: "The first exploratory exchange between the sides (talks about talks); it needs no deal in sight. Its monthly chance is anchored to history's pace for wars of that age and moved up or down by the channels at hand and the value of talking.",
    see: ['talks-opened'],
  },
  {
    id: 'talks-opened',
    term: 'talks opened',
    unit: 'share of runs, by month',
    text: "The share of runs in which talks (on any channel, or on the one named) had opened by a month: an outcome of the runs, not a leader's posture.",
    see: ['posture', 'contact'],
  },
  {
    id: 'settlement',
    term: 'settlement',
    text: 'A negotiated end of the war with terms; a ceasefire freezes the front without terms. Victories end it by force or by the collapse of a side.',
    see: ['terms'],
  },
  {
    id: 'run',
    term: 'run',
    text: "One possible history of the war, month by month, drawn from the scenario's uncertainties. Every share in the results is a share of runs.",
    see: ['common-random-numbers'],
  },
  {
    id: 'variant',
    term: 'variant',
    text: 'A change to the scenario (an intervention) compared with the scenario as written, the baseline. Each variant lists its edits as path: before → after, so its name cannot hide what it changes.',
    see: ['baseline', 'paired-difference'],
  },
  {
    id: 'baseline',
    term: 'baseline',
    text: 'The scenario as written, against which variants and what-ifs are compared.',
    see: ['variant'],
  },
  {
    id: 'common-random-numbers',
    term: 'common random numbers',
    text: "Every variant replays the same random draws as the baseline, run by run, so a difference between them is the change's own and not chance.",
    see: ['paired-difference'],
  },
  {
    id: 'paired-difference',
    term: 'paired difference',
    unit: "the metric's unit: percentage points, months or people",
    text: 'The variant minus the baseline, run by run, averaged; its 95% interval says how sure the difference is. A clear gain (✓) has the interval on the better side of zero, a clear harm (✗) on the worse side, unclear (·) across zero.',
    see: ['common-random-numbers'],
  },
];

export const glossaryEntry = (id: string): GlossaryEntry | undefined =>
  GLOSSARY.find((e) => e.id === id);

/** docs/glossary.md, generated from GLOSSARY (`npx tsx scripts/glossary.ts`). */
export function glossaryMarkdown(): string {
  const lines = [
    '# Glossary',
    '',
    '<!-- generated from src/model/glossary.ts by `npx tsx scripts/glossary.ts`; do not edit -->',
    '',
    "The words Parley's command line, reports and web UI use, each with one meaning. The web UI",
    'links every term to the same text (its Glossary page); the model behind each is in',
    '[model.md](model.md).',
    '',
  ];
  for (const e of GLOSSARY) {
    lines.push(`## ${e.term}`, '');
    if (e.unit) lines.push(`_Unit: ${e.unit}._`, '');
    lines.push(e.text, '');
    if (e.see?.length)
      lines.push(
        `See also: ${e.see.map((id) => `[${glossaryEntry(id)?.term ?? id}](#${id})`).join(', ')}.`,
        '',
      );
  }
  return lines.join('\n');
}
