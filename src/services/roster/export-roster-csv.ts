import type { Member } from '../../domain';
import { spreadsheetCsv } from '../records/csv-file';
import { OPTIONAL_ROSTER_COLUMNS, ROSTER_COLUMNS } from './roster-csv';

/**
 * The roster as the file `members import` reads (every column, the optional ones too: endsOn, modernGovMemberId), so an
 * officer can take it into a spreadsheet, change it and import it back. Seats are `committeeId:Seat` pairs separated
 * by `;`, as the import reads them. Like every CSV the bot writes, a cell that would run as a formula is prefixed with
 * an apostrophe (records/csv-file.ts).
 */
export function exportRosterCsv(members: readonly Member[]): string {
  const header = [...ROSTER_COLUMNS, ...OPTIONAL_ROSTER_COLUMNS];
  const rows = [...members].sort((a, b) => a.id.localeCompare(b.id)).map((m) => {
    const cells: Record<(typeof header)[number], string> = {
      id: m.id,
      name: m.name,
      role: m.role,
      title: m.title ?? '',
      email: m.email ?? '',
      aadObjectId: m.aadObjectId ?? '',
      committees: m.committees.map((c) => `${c.committeeId}:${c.seat}`).join(';'),
      endsOn: m.endsOn ?? '',
      modernGovMemberId: m.modernGovMemberId ?? '',
    };
    return header.map((column) => cells[column]);
  });
  return spreadsheetCsv(header, rows);
}
