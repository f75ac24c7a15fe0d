/** The what-if's headline numbers against the scenario as written, with the change. */
import type { JSX } from 'react';
import type { RunResult } from '../../../src/engine/index.ts';
import { Term } from '../Term.tsx';
import { WHATIF_RUNS } from './useWhatIfRuns.ts';
import { delta, metrics } from './whatifNumbers.ts';

export function NumbersTable({
  r,
  baseline,
}: {
  r: RunResult;
  baseline: RunResult | undefined;
}): JSX.Element {
  return (
    <table className="whatif-numbers">
      <caption>
        What-if against the <Term id="baseline">scenario as written</Term> (
        {WHATIF_RUNS.toLocaleString('en')} <Term id="run">runs</Term> each, on{' '}
        <Term id="common-random-numbers" />)
      </caption>
      <thead>
        <tr>
          <th scope="col">outcome</th>
          <th scope="col">as written</th>
          <th scope="col">what-if</th>
          <th scope="col">change</th>
        </tr>
      </thead>
      <tbody>
        {metrics(r).map((m, k) => {
          const base = baseline ? metrics(baseline)[k] : undefined;
          return (
            <tr key={m.key} data-key={m.key}>
              <th scope="row">
                {'term' in m && m.term ? <Term id={m.term}>{m.label}</Term> : m.label}
              </th>
              <td>{base ? base.fmt(base.value) : '…'}</td>
              <td className="value">{m.fmt(m.value)}</td>
              <td className="delta">{base ? delta(m.kind, m.value, base.value) : ''}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
