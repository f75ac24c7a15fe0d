/**
 * The history explorer: filters (type, era, mediation, channel, outcome) over GET /cases, the
 * matching wars on a timeline coloured by outcome, and the same wars as a list of links.
 * Type, outcome, mediation and channel are filtered by the server; era is the start year.
 */
import { useEffect, useId, useState, type JSX } from 'react';
import { casesPath, getJson, type CaseFilters, type CaseList, type CaseSummary } from './api.ts';
import {
  CHANNELS,
  ERAS,
  eraOf,
  formatIso,
  OUTCOMES,
  outcomeColour,
  outcomeLabel,
  TYPES,
  typeLabel,
} from './labels.ts';
import { Timeline } from './Timeline.tsx';

export interface Filters extends CaseFilters {
  era?: string;
}

// kept while the tab is open, so coming back from a case page keeps the reader's filters
let remembered: Filters = {};

const nowYear = () => {
  const d = new Date();
  return d.getUTCFullYear() + d.getUTCMonth() / 12;
};

function Select(props: {
  label: string;
  name: keyof Filters;
  value: string | undefined;
  options: { id: string; label: string }[];
  any: string;
  onChange: (name: keyof Filters, value: string | undefined) => void;
}): JSX.Element {
  const id = useId();
  return (
    <div className="history-filter">
      <label htmlFor={id}>{props.label}</label>
      <select
        id={id}
        name={props.name}
        value={props.value ?? ''}
        onChange={(e) => props.onChange(props.name, e.target.value || undefined)}
      >
        <option value="">{props.any}</option>
        {props.options.map((o) => (
          <option key={o.id} value={o.id}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export function Explorer(): JSX.Element {
  const [filters, setFilters] = useState<Filters>(remembered);
  const [state, setState] = useState<
    { kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'ok'; cases: CaseSummary[] }
  >({ kind: 'loading' });

  const { era, ...query } = filters;
  const path = casesPath(query);
  useEffect(() => {
    const ctl = new AbortController();
    setState((s) => (s.kind === 'ok' ? s : { kind: 'loading' }));
    void getJson<CaseList>(path, ctl.signal).then((r) => {
      if (ctl.signal.aborted) return;
      setState(r.ok ? { kind: 'ok', cases: r.value.cases } : { kind: 'error', message: r.message });
    });
    return () => ctl.abort();
  }, [path]);

  const change = (name: keyof Filters, value: string | undefined) => {
    const next = { ...filters, [name]: value };
    remembered = next;
    setFilters(next);
  };
  const clear = () => {
    remembered = {};
    setFilters({});
  };

  const shown =
    state.kind === 'ok'
      ? state.cases
          .filter((c) => !era || eraOf(c.start) === era)
          .sort((a, b) => a.start.localeCompare(b.start))
      : [];
  const active = Object.values(filters).some(Boolean);

  return (
    <div className="history-explorer">
      <form
        className="history-filters"
        aria-label="Filter the cases"
        onSubmit={(e) => e.preventDefault()}
      >
        <Select
          label="Type"
          name="type"
          value={filters.type}
          options={TYPES}
          any="All types"
          onChange={change}
        />
        <Select
          label="Era"
          name="era"
          value={filters.era}
          options={ERAS}
          any="All eras"
          onChange={change}
        />
        <Select
          label="Mediation"
          name="mediation"
          value={filters.mediation}
          options={[
            { id: 'yes', label: 'Mediated' },
            { id: 'no', label: 'Not mediated' },
          ]}
          any="With or without"
          onChange={change}
        />
        <Select
          label="Channel"
          name="channel"
          value={filters.channel}
          options={CHANNELS}
          any="Any channel"
          onChange={change}
        />
        <Select
          label="Outcome"
          name="outcome"
          value={filters.outcome}
          options={OUTCOMES}
          any="All outcomes"
          onChange={change}
        />
        <button type="button" onClick={clear} disabled={!active}>
          Clear filters
        </button>
      </form>

      <p className="history-count" aria-live="polite" role="status">
        {state.kind === 'loading'
          ? 'Loading cases…'
          : state.kind === 'error'
            ? ''
            : `${shown.length} ${shown.length === 1 ? 'war' : 'wars'}${active ? ' match these filters' : ' in the case base'}`}
      </p>
      {state.kind === 'error' ? (
        <p role="alert" className="error">
          Cannot load the cases: {state.message}
        </p>
      ) : null}

      {state.kind === 'ok' ? (
        <>
          <ul className="history-legend" aria-label="Outcome colours">
            {OUTCOMES.map((o) => (
              <li key={o.id}>
                <span className="swatch" style={{ background: o.colour }} aria-hidden="true" />
                {o.label}
              </li>
            ))}
          </ul>
          {shown.length > 0 ? <Timeline cases={shown} now={nowYear()} /> : null}
          {shown.length === 0 ? (
            <p>No war in the case base matches all of these filters.</p>
          ) : (
            <table className="history-cases">
              <caption className="visually-hidden">Cases, by start date</caption>
              <thead>
                <tr>
                  <th scope="col">War</th>
                  <th scope="col">Type</th>
                  <th scope="col">Began</th>
                  <th scope="col">Ended</th>
                  <th scope="col">Outcome</th>
                </tr>
              </thead>
              <tbody>
                {shown.map((c) => (
                  <tr key={c.id}>
                    <th scope="row">
                      <a href={`#/history/case/${encodeURIComponent(c.id)}`}>{c.name}</a>
                    </th>
                    <td>{typeLabel(c.type)}</td>
                    <td>{formatIso(c.start)}</td>
                    <td>{c.end ? formatIso(c.end) : 'ongoing'}</td>
                    <td>
                      <span
                        className="swatch"
                        style={{ background: outcomeColour(c.outcome) }}
                        aria-hidden="true"
                      />
                      {outcomeLabel(c.outcome)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      ) : null}
    </div>
  );
}
