import { readRosterCsv } from '../../../src/services/roster/roster-csv';
import { rowToMemberData } from '../../../src/services/roster/roster-row';

const HEADER = 'id,name,role,title,email,aadObjectId,committees';
const cellsOf = async (text: string) => {
  const result = await readRosterCsv(text);
  if (!result.ok) throw new Error(`expected the file to read: ${JSON.stringify(result.problems)}`);
  return result.rows;
};

describe('reading the roster CSV (RFC 4180)', () => {
  it('reads quoted fields holding commas, doubled quotes and line breaks, numbering rows by the line they start on', async () => {
    const rows = await cellsOf(
      `${HEADER}\n` +
        `a,"Smith, Jo",councillor,"Chair of ""Scrutiny""",,,\n` +
        `b,Bee,officer,"Director\nfor Housing",,,\n` +
        `c,Cee,admin,,,,\n`,
    );
    expect(rows).toEqual([
      { line: 2, cells: { id: 'a', name: 'Smith, Jo', role: 'councillor', title: 'Chair of "Scrutiny"', email: '', aadObjectId: '', committees: '', endsOn: '', modernGovMemberId: '' } },
      { line: 3, cells: { id: 'b', name: 'Bee', role: 'officer', title: 'Director\nfor Housing', email: '', aadObjectId: '', committees: '', endsOn: '', modernGovMemberId: '' } },
      { line: 5, cells: { id: 'c', name: 'Cee', role: 'admin', title: '', email: '', aadObjectId: '', committees: '', endsOn: '', modernGovMemberId: '' } },
    ]);
  });

  it('takes CRLF, a byte order mark, blank lines, rows of bare commas, a last line without a newline and columns in any order', async () => {
    const rows = await cellsOf(`\uFEFFName,ID,role,title,email,aadObjectId,committees\r\nJo, a ,councillor,,,,\r\n\r\n,,,,,,\r\nBee,b,officer,,,,`);
    expect(rows.map((r) => [r.line, r.cells.id, r.cells.name])).toEqual([
      [2, 'a', 'Jo'],
      [5, 'b', 'Bee'],
    ]);
  });

  it('reads a file larger than one parsing slice whole: quoted line breaks and accents across the slices, every line numbered', async () => {
    // Each row is 4 lines long (a quoted title with line breaks) and holds non-ASCII names; 3,000 of them are ~400 KB.
    const rows = Array.from({ length: 3000 }, (_, i) => `m${i},"Siân Ó${i}",councillor,"Chair\nof\nScrutiny ${i}",,,`);
    const read = await cellsOf(`${HEADER}\n${rows.join('\n')}\n`);
    expect(read).toHaveLength(3000);
    expect(read.map((r) => r.line)).toEqual(Array.from({ length: 3000 }, (_, i) => 2 + i * 3));
    expect(read.every((r, i) => r.cells.name === `Siân Ó${i}` && r.cells.title === `Chair\nof\nScrutiny ${i}`)).toBe(true);
  });

  it('accepts trailing empty columns that spreadsheets add, but not extra values', async () => {
    expect(await cellsOf(`${HEADER},,\na,A,councillor,,,,,,\n`)).toHaveLength(1);
    expect(await readRosterCsv(`${HEADER}\na,A,councillor,,,,,extra\n`)).toEqual({
      ok: false,
      problems: [{ line: 2, message: 'has 8 fields but the header has 7; quote any value that holds a comma' }],
    });
  });

  it('reports every row with too few fields, by line', async () => {
    expect(await readRosterCsv(`${HEADER}\na,A,councillor\nb,B,officer,,,,\nc,C\n`)).toEqual({
      ok: false,
      problems: [
        { line: 2, message: 'has 3 fields but the header has 7; quote any value that holds a comma' },
        { line: 4, message: 'has 2 fields but the header has 7; quote any value that holds a comma' },
      ],
    });
  });

  it('reads the optional endsOn column in any order, and a file without it as before', async () => {
    const [withDate] = await cellsOf(`endsOn,${HEADER}\n2027-05-06,a,A,councillor,,,,\n`);
    expect(withDate?.cells).toMatchObject({ id: 'a', endsOn: '2027-05-06' });
    expect(rowToMemberData(withDate!.cells).data.endsOn).toBe('2027-05-06');
    const [without] = await cellsOf(`${HEADER}\na,A,councillor,,,,\n`);
    expect(without?.cells.endsOn).toBe('');
    expect(rowToMemberData(without!.cells).data.endsOn).toBeUndefined();
  });

  it('reports header problems on line 1: unknown, repeated and missing columns', async () => {
    const result = await readRosterCsv('id,name,name,role,phone,email\na,A,A,councillor,1,\n');
    expect(result).toEqual({
      ok: false,
      problems: [
        { line: 1, message: 'the header names the column "name" twice' },
        { line: 1, message: `the header has an unknown column "phone"; the columns are ${HEADER}, and optionally endsOn,modernGovMemberId` },
        { line: 1, message: `the header lacks the columns title, aadObjectId, committees; the columns are ${HEADER}` },
      ],
    });
  });

  it('refuses an empty file and a file with a header only', async () => {
    expect(await readRosterCsv('')).toEqual({ ok: false, problems: [{ line: 1, message: `the file is empty; its first line must be the header ${HEADER}` }] });
    expect(await readRosterCsv(`${HEADER}\n\n`)).toEqual({ ok: false, problems: [{ line: 2, message: 'the file has a header but no members' }] });
  });

  it.each([
    ['an unclosed quote', `${HEADER}\na,A,councillor,,,,\n\nb,"Bee,officer,,,,\nc,C,admin,,,,\n`, 4, 'a quoted value is never closed'],
    ['a quote inside an unquoted value', `${HEADER}\na,A,councillor,,,,\nb,B"ee,officer,,,,\n`, 3, 'a " appears inside a value that does not start with a quote'],
    ['text after a closing quote', `${HEADER}\na,"A"x,councillor,,,,\n`, 2, 'a quoted value is followed by more text'],
    ['an unclosed quote after a multi-line value', `${HEADER}\na,"A\nA",councillor,,,,\nb,"B,officer,,,,\n`, 4, 'a quoted value is never closed'],
  ])('reports %s as one problem on the line its row starts', async (_name, text, line, reason) => {
    const result = await readRosterCsv(text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]?.line).toBe(line);
    expect(result.problems[0]?.message).toContain(reason);
  });
});

