/**
 * Decisions people take in place of the model for one month of an exercise (issue 20). The
 * engine holds at most one Decisions per State (`s.decisions`, null in every Monte Carlo run);
 * a mechanism that finds a field set uses it instead of its own choice, after drawing its random
 * numbers as usual so the streams never shift. Unset fields (−1 for codes, NaN for amounts) leave
 * the model's choice. Indexed by party (0 = side A, 1 = side B), by mediator or by support line,
 * never by run: an exercise is one run, and every run of the State gets the same decision.
 */
import { MAX_MEDIATORS } from '../model/refs.ts';

export class Decisions {
  /** Posture and channel per side (Channel code; in talks any open code means "stay"), −1 model. */
  readonly posture = new Int8Array(2);
  /** Effort per side (Effort code), −1 model. */
  readonly effort = new Int8Array(2);
  /** Share a side keeps when it makes this month's offer (0…1), NaN model. */
  readonly demand = new Float64Array(2);
  /** Least share a side accepts when it answers an offer (0…1), NaN model. */
  readonly leastAcceptable = new Float64Array(2);
  /** 1 accept every mediator present, 0 refuse (and withdraw acceptance), −1 model. */
  readonly acceptMediator = new Int8Array(2);
  /** Per mediator: 1 offer its services this month, 0 stay out, −1 model. */
  readonly mediatorOffer = new Int8Array(MAX_MEDIATORS);
  /** [2m + party]: share (0…1) of mediator m's carrots for that side put on the table on arrival, NaN all. */
  readonly mediatorCarrots = new Float64Array(2 * MAX_MEDIATORS);
  /** [2m + party]: share (0…1) of mediator m's sticks on that side used on arrival, NaN all. */
  readonly mediatorSticks = new Float64Array(2 * MAX_MEDIATORS);
  /** Per mediator: side A's share it proposes when it leads talks (0…1), NaN model. */
  readonly mediatorProposal = new Float64Array(MAX_MEDIATORS);
  /**
   * Per mediator: whom it approaches this month, −1 model (both sides, as in every run), 0 side
   * A only, 1 side B only, 2 both. A side it does not approach neither accepts nor refuses it
   * this month (an earlier acceptance stands).
   */
  readonly mediatorApproach = new Int8Array(MAX_MEDIATORS);
  /** 1: secret talks under way leak this month (the facilitator's injected leak), 0 the model. */
  leak = 0;
  /** Per support line (Compiled.lines): the committed aid level this month (0…3), NaN model. */
  readonly aid: Float64Array;

  constructor(lines: number) {
    this.aid = new Float64Array(Math.max(1, lines));
    this.clear();
  }

  /** Back to "the model decides everything". */
  clear(): void {
    this.posture.fill(-1);
    this.effort.fill(-1);
    this.demand.fill(NaN);
    this.leastAcceptable.fill(NaN);
    this.acceptMediator.fill(-1);
    this.mediatorOffer.fill(-1);
    this.mediatorCarrots.fill(NaN);
    this.mediatorSticks.fill(NaN);
    this.mediatorProposal.fill(NaN);
    this.mediatorApproach.fill(-1);
    this.leak = 0;
    this.aid.fill(NaN);
  }
}
