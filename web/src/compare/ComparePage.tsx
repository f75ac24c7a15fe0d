/**
 * Compare view: the scenario's own variants (and, on request, the current what-if settings) run
 * side by side on common random numbers in the engine worker, with the paired differences chart
 * of the reports and the ranking by goal of `parley compare` (src/analysis compareVariants).
 */
import { useMemo, useState, type JSX } from 'react';
import {
  applyVariant,
  variantEdits,
  type Comparison,
  type ScenarioEdit,
} from '../../../src/analysis/index.ts';
import { interventionComparisonChart } from '../../../src/report/charts/index.ts';
import type { Shared, Workspace } from '../workspace.ts';
import { Chart } from '../Chart.tsx';
import { countEdits, EditList } from '../EditList.tsx';
import { Term } from '../Term.tsx';
import { compareInWorker } from '../engine/client.ts';
import type { ExtraVariant } from '../engine/protocol.ts';
import { applyLevers, describeLevers, leverEdits, leversOf } from '../whatif/levers.ts';

/** The edits a variant makes, folded under its name. */
function VariantEdits({ edits, id }: { edits: ScenarioEdit[] | string; id: string }): JSX.Element {
  return (
    <details className="edits" data-edits={id}>
      <summary>{typeof edits === 'string' ? 'invalid' : countEdits(edits.length)}</summary>
      {typeof edits === 'string' ? <p className="error">{edits}</p> : <EditList edits={edits} />}
    </details>
  );
}

/** A gain toward a goal, in the metric's unit: percentage points, months or people. */
function signed(x: number, unit: string): string {
  const sign = x > 0 ? '+' : x < 0 ? '−' : '±';
  const a = Math.abs(x);
  if (unit === 'share') return `${sign}${(a * 100).toFixed(1)} pts`;
  if (unit === 'months') return `${sign}${a.toFixed(a < 10 ? 1 : 0)} months`;
  return `${sign}${Math.round(a).toLocaleString('en')}`;
}

