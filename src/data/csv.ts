/**
 * Typed CSV tables: an RFC 4180 parser plus column specs that turn cells into numbers, dates or
 * strings, with dataset-specific missing-value codes mapped to null. Every malformed cell becomes
 * an issue naming the file, row (1-based data row; the header is row 0), column and value.
 * Edge module (reads files); the parsers for text are pure and tested on strings.
 */
import { readFileSync } from 'node:fs';

export type DataIssue = {
  file: string;
  row: number;
  column: string;
  value: string;
  code: 'missing_column' | 'invalid_integer' | 'invalid_number' | 'invalid_date' | 'out_of_range' | 'missing_value' | 'bad_row' | 'not_found';
  message: string;
};

/** Thrown by `readTableOrThrow`: carries every issue; the message lists the first few. */
export class DataError extends Error {
  readonly issues: DataIssue[];
  constructor(issues: DataIssue[]) {
    super(
      issues
        .slice(0, 5)
        .map((i) => `${i.file}: row ${i.row}, column ${i.column}: ${i.message} (value "${i.value}")`)
        .join('\n') + (issues.length > 5 ? `\n… and ${issues.length - 5} more` : ''),
    );
    this.name = 'DataError';
    this.issues = issues;
  }
}

/** Splits CSV text into records of fields (quotes, doubled quotes, commas and newlines in quotes; CRLF or LF). */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let inQuotes = false;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (; i < text.length; i++) {
    const ch = text[i];
    if (inQuotes) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else inQuotes = false;
      } else field += ch;
    } else if (ch === '"') inQuotes = true;
    else if (ch === ',') {
      record.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      record.push(field);
      records.push(record);
      record = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  return records.filter((r) => !(r.length === 1 && r[0] === ''));
}

type CellResult<T> = { ok: true; value: T } | { ok: false; code: DataIssue['code']; message: string };

/** A column spec: the source column name and how to read a cell. */
export type Column<T> = { name: string; read: (cell: string) => CellResult<T> };

const isMissing = (cell: string, missing: readonly string[]): boolean => {
  const t = cell.trim();
  return t === '' || missing.includes(t);
};

/** Integer column; cells in `missing` (and empty cells) become null. Accepts `1.0` as 1. */
export function int(name: string, missing: readonly string[] = []): Column<number | null> {
  return {
    name,
    read: (cell) => {
      if (isMissing(cell, missing)) return { ok: true, value: null };
      const n = Number(cell.trim());
      if (!Number.isInteger(n)) return { ok: false, code: 'invalid_integer', message: 'expected an integer' };
      return { ok: true, value: n };
    },
  };
}

/** Integer column whose cells may use thousands separators ("10,000"). */
export function groupedInt(name: string, missing: readonly string[] = []): Column<number | null> {
  const inner = int(name, missing);
  return { name, read: (cell) => inner.read(/^-?\d{1,3}(,\d{3})+$/.test(cell.trim()) ? cell.replace(/,/g, '') : cell) };
}

/** Required integer column: an empty cell is an error. */
export function reqInt(name: string): Column<number> {
  return {
    name,
    read: (cell) => {
      const n = Number(cell.trim());
      if (cell.trim() === '' || !Number.isInteger(n)) return { ok: false, code: 'invalid_integer', message: 'expected an integer (required)' };
      return { ok: true, value: n };
    },
  };
}

/** Real-number column; missing codes and empty cells become null. */
export function num(name: string, missing: readonly string[] = []): Column<number | null> {
  return {
    name,
    read: (cell) => {
      if (isMissing(cell, missing)) return { ok: true, value: null };
      const n = Number(cell.trim());
      if (!Number.isFinite(n)) return { ok: false, code: 'invalid_number', message: 'expected a number' };
      return { ok: true, value: n };
    },
  };
}

