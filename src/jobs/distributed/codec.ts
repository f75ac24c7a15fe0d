/**
 * Compact binary form of a chunk's result for Redis: a small JSON header (scalars and the
 * list of arrays) followed by the raw bytes of each typed array, every section aligned to 8
 * bytes. Float64 values travel bit for bit, so merged results stay byte-identical to local
 * runs; it is 3–4× smaller than JSON numbers. Little-endian hosts only (x86-64, arm64).
 */
import { endianness } from 'node:os';

type Typed = Float64Array | Int16Array | Uint8Array;
const CTORS = { f64: Float64Array, i16: Int16Array, u8: Uint8Array } as const;
type TypeTag = keyof typeof CTORS;
const MAGIC = 0x314c5250; // "PRL1"

interface Header {
  scalars: Record<string, number>;
  arrays: { name: string; type: TypeTag; length: number }[];
}

const pad8 = (n: number) => (n + 7) & ~7;
const tagOf = (a: Typed): TypeTag =>
  a instanceof Float64Array ? 'f64' : a instanceof Int16Array ? 'i16' : 'u8';

if (endianness() !== 'LE') throw new Error('invalid host: distributed sweeps need little-endian');

/** Packs numbers and typed arrays into one Buffer. */
export function encodeArrays(
  scalars: Record<string, number>,
  arrays: Record<string, Typed>,
): Buffer {
  const header: Header = {
    scalars,
    arrays: Object.entries(arrays).map(([name, a]) => ({ name, type: tagOf(a), length: a.length })),
  };
  const head = Buffer.from(JSON.stringify(header), 'utf8');
  const start = pad8(8 + head.length);
  let size = start;
  for (const a of Object.values(arrays)) size += pad8(a.byteLength);
  const out = Buffer.alloc(size);
  out.writeUInt32LE(MAGIC, 0);
  out.writeUInt32LE(head.length, 4);
  head.copy(out, 8);
  let at = start;
  for (const a of Object.values(arrays)) {
    out.set(new Uint8Array(a.buffer, a.byteOffset, a.byteLength), at);
    at += pad8(a.byteLength);
  }
  return out;
}

/** Inverse of encodeArrays; the arrays are fresh copies (aligned, independent of the Buffer). */
export function decodeArrays(buf: Buffer): {
  scalars: Record<string, number>;
  arrays: Record<string, Typed>;
} {
  if (buf.length < 8 || buf.readUInt32LE(0) !== MAGIC)
    throw new Error('invalid chunk data: not a Parley chunk (bad magic)');
  const headLen = buf.readUInt32LE(4);
  const header = JSON.parse(buf.subarray(8, 8 + headLen).toString('utf8')) as Header;
  let at = pad8(8 + headLen);
  const arrays: Record<string, Typed> = {};
  for (const { name, type, length } of header.arrays) {
    const Ctor = CTORS[type];
    const bytes = length * Ctor.BYTES_PER_ELEMENT;
    if (at + bytes > buf.length) throw new Error(`invalid chunk data: array ${name} is truncated`);
    const copy = new Uint8Array(bytes);
    copy.set(buf.subarray(at, at + bytes));
    arrays[name] = new Ctor(copy.buffer);
    at += pad8(bytes);
  }
  return { scalars: header.scalars, arrays };
}