describe('turning a row into member data', () => {
  const cells = { id: 'a', name: 'A', role: 'Councillor', title: '', email: '', aadObjectId: '', committees: '', endsOn: '', modernGovMemberId: '' };

  it('splits committees into committeeId:Seat pairs; the seat is everything after the first colon, Member when absent', () => {
    const { data, problems } = rowToMemberData({ ...cells, committees: 'cabinet:Portfolio Holder: Housing; full-council ;;scrutiny:' });
    expect(problems).toEqual([]);
    expect(data.committees).toEqual([
      { committeeId: 'cabinet', seat: 'Portfolio Holder: Housing' },
      { committeeId: 'full-council' },
      { committeeId: 'scrutiny' },
    ]);
  });

  it('treats empty cells as not given and lower-cases the role', () => {
    expect(rowToMemberData(cells).data).toEqual({ id: 'a', name: 'A', role: 'councillor', title: undefined, email: undefined, aadObjectId: undefined, endsOn: undefined, modernGovMemberId: undefined, committees: [] });
  });

  it('reports a pair that names no committee', () => {
    expect(rowToMemberData({ ...cells, committees: ':Leader;cabinet' }).problems).toEqual([
      { field: 'committees', message: '":Leader" names no committee; write committeeId:Seat, e.g. cabinet:Leader' },
    ]);
  });
});
