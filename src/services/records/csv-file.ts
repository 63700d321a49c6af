import { stringify } from 'csv-stringify/sync';

/**
 * A CSV file a spreadsheet opens cleanly: UTF-8 with a byte-order mark (so Excel reads it as UTF-8), one header
 * row, CRLF line ends, and every cell that begins with `=`, `+`, `-`, `@`, a tab or a carriage return (or their
 * full-width forms) prefixed with an apostrophe, so no cell runs as a formula (OWASP CSV injection). Names, titles
 * and notes come from imports and people, so any of them may begin so.
 */
export const spreadsheetCsv = (header: readonly string[], rows: ReadonlyArray<readonly string[]>): string =>
  stringify([header, ...rows] as string[][], { bom: true, escape_formulas: true, record_delimiter: 'windows' });

/** An instant as London wall-clock time, as a person filing the record reads it: "2026-12-01 10:32:05". */
export const londonDateTime = (instant: string): string =>
  new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
  }).format(new Date(instant));
