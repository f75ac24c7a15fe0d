// `parley provisions` in process against the raw PA-X and UCDP termination CSVs: the frequencies
// and a durability figure are recomputed here by a separate, plain code path (own CSV reader).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { register } from '../../src/cli/commands/provisions.ts';
import { REPO_ROOT, SHARED_DATA } from './sharedData.ts';

const HAVE = (() => {
  try {
    readFileSync(join(SHARED_DATA, 'pa-x/pax_all_agreements_v2.csv'));
    readFileSync(join(SHARED_DATA, 'ucdp-termination/ucdp_term_conflict_v3-2021.csv'));
    return true;
  } catch {
    console.warn(
      `provisions tests on the raw data skipped: PA-X or UCDP termination not in ${SHARED_DATA}`,
    );
    return false;
  }
})();

async function run(...args: string[]): Promise<string> {
  const program = new Command('parley').exitOverride();
  register(program);
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

/** A deliberately simple RFC-4180 reader: quoted fields, doubled quotes, newlines inside quotes. */
function readCsv(file: string): Record<string, string>[] {
  const text = readFileSync(file, 'utf8');
  const records: string[][] = [];
  let field = '';
  let rec: string[] = [];
  let quoted = false;
  const endField = () => {
    rec.push(field);
    field = '';
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') endField();
    else if (ch === '\n') {
      endField();
      records.push(rec);
      rec = [];
    } else if (ch !== '\r') field += ch;
  }
  if (field !== '' || rec.length > 0) {
    endField();
    records.push(rec);
  }
  const [header, ...rows] = records;
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
}

describe.skipIf(!HAVE)('parley provisions against the raw CSVs', () => {
  const pax = HAVE ? readCsv(join(SHARED_DATA, 'pa-x/pax_all_agreements_v2.csv')) : [];
  const term = HAVE
    ? readCsv(join(SHARED_DATA, 'ucdp-termination/ucdp_term_conflict_v3-2021.csv'))
    : [];
  const byId = new Map(pax.map((r) => [Number(r.AgtId), r]));
  // no case base: every outcome then comes from UCDP, which this test recomputes
  const noCases = mkdtempSync(join(tmpdir(), 'parley-nocases-'));

  it('russia-ukraine-2024: the filters, two provision frequencies and a durability figure match the raw data', async () => {
    const r = JSON.parse(
      await run(
        'provisions',
        'russia-ukraine-2024',
        '--json',
        '--no-terms',
        '--cases',
        noCases,
        '--data',
        SHARED_DATA,
        '--region',
        'Europe and Eurasia',
      ),
    );
    const passes = (a: Record<string, string>) =>
      a.Status === 'Multiparty signed/agreed' &&
      ['Inter', 'InterIntra'].includes(a.Agtp) &&
      ['Territory', 'Government/territory'].includes(a.Contp) &&
      ['Cea', 'SubPar', 'SubComp'].includes(a.Stage);
    expect(r.candidates).toBe(pax.filter(passes).length);
    const ids = (r.agreements as { paxId: number }[]).map((a) => a.paxId);
    expect(ids.length).toBeGreaterThan(20);
    for (const id of ids) expect(passes(byId.get(id)!)).toBe(true);

    const frequencies = r.frequencies as { family: string; present: unknown }[];
    const freq = (family: string) => frequencies.find((f) => f.family === family)!.present;
    const withCode = (code: string) => ids.filter((id) => Number(byId.get(id)![code]) > 0);
    expect(freq('ceasefire')).toMatchObject({ k: withCode('Ce').length, n: ids.length });
    expect(freq('security-guarantees')).toMatchObject({
      k: withCode('SsrGua').length,
      n: ids.length,
    });
    expect(withCode('Ce').length).toBeGreaterThan(0);

    // war within 5 years after agreements with a ceasefire provision, from the conflict-years
    const active = new Set(term.map((t) => `${t.conflict_id}:${t.year}`));
    const last = Math.max(...term.map((t) => Number(t.year)));
    const conflicts = new Set(term.map((t) => t.conflict_id));
    let k = 0;
    let n = 0;
    for (const id of withCode('Ce')) {
      const a = byId.get(id)!;
      const y = Number(a.Dat.slice(0, 4));
      if (!conflicts.has(a.UcdpCon) || y + 5 > last) continue;
      n++;
      if ([1, 2, 3, 4, 5].some((d) => active.has(`${a.UcdpCon}:${y + d}`))) k++;
    }
    const d = r.durability.find(
      (x: { family: string; years: number }) => x.family === 'ceasefire' && x.years === 5,
    );
    expect(d.with).toMatchObject({ k, n });
    expect(n).toBeGreaterThan(0);
    expect(d.with.interval.low).toBeLessThanOrEqual(k / n);
    expect(d.with.interval.high).toBeGreaterThanOrEqual(k / n);
    expect(r.caveats.join(' ')).toContain('Association, not effect');
  });

  it('a war no PA-X agreement matches says so and what to relax', async () => {
    const yaml = readFileSync(
      join(REPO_ROOT, 'data/scenarios/russia-ukraine-2024.yaml'),
      'utf8',
    ).replace(/^type: interstate$/m, 'type: extra-state');
    const file = join(mkdtempSync(join(tmpdir(), 'parley-scenario-')), 'extra-state.yaml');
    writeFileSync(file, yaml);
    const out = await run(
      'provisions',
      file,
      '--no-terms',
      '--cases',
      noCases,
      '--data',
      SHARED_DATA,
    );
    expect(out).toContain('No PA-X agreement matches');
    expect(out).toMatch(
      /agreement types Inter,InterIntra,Intra \(--agreement-type Inter,InterIntra,Intra\): [1-9]\d* agreements would match/,
    );
    const json = JSON.parse(
      await run(
        'provisions',
        file,
        '--json',
        '--no-terms',
        '--cases',
        noCases,
        '--data',
        SHARED_DATA,
      ),
    );
    expect(json.agreements).toEqual([]);
    expect(json.termSheet).toBeNull();
  });

  it('a case lists its own agreements apart, with the relapse record from the case base', async () => {
    const r = JSON.parse(
      await run('provisions', 'bosnia-war-dayton-1995', '--json', '--data', SHARED_DATA),
    );
    const dayton = r.own.find((a: { paxId: number }) => a.paxId === 389);
    expect(dayton).toMatchObject({ outcomeSource: 'case', relapse2y: false, relapse5y: false });
    // the UCDP Peace Agreement Dataset record PA-X links (UcdpAgr), read here from the raw files
    const ucdp = readCsv(
      join(SHARED_DATA, 'ucdp-peace-agreements/ucdp_peace_agreements_v22.1.csv'),
    );
    const link = byId.get(389)!.UcdpAgr;
    const u = ucdp.find((x) => x.paid === link)!;
    expect(u).toBeDefined();
    expect(dayton.ucdpAgreement.paid).toBe(Number(link));
    expect(dayton.ucdpAgreement.endedOn).toBe(u.ended === 'True' ? u.duration || null : null);
    expect(r.agreements.some((a: { paxId: number }) => a.paxId === 389)).toBe(false);
    // secession and territory at stake, not government
    expect(r.query.conflictTypes).toEqual(['Territory', 'Government/territory']);
    expect(r.termSheet).toBeNull();
  });

  it('a scenario gets a draft term sheet from the engine run, labelled as a starting point', async () => {
    const out = await run(
      'provisions',
      'russia-ukraine-2024',
      '--runs',
      '200',
      '--cases',
      noCases,
      '--data',
      SHARED_DATA,
    );
    expect(out).toContain('Draft term sheet: a starting point for drafting, not advice.');
    expect(out).toMatch(/1\. Division of the contested territory .*Russian Federation about \d+%/);
  });
});

describe('parley provisions: bad input', () => {
  it('names the missing datasets and how to get them', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'parley-nodata-'));
    await expect(run('provisions', 'russia-ukraine-2024', '--data', empty)).rejects.toThrow(
      /needs datasets not found[\s\S]*pax \(PA-X v2\)[\s\S]*ucdp-termination[\s\S]*To get them/,
    );
  });

  it('rejects an unknown stage with the allowed values', async () => {
    await expect(run('provisions', 'russia-ukraine-2024', '--stage', 'Final')).rejects.toThrow(
      /--stage: unknown value "Final" \(one or more of Pre, Cea/,
    );
  });

  it('rejects an unknown reference', async () => {
    await expect(run('provisions', 'no-such-war')).rejects.toThrow(
      /not a case id, a bundled scenario or a file/,
    );
  });
});
