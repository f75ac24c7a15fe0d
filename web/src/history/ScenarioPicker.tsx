/**
 * Picks a saved scenario (GET /scenarios) for the pages that need one on the server: analogues
 * and report export. Starts on the scenario open in the shell, else the first saved one.
 */
import { useEffect, useId, useState, type JSX } from 'react';
import { api } from '../api.ts';

export function useScenarioChoice(open: string | undefined): {
  chosen: string | undefined;
  setChosen: (id: string | undefined) => void;
  scenarios: { id: string; name: string }[];
} {
  const [scenarios, setScenarios] = useState<{ id: string; name: string }[]>([]);
  const [chosen, setChosen] = useState<string | undefined>(open);
  useEffect(() => {
    const ctl = new AbortController();
    void api.listScenarios(ctl.signal).then((r) => {
      if (ctl.signal.aborted || !r.ok) return;
      setScenarios(r.value);
      setChosen((c) => c ?? r.value[0]?.id);
    });
    return () => ctl.abort();
  }, []);
  useEffect(() => {
    if (open) setChosen(open);
  }, [open]);
  return { chosen, setChosen, scenarios };
}

export function ScenarioPicker(props: {
  label: string;
  chosen: string | undefined;
  scenarios: { id: string; name: string }[];
  onChange: (id: string | undefined) => void;
}): JSX.Element {
  const id = useId();
  const { chosen, scenarios } = props;
  // a scenario open in the shell but not (yet) saved still shows as chosen
  const options =
    !chosen || scenarios.some((s) => s.id === chosen)
      ? scenarios
      : [{ id: chosen, name: chosen }, ...scenarios];
  return (
    <div className="history-filter history-picker">
      <label htmlFor={id}>{props.label}</label>
      <select
        id={id}
        value={chosen ?? ''}
        onChange={(e) => props.onChange(e.target.value || undefined)}
      >
        {options.length === 0 ? <option value="">No saved scenario</option> : null}
        {options.map((s) => (
          <option key={s.id} value={s.id}>
            {s.name}
          </option>
        ))}
      </select>
    </div>
  );
}
