import type { Command } from 'commander';
import { loadScenario } from '../../data/scenarios.ts';
import { InputIssuesError, UserError } from '../exit.ts';
import { paint } from '../colour.ts';
import { warnDeprecations } from '../warnings.ts';

export function register(program: Command): void {
  program
    .command('validate')
    .description('check scenario files and list every problem at once (exit 2 if any is invalid)')
    .argument('<files...>', 'scenario files (YAML or JSON) or bundled scenario ids')
    .addHelpText(
      'after',
      '\nExamples:\n  $ parley validate my-war.yaml\n  $ parley validate data/scenarios/*.yaml',
    )
    .action((files: string[]) => {
      const { good } = paint(process.stdout);
      const failures: InputIssuesError[] = [];
      for (const file of files) {
        const { source, result } = loadScenario(file);
        if (result.ok) {
          warnDeprecations(source, result.warnings);
          const s = result.value;
          process.stdout.write(
            `${good('✔')} ${source}: ${s.name} (${s.parties.length} parties, ${s.settings.horizonMonths} months)\n`,
          );
        } else failures.push(new InputIssuesError(source, result.issues));
      }
      if (failures.length === 1) throw failures[0];
      if (failures.length > 1)
        throw new UserError(
          failures.map((f) => f.message).join('\n') +
            `\n✖ ${failures.length} of ${files.length} files are invalid`,
        );
    });
}
