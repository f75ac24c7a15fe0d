/**
 * Colours of every chart: the Okabe–Ito palette (Okabe & Ito 2008, "Color Universal Design",
 * https://jfly.uni-koeln.de/color/), chosen to stay apart for the common colour-vision
 * deficiencies; no scale pairs red with green. test/report/palette.test.ts checks each scale
 * under simulated protanopia, deuteranopia and tritanopia (Machado, Oliveira & Fernandes 2009).
 */
export const OKABE_ITO = {
  black: '#000000',
  orange: '#E69F00',
  skyBlue: '#56B4E9',
  bluishGreen: '#009E73',
  yellow: '#F0E442',
  blue: '#0072B2',
  vermillion: '#D55E00',
  reddishPurple: '#CC79A7',
} as const;

/** How runs end, and talks opening (cumulative incidence). */
export const OUTCOME_COLORS = {
  domain: ['talks opened', 'settlement', 'ceasefire', 'faded', 'victory of A', 'victory of B'],
  range: [
    OKABE_ITO.blue,
    OKABE_ITO.bluishGreen,
    OKABE_ITO.orange,
    OKABE_ITO.black,
    OKABE_ITO.vermillion,
    OKABE_ITO.reddishPurple,
  ],
};

/** Channels of talks: any channel, back channel, mediator, public. */
export const CHANNEL_COLORS = ['#333333', OKABE_ITO.blue, OKABE_ITO.orange, OKABE_ITO.bluishGreen];

/** Two shades for a pair of estimates (a variant's two sides, a factor's low and high value). */
export const PAIR_COLORS = ['#1f4e79', OKABE_ITO.skyBlue];

/** One series alone (histograms, bars). */
export const SINGLE_COLOR = OKABE_ITO.blue;

/** Colours of any other nominal scale, in order (vega-lite's config.range.category). */
export const CATEGORY_COLORS = [
  OKABE_ITO.blue,
  OKABE_ITO.orange,
  OKABE_ITO.bluishGreen,
  OKABE_ITO.vermillion,
  OKABE_ITO.reddishPurple,
  OKABE_ITO.black,
];

/** Every multi-colour scale the charts use, by name (what the palette test checks). */
export const SCALES: Record<string, readonly string[]> = {
  outcomes: OUTCOME_COLORS.range,
  channels: CHANNEL_COLORS,
  pairs: PAIR_COLORS,
  category: CATEGORY_COLORS,
};
