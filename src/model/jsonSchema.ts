/** JSON Schema of the scenario, generated from the zod schema (the single source of truth). */
import { z } from 'zod';
import { ScenarioSchema } from './scenario.ts';

export function scenarioJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(ScenarioSchema, {
    io: 'input',
    unrepresentable: 'any',
    target: 'draft-2020-12',
  }) as Record<string, unknown>;
  return {
    ...schema,
    $id: 'https://parley.invalid/schema/scenario.json',
    title: 'Parley scenario',
    description:
      'A war scenario for Parley: parties, front, outside support, mediators, back channels, scheduled events and simulation settings.',
  };
}
