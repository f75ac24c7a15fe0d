/**
 * The what-if levers as a form: mediation, channels and incentives, a demonstration of strength.
 * Each control reports its change at once; the page recomputes.
 */
import type { JSX } from 'react';
import { belligerents } from '../../../src/engine/index.ts';
import type { Mediator, Scenario } from '../../../src/model/index.ts';
import type { Levers, MediatorMode } from './levers.ts';

export function LeverForm({
  s,
  levers,
  change,
}: {
  s: Scenario;
  levers: Levers;
  change: (patch: Partial<Levers>) => void;
}): JSX.Element {
  const [a, b] = belligerents(s);
  const mediators = s.parties.filter((p): p is Mediator => p.role === 'mediator');
  const last = s.settings.horizonMonths - 1;
  const first = mediators[0];
  const mediationMonth = levers.mediationMonth;
  return (
    <form className="levers" aria-label="What-if levers" onSubmit={(e) => e.preventDefault()}>
      <fieldset>
        <legend>Mediation</legend>
        <div className="field">
          <label htmlFor="lever-mediator">Mediator</label>
          <select
            id="lever-mediator"
            value={levers.mediator}
            onChange={(e) => change({ mediator: e.target.value as MediatorMode })}
          >
            <option value="as-written">
              as written ({mediators.length ? mediators.map((m) => m.name).join(', ') : 'none'})
            </option>
            <option value="none">none at all (no mediator, named or not)</option>
            <option value="neutral">{first ? first.name : 'a what-if mediator'} neutral</option>
            <option value="toward-A">
              {first ? first.name : 'a what-if mediator'} leaning toward {a.name}
            </option>
            <option value="toward-B">
              {first ? first.name : 'a what-if mediator'} leaning toward {b.name}
            </option>
          </select>
        </div>
        {mediators.length > 1 ? (
          <div className="field checkbox">
            <input
              id="lever-only"
              type="checkbox"
              checked={levers.othersStayOut}
              disabled={levers.mediator === 'none'}
              onChange={(e) => change({ othersStayOut: e.target.checked })}
            />
            <label htmlFor="lever-only">
              Only {mediators[0].name} mediates (
              {mediators
                .slice(1)
                .map((m) => m.name)
                .join(', ')}{' '}
              stay out)
            </label>
          </div>
        ) : null}
        <div className="field">
          <label htmlFor="lever-month">
            Mediation offered from month{first ? ` (${first.name})` : ''}
          </label>
          <input
            id="lever-month"
            type="range"
            min={0}
            max={Math.min(last, 60)}
            step={1}
            value={mediationMonth ?? 0}
            disabled={levers.mediator === 'none' || (!first && levers.mediator === 'as-written')}
            aria-valuetext={mediationMonth === null ? 'as written' : `month ${mediationMonth}`}
            onChange={(e) => change({ mediationMonth: Number(e.target.value) })}
          />
          <output htmlFor="lever-month">
            {mediationMonth === null ? 'as written' : `month ${mediationMonth}`}
          </output>
        </div>
        <div className="field checkbox">
          <input
            id="lever-confidential"
            type="checkbox"
            checked={levers.confidential}
            disabled={levers.mediator === 'none'}
            onChange={(e) => change({ confidential: e.target.checked })}
          />
          <label htmlFor="lever-confidential">
            Confidential (what each side says stays with the mediator)
          </label>
        </div>
      </fieldset>
      <fieldset>
        <legend>Channels and incentives</legend>
        <div className="field">
          <label htmlFor="lever-channel">Back channel</label>
          <select
            id="lever-channel"
            value={levers.backChannel}
            onChange={(e) => change({ backChannel: e.target.value as Levers['backChannel'] })}
          >
            <option value="as-written">as written ({s.backChannels.length})</option>
            <option value="on">open from month 0</option>
            <option value="off">none</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="lever-aid">Reconstruction aid to {b.name} for opening talks</label>
          <input
            id="lever-aid"
            type="range"
            min={0}
            max={0.3}
            step={0.01}
            value={levers.reconstructionAid}
            aria-valuetext={`${Math.round(levers.reconstructionAid * 100)}% of the stake`}
            onChange={(e) => change({ reconstructionAid: Number(e.target.value) })}
          />
          <output htmlFor="lever-aid">
            {Math.round(levers.reconstructionAid * 100)}% of the stake
          </output>
        </div>
        <div className="field">
          <label htmlFor="lever-waning">How fast outside aid to {b.name} wanes</label>
          <input
            id="lever-waning"
            type="range"
            min={0}
            max={5}
            step={0.25}
            value={levers.aidWaning}
            aria-valuetext={`${levers.aidWaning} times the scenario's rate`}
            onChange={(e) => change({ aidWaning: Number(e.target.value) })}
          />
          <output htmlFor="lever-waning">×{levers.aidWaning} the scenario&apos;s rate</output>
        </div>
      </fieldset>
      <fieldset>
        <legend>Demonstration of strength</legend>
        <div className="field">
          <label htmlFor="lever-strength-side">By</label>
          <select
            id="lever-strength-side"
            value={levers.strengthSide}
            onChange={(e) => change({ strengthSide: e.target.value as 'A' | 'B' })}
          >
            <option value="A">{a.name}</option>
            <option value="B">{b.name}</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="lever-strength-size">Size (0 = none)</label>
          <input
            id="lever-strength-size"
            type="range"
            min={0}
            max={1}
            step={0.05}
            value={levers.strengthSize}
            onChange={(e) => change({ strengthSize: Number(e.target.value) })}
          />
          <output htmlFor="lever-strength-size">{levers.strengthSize.toFixed(2)}</output>
        </div>
        <div className="field">
          <label htmlFor="lever-strength-month">In month</label>
          <input
            id="lever-strength-month"
            type="range"
            min={0}
            max={Math.min(last, 60)}
            value={levers.strengthMonth}
            onChange={(e) => change({ strengthMonth: Number(e.target.value) })}
          />
          <output htmlFor="lever-strength-month">month {levers.strengthMonth}</output>
        </div>
      </fieldset>
    </form>
  );
}
