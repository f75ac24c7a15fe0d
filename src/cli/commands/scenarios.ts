import type { Command } from 'commander';
import { listBundledScenarioIds, loadScenario } from '../../data/scenarios.ts';

export function register(program: Command): void {
  program
    .command('scenarios')
    .description('list the bundled scenarios')
    .option('--json', 'print as JSON')
    .addHelpText('after', '\nExamples:\n  $ parley scenarios\n  $ parley run russia-ukraine-2024')
    .action((opts: { json?: boolean }) => {
      const rows = listBundledScenarioIds().map((id) => {
        const { result } = loadScenario(id);
        if (!result.ok)
          return {
            id,
            name: '(invalid: run parley validate ' + id + ')',
            parties: [] as string[],
            horizonMonths: 0,
          };
        const s = result.value;
        const belligerents = s.parties.filter((p) => p.role === 'belligerent').map((p) => p.name);
        return {
          id,
          name: s.name,
          parties: belligerents,
          horizonMonths: s.settings.horizonMonths,
          startDate: s.settings.startDate,
        };
      });
      if (opts.json) {
        process.stdout.write(JSON.stringify(rows, null, 2) + '\n');
        return;
      }
      const w = Math.max(...rows.map((r) => r.id.length));
      for (const r of rows)
        process.stdout.write(
          `${r.id.padEnd(w)}  ${r.name}${r.parties.length ? ` (${r.parties.join(' vs ')})` : ''}\n`,
        );
    });
}