export function ComparePage({ shared, ws }: { shared: Shared; ws: Workspace }): JSX.Element {
  const s = ws.working;
  const variants = s.variants ?? [];
  const [chosen, setChosen] = useState<Set<string>>(() => new Set(variants.map((v) => v.id)));
  const levers = shared.levers;
  const whatifChanged =
    levers !== undefined && describeLevers(s, levers) !== describeLevers(s, leversOf(s));
  const [withWhatIf, setWithWhatIf] = useState(whatifChanged);
  const [runs, setRuns] = useState(500);
  const [state, setState] = useState<{
    busy: boolean;
    progress?: string;
    error?: string;
    ms?: number;
  }>({ busy: false });
  const [comparison, setComparison] = useState<Comparison>();
  const editsOf = useMemo(
    () =>
      new Map(
        variants.map((v) => {
          const r = applyVariant(s, v);
          return [
            v.id,
            r.ok ? variantEdits(s, r.value) : r.issues.map((i) => i.message).join('; '),
          ];
        }),
      ),
    [s],
  );
  const whatifEdits = useMemo(() => {
    if (!levers) return undefined;
    const r = leverEdits(s, levers);
    return r.ok ? r.value : r.issues.map((i) => i.message).join('; ');
  }, [s, levers]);

  const run = async () => {
    const extra: ExtraVariant[] = [];
    if (withWhatIf && levers) {
      const edited = applyLevers(s, levers);
      if (!edited.ok)
        return setState({ busy: false, error: edited.issues.map((i) => i.message).join('; ') });
      extra.push({
        id: 'what-if',
        name: `What-if: ${describeLevers(s, levers)}`,
        scenario: edited.value,
      });
    }
    setState({ busy: true, progress: 'starting…' });
    try {
      const r = await compareInWorker(s, { runs, variantIds: [...chosen], extra }, (done, total) =>
        setState({ busy: true, progress: `${done} of ${total} simulated` }),
      );
      if (!r) return;
      setComparison(r.comparison);
      setState({ busy: false, ms: r.ms });
    } catch (e) {
      setState({ busy: false, error: (e as Error).message });
    }
  };

  const spec = useMemo(
    () =>
      comparison && comparison.variants.length > 1
        ? interventionComparisonChart(comparison)
        : undefined,
    [comparison],
  );
  const unitOf = (metric: string) => comparison?.metrics.find((m) => m.id === metric)?.unit ?? '';

  return (
    <section aria-labelledby="compare-title" className="compare">
      <div className="page-head">
        <h1 id="compare-title">Compare interventions</h1>
        <label className="inline">
          Runs each{' '}
          <select value={runs} onChange={(e) => setRuns(Number(e.target.value))}>
            {[200, 500, 1000, 2000].map((n) => (
              <option key={n} value={n}>
                {n.toLocaleString('en')}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          className="primary"
          onClick={() => void run()}
          disabled={state.busy || (chosen.size === 0 && !withWhatIf)}
        >
          {state.busy ? 'Comparing…' : 'Compare'}
        </button>
      </div>
      <fieldset className="variant-choice">
        <legend>
          <Term id="variant">Variants</Term> against the <Term id="baseline" /> (the scenario as
          written)
        </legend>
        {variants.length === 0 ? (
          <p className="note">
            This scenario has no <code>variants:</code>; add some in the YAML view, or compare the
            current what-if settings.
          </p>
        ) : null}
        {variants.map((v) => (
          <div key={v.id} className="field checkbox">
            <input
              id={`variant-${v.id}`}
              type="checkbox"
              checked={chosen.has(v.id)}
              onChange={(e) => {
                const next = new Set(chosen);
                if (e.target.checked) next.add(v.id);
                else next.delete(v.id);
                setChosen(next);
              }}
            />
            <label htmlFor={`variant-${v.id}`}>
              {v.name} <code className="muted">{v.id}</code>
            </label>
            <VariantEdits edits={editsOf.get(v.id) ?? []} id={v.id} />
          </div>
        ))}
        <div className="field checkbox">
          <input
            id="variant-whatif"
            type="checkbox"
            checked={withWhatIf}
            onChange={(e) => setWithWhatIf(e.target.checked)}
            disabled={!levers}
          />
          <label htmlFor="variant-whatif">
            The current what-if settings
            {levers ? ` (${describeLevers(s, levers)})` : ' (none set yet: use the What-if page)'}
          </label>
          {whatifEdits ? <VariantEdits edits={whatifEdits} id="what-if" /> : null}
        </div>
      </fieldset>
      <p className="status" role="status" aria-live="polite">
        {state.error
          ? `✖ ${state.error}`
          : state.busy
            ? `Simulating on common random numbers: ${state.progress ?? ''}`
            : comparison && state.ms !== undefined
              ? `${comparison.variants.length} scenarios × ${comparison.runs.toLocaleString('en')} runs, paired, in ${(state.ms / 1000).toFixed(1)} s`
              : ''}
      </p>
      {comparison ? (
        <>
          <h2>Which intervention does most for which goal</h2>
          <p className="help">
            Ranked by the <Term id="paired-difference" /> from the <Term id="baseline" /> (on{' '}
            <Term id="common-random-numbers" />
            ); ✓ = a clear gain (the 95% interval lies on the better side of zero), ✗ = a clear harm
            (it lies on the worse side), · = unclear.
          </p>
          <div className="rankings">
            {comparison.ranking.map(({ goal, entries }) => (
              <table key={goal.id} className="ranking compact" data-goal={goal.id}>
                <caption>{goal.label}</caption>
                <tbody>
                  {entries.map((e, k) => (
                    <tr key={e.id} data-variant={e.id}>
                      <td>{k + 1}.</td>
                      <th scope="row">{e.name}</th>
                      <td className="num">{signed(e.gain, unitOf(goal.metric))}</td>
                      <td
                        aria-label={
                          e.verdict === 'gain'
                            ? 'clear gain: the interval lies above zero'
                            : e.verdict === 'harm'
                              ? 'clear harm: the interval lies below zero'
                              : 'unclear: the interval includes zero'
                        }
                        className={`verdict-${e.verdict}`}
                      >
                        {e.verdict === 'gain' ? '✓' : e.verdict === 'harm' ? '✗' : '·'}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ))}
          </div>
          {spec ? (
            <Chart id="compare" spec={spec} label="Interventions compared with the baseline" />
          ) : null}
        </>
      ) : null}
    </section>
  );
}
