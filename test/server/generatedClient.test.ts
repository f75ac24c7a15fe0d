/**
 * Proof that /openapi.json is a real contract: a client generated from it by a standard tool
 * (openapi-typescript-codegen, fetch client) creates a scenario, runs it and reads the result
 * from a real listening server.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate } from 'openapi-typescript-codegen';
import { RunResultSchema } from '../../src/engine/index.ts';
import { closePools } from '../../src/jobs/localPool.ts';
import { smallScenario, startTestServer, type TestServer } from './helper.ts';

let s: TestServer;
let out: string;
beforeAll(async () => {
  s = await startTestServer();
  out = mkdtempSync(join(tmpdir(), 'parley-client-'));
});
afterAll(async () => {
  await s?.close();
  await closePools();
  if (out) rmSync(out, { recursive: true, force: true });
});

describe('client generated from /openapi.json', () => {
  it('creates a scenario, runs it and reads the result', async () => {
    const spec = (await (await fetch(`${s.url}/openapi.json`)).json()) as Record<string, unknown>;
    await generate({ input: spec, output: out, httpClient: 'fetch', useOptions: true });
    // the named components become named types (models/Scenario.ts, …), exported by the client
    for (const name of [
      'Scenario',
      'ScenarioInput',
      'RunResult',
      'RunRecord',
      'Case',
      'Analogue',
      'Insight',
      'Issue',
      'Error',
    ])
      expect(existsSync(join(out, 'models', `${name}.ts`)), name).toBe(true);
    expect(readFileSync(join(out, 'index.ts'), 'utf8')).toMatch(
      /export (type )?\{ RunResult \} from '\.\/models\/RunResult';/,
    );
    const client = await import(pathToFileURL(join(out, 'index.ts')).href);
    client.OpenAPI.BASE = s.url;
    client.OpenAPI.TOKEN = s.token;

    const scenario = smallScenario({ id: 'client-war', name: 'Client war' });
    const created = await client.ScenariosService.createScenario({ requestBody: scenario });
    expect(created).toMatchObject({ created: true, version: { id: 'client-war', version: 1 } });

    const started = await client.RunsService.startRun({
      requestBody: { scenarioId: 'client-war', runs: 250, seed: 11 },
    });
    expect(started.run.status).toBe('done');

    const read = await client.RunsService.getRun({ id: started.run.id });
    expect(RunResultSchema.parse(read.result).meta).toMatchObject({
      scenarioId: 'client-war',
      runs: 250,
      seed: 11,
    });
    expect(read.result).toEqual(started.result);

    // the generated client surfaces API errors with their status
    client.OpenAPI.TOKEN = undefined;
    await expect(
      client.ScenariosService.createScenario({ requestBody: scenario }),
    ).rejects.toMatchObject({ status: 401 });
  });
});
