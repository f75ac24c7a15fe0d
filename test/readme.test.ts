// The README quotes program output only from real runs (scripts/readme.ts): every marked block
// must equal a fresh run of its command, so the README never drifts from the engine. A stale
// block fails with its diff and the one command that regenerates the README.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  applyOutcomes,
  cut,
  normalise,
  parseReadme,
  README,
  renderAll,
  report,
} from '../scripts/readme.ts';

describe('README output blocks', () => {
  it('match a fresh run of their commands', { timeout: 180_000 }, async () => {
    const outcomes = await renderAll(readFileSync(README, 'utf8'));
    const { stale, skipped } = report(outcomes);
    for (const s of skipped) console.log(s);
    // the CLI blocks never skip for lack of a file (only dataset- and back-test-backed ones may)
    expect(outcomes.filter((o) => o.fresh !== undefined).length).toBeGreaterThanOrEqual(4);
    if (stale.length > 0)
      expect.fail(`${stale.join('\n\n')}\n\nRegenerate the README with: npm run readme`);
  });
});

describe('scripts/readme.ts', () => {
  // a one-row back-test result, rendered by the same table function `parley backtest` prints with
  const backtest = {
    options: { horizons: [6] },
    rows: [
      {
        source: 'ucdp',
        checkpoint: 0,
        model: 'base rate',
        n: 3,
        crps: 1.234,
        maeMedian: 2.5,
        pre: 0,
        brierSkill: { '6': 0.1 },
        cIndex: 0.5,
        logScoreVictory: null,
      },
    ],
  };

  it('finds a stale output-from block, shows the diff, and rewrites only its body', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parley-readme-test-'));
    try {
      const file = join(dir, 'bt.json');
      writeFileSync(file, JSON.stringify(backtest));
      const text = `intro\n\n<!-- output-from backtest-table: ${file} -->\n\`\`\`\nold table\n\`\`\`\n\nafter\n`;
      const outcomes = await renderAll(text);
      const { stale } = report(outcomes);
      expect(stale).toHaveLength(1);
      expect(stale[0]).toContain('README.md:3');
      expect(stale[0]).toContain('- old table');
      expect(stale[0]).toContain(
        '+ ucdp    0m  base rate  3  1.23  2.5  0.00  0.10  0.50        n/a',
      );
      const updated = applyOutcomes(text, outcomes);
      expect(updated.startsWith('intro\n\n<!-- output-from')).toBe(true);
      expect(updated.endsWith('```\n\nafter\n')).toBe(true);
      expect(updated).not.toContain('old table');
      // once regenerated, the check passes
      expect(report(await renderAll(updated)).stale).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('skips, and leaves alone, a block whose source file is absent', async () => {
    const text =
      '<!-- output-from backtest-table: /no-such-dir-parley/bt.json -->\n```\nkept\n```\n';
    const outcomes = await renderAll(text);
    expect(report(outcomes).skipped[0]).toContain('/no-such-dir-parley/bt.json is absent');
    expect(applyOutcomes(text, outcomes)).toBe(text);
  });

  it('reads marker options and refuses unknown ones or a marker without a block', () => {
    const [b] = parseReadme(
      '<!-- output prompt head=5 tail=14 needs=../x: parley compare s --threads 2 -->\n```\n```\n',
    );
    expect(b.marker).toEqual({
      kind: 'output',
      command: 'parley compare s --threads 2',
      prompt: true,
      server: false,
      head: 5,
      tail: 14,
      needs: '../x',
    });
    expect(() => parseReadme('<!-- output promt: parley run x -->\n```\n```\n')).toThrow(
      /unknown marker option "promt"/,
    );
    expect(() => parseReadme('<!-- output: parley run x -->\n\ntext\n')).toThrow(/fenced block/);
  });

  it('elides what varies between runs with a placeholder, and cuts long output the same way', () => {
    expect(
      normalise(
        '2000 runs, seed 1, 120 months; scenario 925faed97907, engine 0.1.0; 0.82 s  \n' +
          '  web UI:  http://127.0.0.1:7878/#token=parley_09c261736982_jMX61GtGK0H5MXDaHkGQ2Z2x3cqz8rGe\n\n',
      ),
    ).toBe(
      '2000 runs, seed 1, 120 months; scenario 925faed97907, engine 0.1.0; … s\n' +
        '  web UI:  http://127.0.0.1:7878/#token=parley_…',
    );
    // a token may end in '-' (no word boundary after it)
    expect(normalise('#token=parley_f96a34e33712_pw1XNpdLyEUpFnw53puMZdilXQnFBwJ-\n')).toBe(
      '#token=parley_…',
    );
    // a figure that merely looks like a time elsewhere is left alone
    expect(normalise('median 0.51 s')).toBe('median 0.51 s');
    const lines = Array.from({ length: 50 }, (_, i) => `l${i + 1}`);
    expect(cut(lines)).toEqual([...lines.slice(0, 40), '…']);
    expect(cut(lines, 2, 1)).toEqual(['l1', 'l2', '…', 'l50']);
    expect(cut(lines.slice(0, 3), 2, 1)).toEqual(['l1', 'l2', 'l3']);
  });
});
