// `parley play` driven through a pseudo-terminal (util-linux `script`), as a person over SSH
// would: from a decision file, and typed line by line (with a bad line first). The decision log
// it writes replays, through the core, to the fingerprint it printed.
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/data/scenarios.ts';
import { LogEntrySchema, replay } from '../../src/exercise/index.ts';
import { parseDecisionLine } from '../../src/cli/commands/play.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const BIN = join(ROOT, 'bin/parley.js');
const tmp = mkdtempSync(join(tmpdir(), 'parley-play-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const hasScript = (() => {
  try {
    execFileSync('script', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

const quote = (a: string) => `'${a.replace(/'/g, `'\\''`)}'`;

/** Run `parley …` inside a pseudo-terminal; `input` is typed into it. */
function inPty(args: string[], input = '') {
  const cmd = [process.execPath, BIN, ...args].map(quote).join(' ');
  return new Promise<{ code: number; out: string }>((done) => {
    const child = execFile(
      'script',
      ['-eqc', cmd, '/dev/null'],
      { cwd: tmp, env: { ...process.env, PARLEY_DEBUG: '' }, timeout: 120_000 },
      (err, stdout, stderr) =>
        done({ code: err ? ((err as { code?: number }).code ?? 1) : 0, out: stdout + stderr }),
    );
    child.stdin!.end(input);
  });
}

const bosnia = () => {
  const l = loadScenario('bosnia-1995').result;
  if (!l.ok) throw new Error('bosnia-1995 invalid');
  return l.value;
};

describe.skipIf(!hasScript)('parley play through a pseudo-terminal', () => {
  it('plays a full exercise from a decision file; its log replays to the same state', async () => {
    const moves = join(tmp, 'moves.yaml');
    writeFileSync(
      moves,
      [
        '- { month: 0, decision: { posture: closed, effort: escalate } }',
        '- { month: 1, decision: { posture: secret } }',
        '- { month: 2, decision: null }',
        '- { month: 3, decision: { posture: public, demand: 0.6, leastAcceptable: 0.55 } }',
      ].join('\n'),
    );
    const log = join(tmp, 'played.json');
    const args = ['play', 'bosnia-1995', '--as', 'bosnian-government', '--decisions', moves];
    const r = await inPty([...args, '--model-runs', '200', '--effects', '2', '--log', log]);
    expect(r.code, r.out).toBe(0);
    expect(r.out).toContain('you play Republic of Bosnia and Herzegovina');
    expect(r.out).toContain('decision: {"posture":"closed","effort":"escalate"}');
    expect(r.out).toContain("decision: the model's choice");
    expect(r.out).toMatch(/in the model, talks had opened by now in \d+ % of runs/);
    expect(r.out).toMatch(/Outcome: (settlement|ceasefire|victory|collapse|ongoing)/);
    expect(r.out).toMatch(/months of war \d+ \(percentile \d+\)/);
    expect(r.out).toContain('Decisions that moved it most');
    const printed = /State fingerprint: ([0-9a-f]{64})/.exec(r.out)![1];
    const entries = LogEntrySchema.array().parse(JSON.parse(readFileSync(log, 'utf8')));
    expect(entries[0]).toEqual({
      month: 0,
      role: 'bosnian-government',
      decision: { posture: 'closed', effort: 'escalate' },
    });
    const again = replay(bosnia(), { run: 0, roles: ['bosnian-government'] }, entries);
    expect(again.finished).toBe(true);
    expect(again.fingerprint()).toBe(printed);
    // and the log itself is a decision file: playing it again prints the same fingerprint
    const r2 = await inPty([
      ...args.slice(0, 4),
      '--decisions',
      log,
      '--model-runs',
      '50',
      '--effects',
      '0',
    ]);
    expect(r2.code, r2.out).toBe(0);
    expect(r2.out).toContain(`State fingerprint: ${printed}`);
  });

  it('typed decisions: a bad line is refused with the field named, then the month is played', async () => {
    const typed = 'posture=bogus\neffort=escalate posture=closed\n' + '\n'.repeat(70);
    const log = join(tmp, 'typed.json');
    const r = await inPty(
      [
        'play',
        'bosnia-1995',
        '--as',
        'bosnian-serbs',
        '--model-runs',
        '50',
        '--effects',
        '0',
        '--log',
        log,
      ],
      typed,
    );
    expect(r.code, r.out).toBe(0);
    expect(r.out).toMatch(/✖ posture: Invalid option/);
    expect(r.out).toContain('Outcome:');
    const entries = LogEntrySchema.array().parse(JSON.parse(readFileSync(log, 'utf8')));
    expect(entries[0].decision).toEqual({ effort: 'escalate', posture: 'closed' });
    expect(entries.slice(1).every((e) => e.decision === null)).toBe(true);
  });

  it('typed "wait N" lets the model decide N months; "rewind M" goes back (a bad one refused)', async () => {
    const typed = 'effort=escalate\nwait 3\nrewind 9\nrewind 2\nposture=secret\nwait 200\nquit\n';
    const log = join(tmp, 'waited.json');
    const r = await inPty(
      [
        'play',
        'bosnia-1995',
        '--as',
        'bosnian-government',
        '--model-runs',
        '50',
        '--effects',
        '0',
        '--log',
        log,
      ],
      typed,
    );
    expect(r.code, r.out).toBe(0);
    expect(r.out).toContain("decision: the model's choice (waiting, 1 more)");
    expect(r.out).toContain("decision: the model's choice (waiting, 0 more)");
    expect(r.out).toContain(
      '✖ rewind: month: rewind goes back to an earlier month, from 0 to 3; found 9',
    );
    expect(r.out).toContain('rewound to month 2');
    const entries = LogEntrySchema.array().parse(JSON.parse(readFileSync(log, 'utf8')));
    // month 0 escalated, month 1 the model's (kept), months 2 on replayed after the rewind
    expect(entries.slice(0, 3).map((e) => e.decision)).toEqual([
      { effort: 'escalate' },
      null,
      { posture: 'secret' },
    ]);
    const printed = /State fingerprint: ([0-9a-f]{64})/.exec(r.out)![1];
    const setup = { run: 0, roles: ['bosnian-government'] };
    expect(replay(bosnia(), setup, entries).fingerprint()).toBe(printed);
  });

  it('a decision the month does not allow stops with exit 2, naming file, month and field', async () => {
    const bad = join(tmp, 'bad.yaml');
    writeFileSync(bad, '- { month: 0, decision: { mediator: accept } }\n');
    const r = await inPty(['play', 'bosnia-1995', '--as', 'bosnian-serbs', '--decisions', bad]);
    expect(r.code).toBe(2);
    expect(r.out).toContain(`${bad}: month 0: mediator: no mediator is present to accept`);
    const shape = join(tmp, 'shape.yaml');
    writeFileSync(shape, '- { month: 0, decision: { demand: 1.5 } }\n');
    const r2 = await inPty(['play', 'bosnia-1995', '--as', 'bosnian-serbs', '--decisions', shape]);
    expect(r2.code).toBe(2);
    expect(r2.out).toMatch(/invalid decision file:\s+0\.decision\.demand: Too big/);
    const who = await inPty(['play', 'bosnia-1995', '--as', 'nobody']);
    expect(who.code).toBe(2);
    expect(who.out).toContain('option --as: nobody is not a party of bosnia-1995');
  });
});

describe('a typed decision line', () => {
  it('nests dotted fields: a patron’s aid and conditions, a mediator’s approach', () => {
    expect(
      parseDecisionLine(
        'aid.bosnian-serbs=0.4 conditions.bosnian-serbs.minimumShare=0.6 conditions.bosnian-serbs.opposesTalks=yes',
      ),
    ).toEqual({
      decision: {
        aid: { 'bosnian-serbs': 0.4 },
        conditions: { 'bosnian-serbs': { minimumShare: 0.6, opposesTalks: true } },
      },
    });
    expect(parseDecisionLine('approach=bosnian-serbs offerServices=yes')).toEqual({
      decision: { approach: 'bosnian-serbs', offerServices: true },
    });
    expect(parseDecisionLine('conditions.x.minimumShare=2').error).toMatch(
      /conditions\.x\.minimumShare: Too big/,
    );
  });
});
