import type { RosterColumn } from './roster-csv';
import type { RosterProblem } from './roster-problem';

/**
 * Turns a row's cells into member data for the domain schema to validate. An empty cell means "not given"
 * (so the schema reports a missing name as missing, not as empty). `committees` is `committeeId:Seat` pairs
 * separated by `;`; the seat is everything after the first colon and defaults to "Member".
 */
export function rowToMemberData(cells: Readonly<Record<RosterColumn, string>>): { data: Record<string, unknown>; problems: RosterProblem[] } {
  const given = (value: string): string | undefined => (value === '' ? undefined : value);
  const problems: RosterProblem[] = [];
  const committees: Array<{ committeeId: string; seat?: string }> = [];
  for (const pair of cells.committees.split(';').map((p) => p.trim()).filter((p) => p !== '')) {
    const colon = pair.indexOf(':');
    const committeeId = (colon < 0 ? pair : pair.slice(0, colon)).trim();
    const seat = colon < 0 ? undefined : pair.slice(colon + 1).trim();
    if (committeeId === '') problems.push({ field: 'committees', message: `"${pair}" names no committee; write committeeId:Seat, e.g. cabinet:Leader` });
    else committees.push(seat ? { committeeId, seat } : { committeeId });
  }
  return {
    data: {
      id: given(cells.id),
      name: given(cells.name),
      role: given(cells.role.toLowerCase()), // spreadsheets capitalise: "Councillor" is meant as councillor
      title: given(cells.title),
      email: given(cells.email),
      aadObjectId: given(cells.aadObjectId),
      endsOn: given(cells.endsOn),
      // ModernGov's member id (digits, checked by the domain schema): how the sync knows them among a meeting's attendees.
      modernGovMemberId: given(cells.modernGovMemberId),
      committees,
    },
    problems,
  };
}
