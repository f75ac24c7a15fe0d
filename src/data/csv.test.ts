import { describe, expect, it } from 'vitest';
import { groupedInt, int, isoDate, parseCsv, parseTable, readTable, reqInt, str, text } from './csv.ts';

describe('parseCsv', () => {
  it('handles quotes, doubled quotes, embedded commas and newlines, CRLF and a BOM', () => {
    expect(parseCsv('\uFEFFa,b\r\n"x, y","say ""hi"""\n"multi\nline",2\n')).toEqual([
      ['a', 'b'],
      ['x, y', 'say "hi"'],
      ['multi\nline', '2'],
    ]);
  });
  it('keeps empty trailing fields and ignores blank lines', () => {
    expect(parseCsv('a,b,c\n1,,\n\n')).toEqual([['a', 'b', 'c'], ['1', '', '']]);
  });
});

describe('parseTable', () => {
  const spec = { id: reqInt('Id'), month: int('Month', ['-9', '-8']), deaths: groupedInt('Deaths', ['-9']), day: isoDate('Day'), name: text('Name'), note: str('Note', ['NA']) };

  it('maps missing codes and empty cells to null', () => {
    const r = parseTable('Id,Month,Deaths,Day,Name,Note\n1,-9,"10,000",,Alpha,NA\n2,3,-9,2001-02-03,Beta,x\n', spec, 'f.csv');
    expect(r.issues).toEqual([]);
    expect(r.rows).toEqual([
      { id: 1, month: null, deaths: 10000, day: null, name: 'Alpha', note: null },
      { id: 2, month: 3, deaths: null, day: '2001-02-03', name: 'Beta', note: 'x' },
    ]);
  });

  it('reports every malformed cell with file, row, column and value, and drops those rows', () => {
    const r = parseTable('Id,Month,Deaths,Day,Name,Note\n1,x,0,2001-02-03,A,\n,2,0,03/02/2001,B,\n3,1\n', spec, 'f.csv');
    expect(r.rows).toEqual([]);
    expect(r.issues.map((i) => [i.file, i.row, i.column, i.value, i.code])).toEqual([
      ['f.csv', 1, 'Month', 'x', 'invalid_integer'],
      ['f.csv', 2, 'Id', '', 'invalid_integer'],
      ['f.csv', 2, 'Day', '03/02/2001', 'invalid_date'],
      ['f.csv', 3, '', '3,1', 'bad_row'],
    ]);
  });

  it('reports missing columns once, in the header row', () => {
    const r = parseTable('Id,Name\n1,A\n', spec, 'f.csv');
    expect(r.issues.map((i) => [i.row, i.column, i.code])).toEqual([
      [0, 'Month', 'missing_column'],
      [0, 'Deaths', 'missing_column'],
      [0, 'Day', 'missing_column'],
      [0, 'Note', 'missing_column'],
    ]);
  });

  it('a missing file is an issue, not an exception', () => {
    expect(readTable('/nonexistent/x.csv', spec).issues[0].code).toBe('not_found');
  });
});
