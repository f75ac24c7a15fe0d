import type { Command } from 'commander';
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { rewriteRenamedFields } from '../../model/index.ts';
import { InputIssuesError, UserError } from '../exit.ts';
import { writeAtomic } from '../scenarioInput.ts';

/** `parley migrate`: rewrite scenario files that use renamed fields (src/model/renamedFields.ts). */
export function register(program: Command): void {
  program
    .command('migrate')
    .description(
      'rewrite scenario files to the current field names (renamed fields; YAML keeps its comments and layout)',
    )
    .argument('<files...>', 'scenario files (YAML or JSON)')
    .option('--check', 'change nothing; exit 1 if a file would be rewritten')
    .addHelpText(
      'after',
      '\nExamples:\n  $ parley migrate my-war.yaml\n  $ parley migrate --check scenarios/*.yaml',
    )
    .action((files: string[], opts: { check?: boolean }) => {
      let stale = 0;
      for (const file of files) {
        let text: string;
        try {
          text = readFileSync(file, 'utf8');
        } catch (e) {
          throw new UserError(`✖ ${file}: cannot read: ${(e as Error).message.split('\n')[0]}`);
        }
        const r = rewriteRenamedFields(text, extname(file).toLowerCase() === '.json');
        if (r.issues.length > 0) throw new InputIssuesError(file, r.issues);
        if (r.renamed.length === 0) {
          process.stdout.write(`✔ ${file}: current\n`);
          continue;
        }
        stale++;
        if (!opts.check) writeAtomic(file, r.text);
        process.stdout.write(
          `${opts.check ? '✖' : '✔'} ${file}: ${opts.check ? 'would rename' : 'renamed'} ${r.renamed.join(', ')}\n`,
        );
      }
      if (opts.check && stale > 0) process.exitCode = 1;
    });
}
