// The fetch logic against a local HTTP server on loopback: download, checksum verification,
// atomic write (no partial file on failure) and clear errors.
import { createServer, type Server } from 'node:http';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchDataset, sha256Hex } from './fetchDataset.ts';

const BODY = Buffer.from('WarNum,WarName\n1,Franco-Spanish War\n');
let server: Server;
let base = '';
let dir = '';

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/data.csv') res.end(BODY);
    else if (req.url === '/empty.csv') res.end();
    else if (req.url === '/moved') res.writeHead(302, { location: '/data.csv' }).end();
    else if (req.url === '/hang') return; // never answers
    else res.writeHead(404, 'Not Found').end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  dir = mkdtempSync(join(tmpdir(), 'parley-fetch-'));
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
  rmSync(dir, { recursive: true, force: true });
});

const onlyFiles = () => readdirSync(dir).sort();

describe('fetchDataset', () => {
  it('downloads, verifies the recorded SHA-256 and writes the file', async () => {
    const dest = join(dir, 'ok', 'data.csv');
    const r = await fetchDataset({ url: `${base}/data.csv`, dest, sha256: sha256Hex(BODY) });
    expect(r).toEqual({ ok: true, path: dest, sha256: sha256Hex(BODY), bytes: BODY.length, verified: true });
    expect(readFileSync(dest)).toEqual(BODY);
  });
  it('follows redirects and reports an unverified download when no checksum is recorded', async () => {
    const r = await fetchDataset({ url: `${base}/moved`, dest: join(dir, 'moved.csv') });
    expect(r.ok && r.verified).toBe(false);
    expect(r.ok && r.sha256).toBe(sha256Hex(BODY));
  });
  it('refuses a checksum mismatch and leaves neither the file nor a partial file', async () => {
    const before = onlyFiles();
    const dest = join(dir, 'bad.csv');
    const r = await fetchDataset({ url: `${base}/data.csv`, dest, sha256: '0'.repeat(64) });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.issue.code).toBe('checksum_mismatch');
    expect(!r.ok && r.issue.message).toContain('differs from the recorded');
    expect(existsSync(dest)).toBe(false);
    expect(onlyFiles()).toEqual(before);
  });
  it('keeps an existing file when a new download fails', async () => {
    const dest = join(dir, 'keep.csv');
    await fetchDataset({ url: `${base}/data.csv`, dest });
    const r = await fetchDataset({ url: `${base}/missing.csv`, dest });
    expect(!r.ok && r.issue).toMatchObject({ code: 'http_error', message: 'the server answered 404 Not Found' });
    expect(readFileSync(dest)).toEqual(BODY);
  });
  it('reports empty bodies, timeouts and unreachable hosts', async () => {
    const empty = await fetchDataset({ url: `${base}/empty.csv`, dest: join(dir, 'e.csv') });
    expect(!empty.ok && empty.issue.code).toBe('empty_body');
    const hang = await fetchDataset({ url: `${base}/hang`, dest: join(dir, 'h.csv'), timeoutMs: 200 });
    expect(!hang.ok && hang.issue.code).toBe('network_error');
    const down = await fetchDataset({ url: 'http://127.0.0.1:1/x.csv', dest: join(dir, 'd.csv') });
    expect(!down.ok && down.issue.code).toBe('network_error');
    expect(existsSync(join(dir, 'e.csv')) || existsSync(join(dir, 'h.csv'))).toBe(false);
  });
});
