/**
 * Seeded input mutations for the reliability fuzzer: each case starts from a bundled scenario
 * (data/scenarios) and breaks it one way: a field deleted, a value of the wrong type, a huge or
 * tiny number, NaN/Infinity, deep nesting, a YAML alias bomb ("billion laughs"), a very long
 * string, __proto__/constructor/prototype keys, invalid UTF-8, binary junk, truncation, odd
 * YAML tags. The same seed gives the same cases, so a failure can be replayed by its index.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { BUNDLED_SCENARIOS_DIR } from '../../../src/data/scenarios.ts';

export type FuzzCase = {
  /** index in the seeded sequence (replay: generate with the same seed and take this one) */
  index: number;
  /** which mutation made it, e.g. delete-field, alias-bomb */
  kind: string;
  /** the bundled scenario it started from */
  base: string;
  /** the document: bytes, because some mutations are not valid UTF-8 */
  bytes: Buffer;
};

/** mulberry32: a tiny seeded generator (tests only; the engine has its own). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Path = (string | number)[];

export type BaseScenario = { name: string; text: string; data: Json };

export function loadBases(): BaseScenario[] {
  return readdirSync(BUNDLED_SCENARIOS_DIR)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()
    .map((f) => {
      const text = readFileSync(join(BUNDLED_SCENARIOS_DIR, f), 'utf8');
      return { name: f, text, data: parse(text) as Json };
    });
}

/** Every path to a value inside the document (objects and arrays included). */
function paths(data: Json, prefix: Path = [], out: Path[] = []): Path[] {
  if (data !== null && typeof data === 'object') {
    const entries: [string | number, Json][] = Array.isArray(data)
      ? data.map((v, i) => [i, v])
      : Object.entries(data);
    for (const [k, v] of entries) {
      out.push([...prefix, k]);
      paths(v, [...prefix, k], out);
    }
  }
  return out;
}

function parentOf(
  data: Json,
  path: Path,
): { parent: Json[] | Record<string, Json>; key: string | number } {
  let node = data as Json[] | Record<string, Json>;
  for (const k of path.slice(0, -1))
    node = (node as Record<string | number, Json>)[k] as typeof node;
  return { parent: node, key: path[path.length - 1] };
}

/** Sets an own property, even for the key "__proto__" (plain assignment would set the prototype). */
function setOwn(obj: Json[] | Record<string, Json>, key: string | number, value: Json): void {
  Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
}

const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
const int = (r: () => number, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));

const WEIRD_NUMBERS = [
  1e308,
  -1e308,
  5e-324,
  -5e-324,
  0,
  -0,
  2 ** 53 + 1,
  -(2 ** 63),
  1e21,
  0.1 + 0.2,
  4294967296,
  -1,
];
const WEIRD_NUMBER_TEXT = [
  '.nan',
  '.NaN',
  '.inf',
  '-.inf',
  '1e999',
  '-1e999',
  '0x1F',
  '0o17',
  '1_000',
];
const WEIRD_STRINGS = [
  'NaN',
  'Infinity',
  '-Infinity',
  '',
  ' ',
  '\u0000',
  '\u202e\u0645\u0631\u062d\u0628\u0627',
  '\u200b\u200b',
  '😀'.repeat(50),
  'A',
  'a'.repeat(64),
  '../../etc/passwd',
  '%2e%2e%2f',
  '${process.exit(1)}',
  '<script>alert(1)</script>',
  "'; DROP TABLE runs; --",
  'true',
  'null',
];
const PROTO_KEYS = ['__proto__', 'constructor', 'prototype'];

function swapValue(r: () => number, v: Json): Json {
  const options: Json[] = [null, true, false, 'text', 0, 1, [], {}, [1, 2, 3], { x: 1 }];
  const typeOf = (x: Json) => (x === null ? 'null' : Array.isArray(x) ? 'array' : typeof x);
  const other = options.filter((o) => typeOf(o) !== typeOf(v));
  return pick(r, other);
}

function nest(depth: number, leaf: Json, r: () => number): Json {
  let v = leaf;
  for (let i = 0; i < depth; i++) v = r() < 0.5 ? [v] : { a: v };
  return v;
}

function aliasBomb(levels: number, width: number): string {
  let s = 'lol0: &a0 [lol]\n';
  for (let i = 1; i <= levels; i++)
    s += `lol${i}: &a${i} [${Array.from({ length: width }, () => `*a${i - 1}`).join(', ')}]\n`;
  return s;
}

type DataMutation = (d: Json, r: () => number, size: 'small' | 'large') => string | undefined;
type TextMutation = (text: string, r: () => number, size: 'small' | 'large') => string | Buffer;

