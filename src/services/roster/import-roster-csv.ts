import type { AuditContext, Member } from '../../domain';
import { recordChange } from '../audit/record-change';
import { committeeProblems, identityKeys, parseMember, sameMember } from './member-checks';
import { readRosterCsv, yieldToEventLoop } from './roster-csv';
import { linkMemberChats } from './link-member-chats';
import type { RosterDeps } from './roster-deps';
import type { RosterProblem } from './roster-problem';
import { rowToMemberData } from './roster-row';

export interface ImportRosterOptions {
  /** Check the file and report what would change, writing nothing. */
  readonly dryRun?: boolean;
  /** Who applies the file, for the audit log. */
  readonly by: AuditContext;
  readonly now?: () => Date;
}

export type RosterImportOutcome = 'created' | 'updated' | 'unchanged';

export type RosterImportReport =
  | {
      readonly ok: true;
      readonly dryRun: boolean;
      readonly rows: number;
      readonly created: number;
      readonly updated: number;
      readonly unchanged: number;
      readonly members: ReadonlyArray<{ readonly line: number; readonly id: string; readonly outcome: RosterImportOutcome }>;
    }
  | {
      readonly ok: false;
      readonly dryRun: boolean;
      /** Data rows read; 0 when the file could not be read as CSV at all. */
      readonly rows: number;
      /** Every problem found, by line; nothing was written. */
      readonly problems: RosterProblem[];
    };

const ROWS_BETWEEN_YIELDS = 250;

interface CheckedRow {
  readonly line: number;
  readonly member: Member;
}

/**
 * Imports the officer's roster spreadsheet. Every row is checked (schema, committees, duplicate ids, Teams
 * identities shared between members) before any is written, so a file with one bad line changes nothing.
 * Members missing from the file are left as they are: the import adds and updates, it never deletes.
 */
export async function importRosterCsv(csvText: string, deps: RosterDeps, options: ImportRosterOptions): Promise<RosterImportReport> {
  const dryRun = options.dryRun ?? false;
  const csv = await readRosterCsv(csvText);
  if (!csv.ok) return { ok: false, dryRun, rows: 0, problems: csv.problems };

  const [committees, stored] = await Promise.all([deps.committees.list(), deps.members.list()]);
  const knownCommittees = new Set(committees.map((c) => c.id));
  const storedById = new Map(stored.map((m) => [m.id, m]));

  const problems: RosterProblem[] = [];
  const checked: CheckedRow[] = [];
  const firstLineOfId = new Map<string, number>();
  for (const [index, { line, cells }] of csv.rows.entries()) {
    // Checking a row is cheap but a file has thousands: the event loop gets a turn every few hundred.
    if (index % ROWS_BETWEEN_YIELDS === ROWS_BETWEEN_YIELDS - 1) await yieldToEventLoop();
    const { data, problems: cellProblems } = rowToMemberData(cells);
    const parsed = parseMember(data);
    const rowProblems = [...cellProblems, ...(parsed.ok ? committeeProblems(parsed.member, knownCommittees) : parsed.problems)];
    if (parsed.ok) {
      const firstLine = firstLineOfId.get(parsed.member.id);
      if (firstLine !== undefined) rowProblems.push({ field: 'id', message: `member ${parsed.member.id} is also on line ${firstLine}; give each member one row` });
      else firstLineOfId.set(parsed.member.id, line);
    }
    problems.push(...rowProblems.map((p) => ({ line, ...p })));
    if (parsed.ok && rowProblems.length === 0) checked.push({ line, member: keepLearnedLink(parsed.member, storedById.get(parsed.member.id)) });
  }
  problems.push(...identityClashes(checked, stored));
  if (problems.length > 0) return { ok: false, dryRun, rows: csv.rows.length, problems: problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0)) };

  const members = checked.map(({ line, member }) => {
    const current = storedById.get(member.id);
    const outcome: RosterImportOutcome = !current ? 'created' : sameMember(current, member) ? 'unchanged' : 'updated';
    return { line, id: member.id, outcome, member };
  });
  if (!dryRun) {
    // One at a time: a council's roster is small, and a storage failure then stops at a known row.
    // Rows are upserted (the file is the truth), so running the import again after a failure completes it.
    for (const row of members) {
      if (row.outcome === 'unchanged') continue;
      await deps.members.upsert(row.member);
      await linkMemberChats(row.member, deps);
    }
  }
  const count = (o: RosterImportOutcome) => members.filter((m) => m.outcome === o).length;
  const touched = members.filter((m) => m.outcome !== 'unchanged');
  // One entry for the file (one event), naming the members it created or changed; a dry run or a file that changed
  // nothing writes nothing, and is no event.
  if (!dryRun && touched.length > 0) {
    await recordChange(
      deps.audit,
      options.by,
      {
        action: 'roster.imported',
        target: { kind: 'roster', id: 'roster', label: 'Roster CSV' },
        details: {
          rows: members.length, created: count('created'), updated: count('updated'),
          members: touched.slice(0, 50).map((m) => `${m.outcome}:${m.id}`),
          ended: touched.filter((m) => m.member.endsOn !== undefined && storedById.get(m.id)?.endsOn !== m.member.endsOn).slice(0, 50).map((m) => m.id),
        },
      },
      (options.now ?? (() => new Date()))(),
    );
  }
  return {
    ok: true,
    dryRun,
    rows: members.length,
    created: count('created'),
    updated: count('updated'),
    unchanged: count('unchanged'),
    members: members.map(({ line, id, outcome }) => ({ line, id, outcome })),
  };
}

