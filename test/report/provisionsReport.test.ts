// The report's Provisions section: filled from the datasets (with the run's own terms as a draft
// term sheet), or a note naming the missing datasets; never a link to the network.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/cli/program.ts';
import { SHARED_DATA } from '../history/sharedData.ts';

const dir = mkdtempSync(join(tmpdir(), 'parley-provisions-report-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const HAVE = existsSync(join(SHARED_DATA, 'pa-x/pax_all_agreements_v2.csv'));

async function report(data: string): Promise<string> {
  const out = join(dir, `r-${Math.random().toString(36).slice(2)}.html`);
  const program = await buildProgram();
  program.exitOverride();
  await program.parseAsync([
    'node',
    'parley',
    'report',
    'russia-ukraine-2024',
    '-o',
    out,
    '--runs',
    '200',
    '--horizon',
    '60',
    '--sensitivity-runs',
    '0',
    '--data',
    data,
  ]);
  const html = readFileSync(out, 'utf8');
  return html.slice(
    html.indexOf('<section id="provisions">'),
    html.indexOf('</section>', html.indexOf('<section id="provisions">')),
  );
}

describe('report: Provisions section', () => {
  it.skipIf(!HAVE)(
    'with the datasets: frequencies, durability, published findings and a labelled term sheet',
    async () => {
      const s = await report(SHARED_DATA);
      expect(s).toContain('<h2>Provisions</h2>');
      expect(s).toContain('share of comparable agreements');
      expect(s).toContain('Hartzell');
      expect(s).toContain('Draft term sheet: a starting point for drafting, not advice.');
      expect(s).toContain('Association, not effect');
      expect(s).not.toMatch(/href="http/);
    },
  );

  it('without them: a note naming each missing dataset and how to get it', async () => {
    const s = await report(mkdtempSync(join(tmpdir(), 'parley-nodata-')));
    expect(s).toMatch(/needs datasets not found.*pax \(PA-X v2\).*ucdp-termination/s);
    expect(s).toContain('To get them');
  });
});