const DATA_MUTATIONS: Record<string, DataMutation> = {
  'delete-field': (d, r) => {
    const p = pick(r, paths(d));
    const { parent, key } = parentOf(d, p);
    if (Array.isArray(parent)) parent.splice(Number(key), 1);
    else delete parent[key];
    return undefined;
  },
  'swap-type': (d, r) => {
    const p = pick(r, paths(d));
    const { parent, key } = parentOf(d, p);
    setOwn(parent, key, swapValue(r, (parent as Record<string | number, Json>)[key]));
    return undefined;
  },
  'weird-number': (d, r) => {
    const nums = paths(d).filter((p) => {
      const { parent, key } = parentOf(d, p);
      return typeof (parent as Record<string | number, Json>)[key] === 'number';
    });
    const { parent, key } = parentOf(d, pick(r, nums.length ? nums : paths(d)));
    setOwn(parent, key, pick(r, WEIRD_NUMBERS));
    return undefined;
  },
  'weird-string': (d, r) => {
    const { parent, key } = parentOf(d, pick(r, paths(d)));
    setOwn(parent, key, pick(r, WEIRD_STRINGS));
    return undefined;
  },
  'deep-nesting': (d, r, size) => {
    const { parent, key } = parentOf(d, pick(r, paths(d)));
    const depth = size === 'large' ? int(r, 50, 3000) : int(r, 5, 300);
    setOwn(parent, key, nest(depth, (parent as Record<string | number, Json>)[key], r));
    return undefined;
  },
  'long-string': (d, r, size) => {
    const { parent, key } = parentOf(d, pick(r, paths(d)));
    const n = size === 'large' ? int(r, 10_000, 1_200_000) : int(r, 200, 20_000);
    setOwn(parent, key, pick(r, ['x', 'é', '😀', 'ab ']).repeat(n));
    return undefined;
  },
  'proto-key': (d, r) => {
    const objects = [[] as Path, ...paths(d)].filter((p) => {
      const v = p.length
        ? (parentOf(d, p).parent as Record<string | number, Json>)[p[p.length - 1]]
        : d;
      return v !== null && typeof v === 'object' && !Array.isArray(v);
    });
    const p = pick(r, objects);
    const target = (
      p.length ? (parentOf(d, p).parent as Record<string | number, Json>)[p[p.length - 1]] : d
    ) as Record<string, Json>;
    const key = pick(r, PROTO_KEYS);
    const payload: Json =
      key === 'constructor' ? { prototype: { polluted: 'yes' } } : { polluted: 'yes' };
    setOwn(target, key, payload);
    return undefined;
  },
  'huge-list': (d, r, size) => {
    const lists = paths(d).filter((p) =>
      Array.isArray((parentOf(d, p).parent as Record<string | number, Json>)[p[p.length - 1]]),
    );
    if (lists.length === 0) return undefined;
    const p = pick(r, lists);
    const list = (parentOf(d, p).parent as Record<string | number, Json>)[
      p[p.length - 1]
    ] as Json[];
    const n = size === 'large' ? int(r, 50, 3000) : int(r, 2, 60);
    const item = list[0] ?? 1;
    for (let i = 0; i < n; i++) list.push(structuredClone(item));
    return undefined;
  },
  'extra-field': (d, r) => {
    const { parent } = parentOf(d, [...pick(r, paths(d)), 0]);
    if (parent && typeof parent === 'object' && !Array.isArray(parent))
      setOwn(parent, pick(r, ['unknownField', 'Name', 'runs ', 'toString', 'hasOwnProperty']), 1);
    return undefined;
  },
};

