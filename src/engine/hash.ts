/**
 * Hashes of a scenario: SHA-256 of canonical JSON (keys sorted), so the same scenario gives the
 * same hash whatever the key order or formatting of its file. Three of them, one per question:
 * - scenarioHash: the war as described, without the run settings (runs, seed, horizon, month of
 *   the explanation), so `--runs 500` and `--runs 5000` of one scenario print the same hash;
 * - settingsHash: those run settings alone;
 * - inputHash: the whole validated document, settings included: everything a run computes from.
 *   Integrity checks of distributed chunks and the store's version dedupe compare this one.
 * SHA-256 in pure TypeScript (FIPS 180-4) keeps the core free of node:crypto, so it runs in browsers.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** The settings that say how to run a scenario rather than what the war is. */
export const RUN_SETTINGS = ['runs', 'seed', 'horizonMonths', 'explainMonth'] as const;

const hashJson = (value: unknown) => sha256Hex(new TextEncoder().encode(canonicalJson(value)));
const settingsOf = (scenario: unknown): Record<string, unknown> => {
  const s = (scenario as { settings?: unknown } | null)?.settings;
  return s !== null && typeof s === 'object' ? (s as Record<string, unknown>) : {};
};

/** The whole validated document, run settings included (distributed integrity, store dedupe). */
export function inputHash(scenario: unknown): string {
  return hashJson(scenario);
}

/** The scenario alone: the document without its run settings (RUN_SETTINGS). */
export function scenarioHash(scenario: unknown): string {
  if (scenario === null || typeof scenario !== 'object' || !('settings' in scenario))
    return hashJson(scenario);
  const settings = { ...settingsOf(scenario) };
  for (const k of RUN_SETTINGS) delete settings[k];
  return hashJson({ ...scenario, settings });
}

/** The run settings alone (RUN_SETTINGS). */
export function settingsHash(scenario: unknown): string {
  const settings = settingsOf(scenario);
  return hashJson(Object.fromEntries(RUN_SETTINGS.map((k) => [k, settings[k]])));
}

const K = new Uint32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
  0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
  0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);

export function sha256Hex(data: Uint8Array): string {
  const len = data.length;
  const blocks = Math.ceil((len + 9) / 64);
  const buf = new Uint8Array(blocks * 64);
  buf.set(data);
  buf[len] = 0x80;
  const view = new DataView(buf.buffer);
  view.setUint32(buf.length - 8, Math.floor(len / 0x20000000));
  view.setUint32(buf.length - 4, (len << 3) >>> 0);
  const h = new Uint32Array([
    0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
  ]);
  const w = new Uint32Array(64);
  const rotr = (x: number, n: number) => (x >>> n) | (x << (32 - n));
  for (let b = 0; b < blocks; b++) {
    for (let i = 0; i < 16; i++) w[i] = view.getUint32(b * 64 + i * 4);
    for (let i = 16; i < 64; i++) {
      const s0 = rotr(w[i - 15], 7) ^ rotr(w[i - 15], 18) ^ (w[i - 15] >>> 3);
      const s1 = rotr(w[i - 2], 17) ^ rotr(w[i - 2], 19) ^ (w[i - 2] >>> 10);
      w[i] = (w[i - 16] + s0 + w[i - 7] + s1) >>> 0;
    }
    let [a, bb, c, d, e, f, g, hh] = h;
    for (let i = 0; i < 64; i++) {
      const S1 = rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25);
      const ch = (e & f) ^ (~e & g);
      const t1 = (hh + S1 + ch + K[i] + w[i]) >>> 0;
      const S0 = rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22);
      const maj = (a & bb) ^ (a & c) ^ (bb & c);
      const t2 = (S0 + maj) >>> 0;
      hh = g;
      g = f;
      f = e;
      e = (d + t1) >>> 0;
      d = c;
      c = bb;
      bb = a;
      a = (t1 + t2) >>> 0;
    }
    h[0] += a;
    h[1] += bb;
    h[2] += c;
    h[3] += d;
    h[4] += e;
    h[5] += f;
    h[6] += g;
    h[7] += hh;
  }
  return Array.from(h, (x) => x.toString(16).padStart(8, '0')).join('');
}
