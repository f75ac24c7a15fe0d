/**
 * Downloads a dataset file from its publisher and writes it atomically: the body goes to a
 * temporary file beside the destination and is renamed into place only after its SHA-256 has
 * been checked against the recorded one. Nothing half-written is left behind on any failure.
 * Edge module (network and file system).
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export type FetchIssue = {
  code: 'network_error' | 'http_error' | 'checksum_mismatch' | 'empty_body' | 'write_error';
  url: string;
  message: string;
};

export type FetchResult =
  | { ok: true; path: string; sha256: string; bytes: number; verified: boolean }
  | { ok: false; issue: FetchIssue };

export type FetchOptions = {
  url: string;
  dest: string;
  /** Recorded SHA-256 (hex); when given, a download with another checksum is refused. */
  sha256?: string;
  /** Milliseconds before the request is abandoned (default 60 s). */
  timeoutMs?: number;
  /** For tests: a fetch implementation (default: global fetch). */
  fetchImpl?: typeof fetch;
};

export const sha256Hex = (data: Uint8Array): string => createHash('sha256').update(data).digest('hex');

export async function fetchDataset(opts: FetchOptions): Promise<FetchResult> {
  const { url, dest } = opts;
  const doFetch = opts.fetchImpl ?? fetch;
  let body: Uint8Array;
  try {
    const res = await doFetch(url, { signal: AbortSignal.timeout(opts.timeoutMs ?? 60_000), redirect: 'follow' });
    if (!res.ok) return { ok: false, issue: { code: 'http_error', url, message: `the server answered ${res.status} ${res.statusText}`.trim() } };
    body = new Uint8Array(await res.arrayBuffer());
  } catch (e) {
    return { ok: false, issue: { code: 'network_error', url, message: `download failed: ${(e as Error).message}` } };
  }
  if (body.length === 0) return { ok: false, issue: { code: 'empty_body', url, message: 'the server sent an empty file' } };
  const sha = sha256Hex(body);
  if (opts.sha256 && sha !== opts.sha256.toLowerCase())
    return { ok: false, issue: { code: 'checksum_mismatch', url, message: `SHA-256 ${sha} differs from the recorded ${opts.sha256}` } };
  const tmp = join(dirname(dest), `.${randomBytes(6).toString('hex')}.part`);
  try {
    mkdirSync(dirname(dest), { recursive: true });
    writeFileSync(tmp, body);
    renameSync(tmp, dest);
  } catch (e) {
    rmSync(tmp, { force: true });
    return { ok: false, issue: { code: 'write_error', url, message: `could not write ${dest}: ${(e as Error).message}` } };
  }
  return { ok: true, path: dest, sha256: sha, bytes: body.length, verified: opts.sha256 !== undefined };
}
