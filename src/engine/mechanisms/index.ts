/**
 * The monthly loop (each step is described in docs/model.md): shocks → effort → battle → fading → beliefs → domestic
 * support → values and ripeness → posture and channel → talks (leaks, mediator messages, offers)
 * → termination → durability of the peace.
 */
import type { Mechanism } from './mechanism.ts';
import { outsideSupport } from './outsideSupport.ts';
import { scheduledEvents } from './events.ts';
import { mediatorArrival, mediatorAcceptance, mediatorInformation } from './mediation.ts';
import { effort } from './effort.ts';
import { battle } from './battle.ts';
import { fading } from './fading.ts';
import { beliefs } from './beliefs.ts';
import { domestic } from './domestic.ts';
import { bargainingRange } from './bargainingRange.ts';
import { commitment } from './commitment.ts';
import { ripeness } from './ripeness.ts';
import { conversation } from './conversation.ts';
import { backChannel, backChannelOpening } from './backChannel.ts';
import { contact } from './contact.ts';
import { offers } from './offers.ts';
import { termination } from './termination.ts';
import { durability } from './durability.ts';

export const MECHANISMS: readonly Mechanism[] = [
  outsideSupport,
  scheduledEvents,
  mediatorArrival,
  effort,
  battle,
  fading,
  beliefs,
  domestic,
  bargainingRange,
  commitment,
  ripeness,
  mediatorAcceptance,
  backChannelOpening,
  conversation,
  contact,
  backChannel,
  mediatorInformation,
  offers,
  termination,
  durability,
];

export type { Mechanism } from './mechanism.ts';
export { MechanismParamsSchema, type MechanismParams } from '../../model/index.ts';