/**
 * The Entra object id is learned from Teams (linkTeamsUser) and rarely known to the officer writing the file:
 * an empty cell keeps the stored link rather than breaking it. A different id in the file replaces it. The ModernGov
 * member id likewise: an empty cell, or a file without the column, keeps it; a different one replaces it.
 */
function keepLearnedLink(member: Member, current: Member | undefined): Member {
  const kept = member.aadObjectId === undefined && current?.aadObjectId ? { ...member, aadObjectId: current.aadObjectId } : member;
  const withSync = current?.modernGovMemberId && kept.modernGovMemberId === undefined ? { ...kept, modernGovMemberId: current.modernGovMemberId } : kept;
  // An end date is never cleared by a file (an old spreadsheet, or no endsOn column, must not bring a former member
  // back, with access to exempt business): reinstating someone is a deliberate PUT without endsOn.
  return current?.endsOn !== undefined && withSync.endsOn === undefined ? { ...withSync, endsOn: current.endsOn } : withSync;
}

/**
 * Two members may not share an email or Entra object id once the import is done. The check is against the
 * roster as it will be: stored members the file does not mention, then the file's rows in order, so an email
 * moved from one member to another within the same file is not a clash.
 */
function identityClashes(rows: readonly CheckedRow[], stored: readonly Member[]): RosterProblem[] {
  const inFile = new Set(rows.map((r) => r.member.id));
  const holders = new Map<string, { id: string; name: string; line?: number }>();
  for (const m of stored) {
    if (inFile.has(m.id)) continue;
    for (const { key } of identityKeys(m)) if (!holders.has(key)) holders.set(key, { id: m.id, name: m.name });
  }
  const problems: RosterProblem[] = [];
  for (const { line, member } of rows) {
    for (const { field, key, shown } of identityKeys(member)) {
      const holder = holders.get(key);
      if (!holder) {
        holders.set(key, { id: member.id, name: member.name, line });
        continue;
      }
      const where = holder.line !== undefined ? `on line ${holder.line}` : 'already on the roster';
      problems.push({ line, field, message: `${shown} is also the ${field} of member ${holder.id} (${holder.name}), ${where}; each Teams identity belongs to one member` });
    }
  }
  return problems;
}
