import { CsvError, parse, type Info, type Options } from 'csv-parse';
import type { RosterProblem } from './roster-problem';

/** The roster file's columns, as the officer's spreadsheet names them. Any order; every one must be there. */
export const ROSTER_COLUMNS = ['id', 'name', 'role', 'title', 'email', 'aadObjectId', 'committees'] as const;
/** Columns a file may have: files saved before they existed stay valid, and their cells read as empty. */
export const OPTIONAL_ROSTER_COLUMNS = ['endsOn', 'modernGovMemberId'] as const;
export type RosterColumn = (typeof ROSTER_COLUMNS)[number] | (typeof OPTIONAL_ROSTER_COLUMNS)[number];
const KNOWN_COLUMNS: readonly RosterColumn[] = [...ROSTER_COLUMNS, ...OPTIONAL_ROSTER_COLUMNS];

/** One data row of the file: the line it starts on and its cells by column, trimmed. */
export interface RosterCsvRow {
  readonly line: number;
  readonly cells: Readonly<Record<RosterColumn, string>>;
}

export type RosterCsvResult =
  | { readonly ok: true; readonly rows: RosterCsvRow[] }
  | { readonly ok: false; readonly problems: RosterProblem[] };

/** About this much of the file is parsed at a time before the event loop gets a turn. */
const SLICE_CHARS = 32 * 1024;
/** And this many records are turned into rows. */
const RECORDS_BETWEEN_YIELDS = 1000;

export const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * csv-parse's stream parser, fed the file in slices cut after a line break, with the event loop given a turn between
 * them: a 1 MB file takes about half a second to parse, which must not hold up the bot's other requests.
 */
async function parseInSlices(text: string, options: Options): Promise<unknown[]> {
  const records: unknown[] = [];
  const parser = parse(options);
  let failure: unknown;
  parser.on('readable', () => {
    for (let record = parser.read() as unknown; record !== null; record = parser.read() as unknown) records.push(record);
  });
  const ended = new Promise<void>((resolve) => {
    parser.once('end', resolve);
    parser.once('error', (err) => {
      failure = err;
      resolve();
    });
  });
  for (let start = 0; start < text.length && failure === undefined; ) {
    const newline = text.indexOf('\n', start + SLICE_CHARS);
    const end = newline < 0 ? text.length : newline + 1;
    parser.write(text.slice(start, end));
    start = end;
    await yieldToEventLoop();
  }
  if (failure === undefined) parser.end();
  await ended;
  if (failure !== undefined) throw failure;
  return records;
}

/**
 * Reads the roster CSV (RFC 4180: quoted fields may hold commas, doubled quotes and line breaks) with csv-parse.
 * A broken quote makes the rest of the file unreadable, so it is reported alone; anything else is reported per line.
 */