const TEXT_MUTATIONS: Record<string, TextMutation> = {
  truncate: (t, r) => t.slice(0, int(r, 0, t.length - 1)),
  'alias-bomb': (t, r, size) => {
    const bomb = aliasBomb(size === 'large' ? int(r, 8, 30) : int(r, 2, 9), int(r, 2, 10));
    return r() < 0.5 ? bomb : `${t}\nx-bomb:\n${bomb.replace(/^/gm, '  ')}`;
  },
  'nan-text': (t, r) => {
    const nums = [...t.matchAll(/: (-?\d+(\.\d+)?)\s*$/gm)];
    if (nums.length === 0) return t;
    const m = pick(r, nums);
    const at = m.index + 2;
    return t.slice(0, at) + pick(r, WEIRD_NUMBER_TEXT) + t.slice(at + m[1].length);
  },
  'invalid-utf8': (t, r) => {
    const b = Buffer.from(t, 'utf8');
    const junk = pick(r, [
      [0xc3],
      [0xff, 0xfe],
      [0xed, 0xa0, 0x80],
      [0xf4, 0x90, 0x80, 0x80],
      [0x80],
    ]);
    const at = int(r, 0, b.length);
    return Buffer.concat([b.subarray(0, at), Buffer.from(junk), b.subarray(at)]);
  },
  'binary-junk': (_t, r, size) => {
    const n = size === 'large' ? int(r, 1000, 200_000) : int(r, 0, 2000);
    const b = Buffer.alloc(n);
    for (let i = 0; i < n; i++) b[i] = Math.floor(r() * 256);
    return b;
  },
  'byte-flip': (t, r) => {
    const b = Buffer.from(t, 'utf8');
    for (let i = int(r, 1, 20); i > 0; i--) b[int(r, 0, b.length - 1)] = Math.floor(r() * 256);
    return b;
  },
  'yaml-tags': (t, r) => {
    const tag = pick(r, [
      '!!binary aGVsbG8=',
      '!!set {a, b}',
      '!!omap [a: 1]',
      '!!timestamp 2001-12-14',
      '!custom x',
      '!!js/function "x"',
      '!!python/object:os.system x',
      '!<tag:yaml.org,2002:str> 5',
    ]);
    const lines = t.split('\n');
    const i = int(r, 0, lines.length - 1);
    lines[i] = lines[i].replace(/: .+$/, `: ${tag}`);
    return lines.join('\n');
  },
  'control-chars': (t, r) => {
    const at = int(r, 0, t.length);
    return (
      t.slice(0, at) +
      pick(r, ['\u0000', '\ufeff', '\r', '\t', '\u2028', '\u0007', '\x1b[2J']) +
      t.slice(at)
    );
  },
  'flow-deep': (_t, r, size) => {
    const n = size === 'large' ? int(r, 60, 200_000) : int(r, 10, 200);
    return 'id: x\nname: y\nparties: ' + '['.repeat(n) + ']'.repeat(r() < 0.5 ? n : int(r, 0, n));
  },
};

class Raw {
  constructor(readonly text: string) {}
}

/** JSON text without recursion (JSON.stringify overflows the stack some thousands of levels deep). */
function flatJson(data: Json): string {
  const out: string[] = [];
  const stack: (Json | Raw)[] = [data];
  while (stack.length > 0) {
    const v = stack.pop()!;
    if (v instanceof Raw) out.push(v.text);
    else if (Array.isArray(v)) {
      stack.push(new Raw(']'));
      for (let i = v.length - 1; i >= 0; i--) stack.push(v[i], ...(i > 0 ? [new Raw(',')] : []));
      out.push('[');
    } else if (v !== null && typeof v === 'object') {
      const entries = Object.entries(v);
      stack.push(new Raw('}'));
      for (let i = entries.length - 1; i >= 0; i--)
        stack.push(entries[i][1], new Raw(`${i > 0 ? ',' : ''}${JSON.stringify(entries[i][0])}:`));
      out.push('{');
    } else out.push(JSON.stringify(v));
  }
  return out.join('');
}

export const MUTATION_KINDS = [...Object.keys(DATA_MUTATIONS), ...Object.keys(TEXT_MUTATIONS)];

/**
 * The cases for one seed. `largeShare` is the share of cases that use the large variants
 * (megabyte strings, thousands of levels), which are slow to parse by design.
 */
export function* mutationCases(
  seed: number,
  count: number,
  opts: { largeShare?: number; bases?: BaseScenario[] } = {},
): Generator<FuzzCase> {
  const bases = opts.bases ?? loadBases();
  const r = rng(seed);
  for (let index = 0; index < count; index++) {
    const base = pick(r, bases);
    const kind = pick(r, MUTATION_KINDS);
    const size = r() < (opts.largeShare ?? 0.02) ? 'large' : 'small';
    const asJson = r() < 0.3;
    let bytes: Buffer;
    if (kind in DATA_MUTATIONS) {
      const data = structuredClone(base.data);
      // one to three mutations of the same kind
      for (let n = int(r, 1, 3); n > 0; n--) DATA_MUTATIONS[kind](data, r, size);
      let text: string;
      try {
        text = asJson ? JSON.stringify(data) : stringify(data, { aliasDuplicateObjects: false });
      } catch {
        // too deep for the serialiser's recursion: write the nesting as flow text
        text = flatJson(data);
      }
      bytes = Buffer.from(text, 'utf8');
    } else {
      const out = TEXT_MUTATIONS[kind](asJson ? JSON.stringify(base.data) : base.text, r, size);
      bytes = typeof out === 'string' ? Buffer.from(out, 'utf8') : out;
    }
    yield { index, kind: `${kind}${size === 'large' ? '+large' : ''}`, base: base.name, bytes };
  }
}
