import type { Command } from 'commander';
import { z } from 'zod';
import { MechanismParamsSchema } from '../../engine/index.ts';

interface JsonSchemaNode {
  properties?: Record<string, JsonSchemaNode>;
  default?: unknown;
  description?: string;
  minimum?: number;
  maximum?: number;
  type?: string;
}

/** Every engine parameter with its default, range and meaning, read from the zod schema. */
export function parameterRows(): {
  mechanism: string;
  name: string;
  default: unknown;
  range: string;
  description: string;
}[] {
  const schema = z.toJSONSchema(MechanismParamsSchema, { io: 'input' }) as JsonSchemaNode;
  const rows = [];
  for (const [mechanism, node] of Object.entries(schema.properties ?? {}))
    for (const [name, p] of Object.entries(node.properties ?? {}))
      rows.push({
        mechanism,
        name,
        default: p.default,
        range: p.type === 'boolean' ? 'true/false' : `${p.minimum ?? ''}..${p.maximum ?? ''}`,
        description: (p.description ?? '').replace(/ \(default [^)]*\)$/, ''),
      });
  return rows;
}

export function register(program: Command): void {
  program
    .command('params')
    .description(
      'list every engine parameter with its default, range and meaning (override under `mechanisms:` in a scenario)',
    )
    .option('--json', 'print as JSON')
    .option('--markdown', 'print as a Markdown table')
    .addHelpText(
      'after',
      '\nExamples:\n  $ parley params\n  $ parley params --markdown > docs/parameters.md',
    )
    .action((opts: { json?: boolean; markdown?: boolean }) => {
      const rows = parameterRows();
      if (opts.json) return void process.stdout.write(JSON.stringify(rows, null, 2) + '\n');
      if (opts.markdown) {
        const out = [
          '| mechanism | parameter | default | range | meaning |',
          '|---|---|---|---|---|',
        ];
        for (const r of rows)
          out.push(
            `| ${r.mechanism} | \`${r.name}\` | ${String(r.default)} | ${r.range} | ${r.description.replace(/\|/g, '\\|')} |`,
          );
        return void process.stdout.write(out.join('\n') + '\n');
      }
      let last = '';
      for (const r of rows) {
        if (r.mechanism !== last) process.stdout.write(`\n${r.mechanism}\n`);
        last = r.mechanism;
        process.stdout.write(
          `  ${r.name.padEnd(28)} ${String(r.default).padStart(7)}  ${r.description}\n`,
        );
      }
    });
}