export async function readRosterCsv(text: string): Promise<RosterCsvResult> {
  let records: Array<{ record: string[]; info: Pick<Info, 'lines'> }>;
  let lastLineRead = 0;
  try {
    // Each record with the line it ends on, taken from the parser's context (its `info` option would copy the whole
    // context for every record: garbage that a 15,000-row file turns into long collection pauses).
    records = (await parseInSlices(text, {
      bom: true, // Excel's "CSV UTF-8" starts with a byte order mark
      record_delimiter: ['\r\n', '\n'], // files edited on more than one system mix line endings
      relax_column_count: true, // column counts are checked here, with a message per line
      skip_empty_lines: true,
      skip_records_with_empty_values: true, // spreadsheets leave rows of bare commas at the end
      // csv-parse passes on whatever this returns; its typings insist on an array.
      on_record: ((record: string[], context: Info) => {
        lastLineRead = context.lines; // kept so that a parse error can name the line its record starts on
        return { record, info: { lines: context.lines } };
      }) as unknown as Options['on_record'],
    })) as Array<{ record: string[]; info: Pick<Info, 'lines'> }>;
  } catch (err) {
    if (err instanceof CsvError) return { ok: false, problems: [csvErrorProblem(err, text, lastLineRead)] };
    throw err;
  }

  const [header, ...body] = records;
  if (!header) return { ok: false, problems: [{ line: 1, message: `the file is empty; its first line must be the header ${ROSTER_COLUMNS.join(',')}` }] };
  const columns = readHeader(header.record);
  if (!columns.ok) return { ok: false, problems: columns.problems.map((message) => ({ line: startLine(header), message })) };
  if (body.length === 0) return { ok: false, problems: [{ line: startLine(header) + 1, message: 'the file has a header but no members' }] };

  const rows: RosterCsvRow[] = [];
  const problems: RosterProblem[] = [];
  for (const [index, entry] of body.entries()) {
    if (index % RECORDS_BETWEEN_YIELDS === RECORDS_BETWEEN_YIELDS - 1) await yieldToEventLoop();
    const line = startLine(entry);
    const { record } = entry;
    const extra = record.slice(columns.order.length);
    if (record.length < columns.order.length || extra.some((cell) => cell.trim() !== '')) {
      problems.push({ line, message: `has ${record.length} fields but the header has ${columns.order.length}; quote any value that holds a comma` });
    } else {
      const given = Object.fromEntries(columns.order.map((column, i) => [column, (record[i] ?? '').trim()]));
      const cells = { ...Object.fromEntries(OPTIONAL_ROSTER_COLUMNS.map((c) => [c, ''])), ...given } as Record<RosterColumn, string>;
      rows.push({ line, cells });
    }
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, rows };
}

function readHeader(names: string[]): { ok: true; order: RosterColumn[] } | { ok: false; problems: string[] } {
  const problems: string[] = [];
  const order: RosterColumn[] = [];
  // Trailing empty header cells are what a spreadsheet leaves after the last column; they are not columns.
  const trimmed = names.map((n) => n.trim());
  while (trimmed.length > 0 && trimmed[trimmed.length - 1] === '') trimmed.pop();
  for (const name of trimmed) {
    const column = KNOWN_COLUMNS.find((c) => c.toLowerCase() === name.toLowerCase());
    if (!column) problems.push(`the header has an unknown column "${name}"; the columns are ${ROSTER_COLUMNS.join(',')}, and optionally ${OPTIONAL_ROSTER_COLUMNS.join(',')}`);
    else if (order.includes(column)) problems.push(`the header names the column "${column}" twice`);
    else order.push(column);
  }
  const missing = ROSTER_COLUMNS.filter((c) => !order.includes(c));
  if (missing.length > 0) problems.push(`the header lacks the column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}; the columns are ${ROSTER_COLUMNS.join(',')}`);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, order };
}

/** csv-parse counts the line a record ends on; a quoted value with line breaks started that many lines earlier. */
function startLine({ record, info }: { record: string[]; info: Pick<Info, 'lines'> }): number {
  const breaks = record.reduce((n, cell) => n + countBreaks(cell), 0);
  return info.lines - breaks;
}

function csvErrorProblem(err: CsvError, text: string, lastLineRead: number): RosterProblem {
  const reason: Partial<Record<string, string>> = {
    CSV_QUOTE_NOT_CLOSED: 'a quoted value is never closed; check for a missing closing "',
    INVALID_OPENING_QUOTE: 'a " appears inside a value that does not start with a quote; quote the whole value and double the inner quotes ("")',
    CSV_INVALID_CLOSING_QUOTE: 'a quoted value is followed by more text; double any quote inside a quoted value ("")',
  };
  return {
    line: brokenRecordLine(text, lastLineRead),
    message: `the file cannot be read as CSV: ${reason[err.code] ?? err.message}; nothing after this point could be checked`,
  };
}

/**
 * The line the unreadable record starts on: the first line with content after the last record read.
 * csv-parse itself names the line it gave up on, which for an unclosed quote is the end of the file.
 */
function brokenRecordLine(text: string, lastLineRead: number): number {
  const lines = text.split(/\r?\n/);
  for (let i = lastLineRead; i < lines.length; i += 1) if (!/^[\s,]*$/.test(lines[i] ?? '')) return i + 1;
  return lastLineRead + 1;
}

const countBreaks = (s: string): number => s.match(/\n/g)?.length ?? 0;