/** ISO date column (YYYY-MM-DD); empty and missing codes become null. */
export function isoDate(name: string, missing: readonly string[] = []): Column<string | null> {
  return {
    name,
    read: (cell) => {
      if (isMissing(cell, missing)) return { ok: true, value: null };
      const t = cell.trim();
      if (!/^\d{4}-\d{2}-\d{2}$/.test(t)) return { ok: false, code: 'invalid_date', message: 'expected an ISO date YYYY-MM-DD' };
      return { ok: true, value: t };
    },
  };
}

/** The same column, with non-null values required to lie in [min, max] (the codebook's range). */
export function inRange<T extends number | null>(col: Column<T>, min: number, max: number): Column<T> {
  return {
    name: col.name,
    read: (cell) => {
      const res = col.read(cell);
      if (!res.ok || res.value === null || (res.value >= min && res.value <= max)) return res;
      return { ok: false, code: 'out_of_range', message: `expected a value from ${min} to ${max}` };
    },
  };
}

/** Text column; cells in `missing` (and empty cells) become null. */
export function str(name: string, missing: readonly string[] = []): Column<string | null> {
  return { name, read: (cell) => ({ ok: true, value: isMissing(cell, missing) ? null : cell.trim() }) };
}

/** Text column where empty stays "" (never null). */
export function text(name: string): Column<string> {
  return { name, read: (cell) => ({ ok: true, value: cell.trim() }) };
}

export type Spec = Record<string, Column<unknown>>;
export type RowOf<S extends Spec> = { [K in keyof S]: S[K] extends Column<infer T> ? T : never };

export type TableResult<S extends Spec> = { rows: RowOf<S>[]; issues: DataIssue[] };

/** Reads CSV text into typed rows under `spec`; collects all issues (a row with a bad cell is dropped). */
export function parseTable<S extends Spec>(csvText: string, spec: S, file: string): TableResult<S> {
  const records = parseCsv(csvText);
  const issues: DataIssue[] = [];
  if (records.length === 0) return { rows: [], issues: [{ file, row: 0, column: '', value: '', code: 'bad_row', message: 'empty file' }] };
  const header = records[0].map((h) => h.trim());
  const index: Record<string, number> = {};
  for (const [key, col] of Object.entries(spec)) {
    const at = header.indexOf(col.name);
    if (at < 0) issues.push({ file, row: 0, column: col.name, value: '', code: 'missing_column', message: `column "${col.name}" not in header` });
    index[key] = at;
  }
  if (issues.length > 0) return { rows: [], issues };
  const rows: RowOf<S>[] = [];
  for (let r = 1; r < records.length; r++) {
    const rec = records[r];
    if (rec.length !== header.length) {
      issues.push({ file, row: r, column: '', value: rec.join(',').slice(0, 60), code: 'bad_row', message: `expected ${header.length} fields, found ${rec.length}` });
      continue;
    }
    const out: Record<string, unknown> = {};
    let good = true;
    for (const [key, col] of Object.entries(spec)) {
      const cell = rec[index[key]];
      const res = col.read(cell);
      if (res.ok) out[key] = res.value;
      else {
        good = false;
        issues.push({ file, row: r, column: col.name, value: cell, code: res.code, message: res.message });
      }
    }
    if (good) rows.push(out as RowOf<S>);
  }
  return { rows, issues };
}

/** Reads a CSV file under `spec`. A missing file is an issue, not an exception. */
export function readTable<S extends Spec>(file: string, spec: S): TableResult<S> {
  let content: string;
  try {
    content = readFileSync(file, 'utf8');
  } catch {
    return { rows: [], issues: [{ file, row: 0, column: '', value: '', code: 'not_found', message: 'file not found or unreadable' }] };
  }
  return parseTable(content, spec, file);
}

/** As readTable, but throws a DataError listing the issues if there are any. */
export function readTableOrThrow<S extends Spec>(file: string, spec: S): RowOf<S>[] {
  const { rows, issues } = readTable(file, spec);
  if (issues.length > 0) throw new DataError(issues);
  return rows;
}
