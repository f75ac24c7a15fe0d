import type { Command } from 'commander';
import { scenarioJsonSchema } from '../../model/index.ts';

export function register(program: Command): void {
  program
    .command('schema')
    .description(
      'print the JSON Schema of scenario files (for editors and the YAML language server)',
    )
    .addHelpText(
      'after',
      '\nExamples:\n  $ parley schema > scenario.schema.json\n  then start a YAML scenario with:  # yaml-language-server: $schema=./scenario.schema.json',
    )
    .action(() => {
      process.stdout.write(JSON.stringify(scenarioJsonSchema(), null, 2) + '\n');
    });
}
