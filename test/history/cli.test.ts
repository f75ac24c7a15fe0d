// The history commands, run in-process on the real case base (and ../shared/data when present).
import { Command } from 'commander';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { register as registerAnalogues } from '../../src/cli/commands/analogues.ts';
import { register as registerCases } from '../../src/cli/commands/cases.ts';
import { register as registerInsights } from '../../src/cli/commands/insights.ts';
import { HAVE_SHARED_DATA } from './sharedData.ts';

async function run(...args: string[]): Promise<string> {
  const program = new Command('parley').exitOverride();
  registerCases(program);
  registerAnalogues(program);
  registerInsights(program);
  let out = '';
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out += String(chunk);
    return true;
  });
  try {
    await program.parseAsync(['node', 'parley', ...args]);
  } finally {
    spy.mockRestore();
  }
  return out;
}

afterEach(() => {
  process.exitCode = undefined;
});

describe('history CLI', () => {
  it('parley cases lists valid cases with a count', async () => {
    const out = await run('cases', '--type', 'interstate');
    expect(out).toMatch(/russo-japanese-war-1904 +1904–1905 +interstate/);
    expect(out).toMatch(/\d+ cases: interstate \d+/);
  });

  it('parley case shows the timeline and sources', async () => {
    const out = await run('case', 'russo-japanese-war-1904');
    expect(out).toContain('Treaty of Portsmouth');
    expect(out).toContain('https://history.state.gov/');
  });

  it('parley case rejects an unknown id with a user error', async () => {
    await expect(run('case', 'no-such-war')).rejects.toThrow('no case "no-such-war"');
  });

  it('parley analogues on a case excludes the case itself and explains matches', async () => {
    const out = JSON.parse(await run('analogues', 'falklands-war-1982', '--top', '3', '--json'));
    expect(out.analogues).toHaveLength(3);
    expect(out.analogues.map((a: { caseId: string }) => a.caseId)).not.toContain(
      'falklands-war-1982',
    );
    expect(out.analogues[0].matched.length).toBeGreaterThan(0);
  });

  it('parley analogues accepts a bundled scenario', async () => {
    const out = await run('analogues', 'russia-ukraine-2024', '--onset', '2022-02', '--top', '5');
    expect(out).toMatch(/^Analogues for .*russia-ukraine-2024/);
    expect(out).toContain('duration before talks: 24 months');
  });

  it('parley insights prints a digest and JSON', async () => {
    const text = await run('insights', '--topic', 'momentum');
    expect(text).toContain('## Battlefield and talks');
    const json = JSON.parse(await run('insights', '--topic', 'termination', '--json'));
    expect(json.insights.length).toBe(HAVE_SHARED_DATA ? 4 : 0);
    if (!HAVE_SHARED_DATA) expect(json.notes.join(' ')).toContain('datasets not found');
    for (const i of json.insights) {
      expect(i.finding).toMatch(/\d/);
      expect(i.denominator).toBeGreaterThan(0);
    }
  });
});
