/**
 * The historical cases that resemble the path played (the after-action report), not only its
 * starting point: the analogue features of the scenario at month 0, with those the path changed
 * read from its state at the end (how long the war had gone on before talks opened, or so far;
 * whether a mediator was accepted or mediated talks held; battle deaths per month on the path),
 * ranked by the analogue distance (history/analogues.ts) with two terms for what the features
 * lack: the channel talks first opened on, and the outcome.
 * Design choices: the two terms weigh as much as the war type (2 for the outcome) and a feature
 * (1 for the channel); an unfinished path's outcome is "ongoing"; cases code their first
 * wartime contact's kind (secret contact or back channel = secret, mediation = mediated, public
 * talks = public).
 */
import { Channel, CHANNEL_NAMES, Outcome } from '../engine/index.ts';
import { findAnalogues, FEATURE_SPECS, type Analogue } from '../history/analogues.ts';
import type { Case } from '../history/caseSchema.ts';
import { isWartimeContact, type Features } from '../history/caseFeatures.ts';
import type { Exercise } from './exercise.ts';

const OUTCOME_WEIGHT = 2;
const CHANNEL_WEIGHT = 1;

/** The case base's outcome a path's ending corresponds to. */
export function caseOutcomeOf(ex: Exercise): Case['outcome'] {
  switch (ex.state.outcome[0]) {
    case Outcome.settlement:
      return 'negotiated-settlement';
    case Outcome.ceasefire:
    case Outcome.faded:
      return 'ceasefire-frozen';
    case Outcome.victoryA:
    case Outcome.collapseB:
      return 'victory-side-a';
    case Outcome.victoryB:
    case Outcome.collapseA:
      return 'victory-side-b';
    default:
      return 'ongoing';
  }
}

/** The channel talks first opened on along the path ('closed': never). */
export function firstChannelOf(ex: Exercise): (typeof CHANNEL_NAMES)[number] {
  const s = ex.state;
  let best = 0;
  let at = Infinity;
  for (const ch of [Channel.secret, Channel.mediated, Channel.public]) {
    const t = s.firstTalk[ch];
    if (t >= 0 && t < at) {
      at = t;
      best = ch;
    }
  }
  return CHANNEL_NAMES[best];
}

function caseChannel(c: Case): (typeof CHANNEL_NAMES)[number] {
  const first = c.timeline.find((e) => isWartimeContact(c, e));
  if (!first) return 'closed';
  if (first.kind === 'mediation') return 'mediated';
  if (first.kind === 'public-talks') return 'public';
  return 'secret';
}

/** The analogue features of the path at its end, from those of its starting point. */
export function pathFeatures(ex: Exercise, start: Features): Features {
  const s = ex.state;
  const played = ex.month;
  const firstTalk = s.firstTalk[0];
  const before = firstTalk >= 0 ? firstTalk : played;
  const deaths = s.casualties[0] + s.casualties[1];
  const mediated =
    (s.everChannel[0] & (1 << Channel.mediated)) !== 0 ||
    (s.accepted[0] & s.accepted[1] & s.mediatorsPresent[0]) !== 0;
  return {
    ...start,
    durationMonths: start.durationMonths === null ? null : start.durationMonths + before,
    mediation: mediated || (start.mediation === true && played === 0),
    deathsPerMonth: played > 0 && deaths > 0 ? deaths / played : start.deathsPerMonth,
  };
}

/** The `top` cases nearest to the path played (see the header for the distance). */
export function pathAnalogues(
  ex: Exercise,
  start: Features,
  cases: readonly Case[],
  asOfYear: number,
  top: number,
): { features: Features; outcome: Case['outcome']; channel: string; analogues: Analogue[] } {
  const features = pathFeatures(ex, start);
  const outcome = caseOutcomeOf(ex);
  const channel = firstChannelOf(ex);
  const byId = new Map(cases.map((c) => [c.id, c]));
  const known = FEATURE_SPECS.reduce((w, f) => w + (features[f.name] === null ? 0 : f.weight), 0);
  const analogues = findAnalogues(features, cases, { top: cases.length, asOfYear }).map((a) => {
    const c = byId.get(a.caseId)!;
    const outcomeOff = c.outcome === outcome ? 0 : 1;
    const channelOff = caseChannel(c) === channel ? 0 : 1;
    const distance =
      (a.distance * known + OUTCOME_WEIGHT * outcomeOff + CHANNEL_WEIGHT * channelOff) /
      (known + OUTCOME_WEIGHT + CHANNEL_WEIGHT);
    return {
      ...a,
      distance,
      similarity: 1 - distance,
      matched: [
        ...a.matched,
        ...(outcomeOff ? [] : ['outcome']),
        ...(channelOff ? [] : ['first channel of talks']),
      ],
      differed: [
        ...a.differed,
        ...(outcomeOff ? ['outcome'] : []),
        ...(channelOff ? ['first channel of talks'] : []),
      ],
    };
  });
  analogues.sort(
    (x, y) => x.distance - y.distance || (x.caseId < y.caseId ? -1 : x.caseId > y.caseId ? 1 : 0),
  );
  return { features, outcome, channel, analogues: analogues.slice(0, top) };
}
