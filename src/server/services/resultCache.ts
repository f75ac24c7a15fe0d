/**
 * Finished run results are immutable, so the most recently read ones are kept as UTF-8 bytes
 * (least recently used first out, bounded in bytes): a repeated read skips the store and the
 * encoding. Deleting a scenario clears the cache (its runs are gone).
 */
export class ResultCache {
  private readonly entries = new Map<string, Buffer>();
  private bytes = 0;

  constructor(private readonly maxBytes: number = 32 * 1024 * 1024) {}

  get(id: string): Buffer | undefined {
    const hit = this.entries.get(id);
    if (hit) {
      this.entries.delete(id);
      this.entries.set(id, hit);
    }
    return hit;
  }

  set(id: string, json: string): Buffer {
    const buf = Buffer.from(json, 'utf8');
    if (buf.length > this.maxBytes / 4) return buf;
    this.entries.set(id, buf);
    this.bytes += buf.length;
    for (const [key, old] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(key);
      this.bytes -= old.length;
    }
    return buf;
  }

  clear(): void {
    this.entries.clear();
    this.bytes = 0;
  }
}
