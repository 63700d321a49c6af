import { readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { formatDateTime } from '../cards/format-date';
import { DomainError, type NotificationKind, type QuietHours } from '../domain';
import type { ImportWarning } from '../import/import-warning';
import { importPage, importResponseBody, type ImportPageResult } from '../services/import-page';
import type { PageReader } from '../services/page-reader';
import type { Store } from '../store/port';

export interface ImportCommandArgs {
  readonly file: string;
  readonly meetingId?: string;
  /** The committee a GetMeeting answer belongs to: it names none. */
  readonly committeeId?: string;
  readonly dryRun: boolean;
  readonly json: boolean;
  readonly sourceUrl?: string;
  /** Create the committee the page names when the store does not hold it yet. */
  readonly createCommittee?: boolean;
}

export interface ImportCommandDeps {
  readonly store: Store;
  readonly pages: PageReader;
  readonly out: (line: string) => void;
  readonly now: () => Date;
  /** The notifications the import makes due wait for the end of quiet hours (QUIET_HOURS). */
  readonly quietHours?: QuietHours;
  /** The council's call-in period (CALL_IN_WORKING_DAYS), for a committee the import creates. */
  readonly defaultCallInWorkingDays?: number;
}

export const EXIT_OK = 0;
export const EXIT_INVALID_INPUT = 1;
export const EXIT_USAGE = 2;

/** The page's kind follows from how the officer saved it. */
const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.txt': 'text/plain; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
};

/** Who imported, for the records' change history: the officer's login on this machine. */
const importer = (): string => `cli:${process.env.USER ?? process.env.USERNAME ?? 'officer'}`;

const clip = (text: string, max = 160): string => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

function printWarnings(warnings: readonly ImportWarning[], out: (line: string) => void): void {
  if (warnings.length === 0) {
    out('No warnings.');
    return;
  }
  out(`Warnings (${warnings.length}):`);
  for (const w of warnings) out(`  ! ${w.where}: ${w.message} [${w.code}]`);
}

/** What was understood, in the officer's words, so that a wrong reading is caught before members see it. */
function printResult(result: ImportPageResult, out: (line: string) => void): void {
  const { agendaItem, decision, meeting, committee } = result;
  out(result.dryRun ? 'Dry run: nothing was stored.' : 'Imported.');
  out(`Committee:      ${committee.name}`);
  if (meeting) out(`Meeting:        ${formatDateTime(meeting.startsAt)}${meeting.venue ? `, ${meeting.venue}` : ''} (${meeting.id})`);
  if (agendaItem) {
    out(`Title:          ${agendaItem.title}`);
    if (agendaItem.titleAsPublished !== agendaItem.title) out(`  as published: ${agendaItem.titleAsPublished}`);
    if (agendaItem.portfolioHolder) out(`Portfolio:      ${agendaItem.portfolioHolder}`);
    if (agendaItem.leadOfficer) out(`Lead officer:   ${agendaItem.leadOfficer.name}${agendaItem.leadOfficer.role ? `, ${agendaItem.leadOfficer.role}` : ''}`);
    if (agendaItem.exempt) out(`Exempt:         yes${agendaItem.exemptReason ? ` (${clip(agendaItem.exemptReason, 100)})` : ''}`);
  } else if (result.agendaItems.length > 0) {
    out(`Agenda items (${result.agendaItems.length}):`);
    for (const item of result.agendaItems) {
      out(`  ${item.number ?? '-'}. ${item.title}${item.exempt ? ' [exempt]' : ''}${item.documents.length ? ` (${item.documents.length} document(s))` : ''}`);
    }
  }
  if (decision) {
    if (!agendaItem) out(`Title:          ${decision.title}`);
    out(`Decision maker: ${decision.decisionMaker}`);
    out(`Decision type:  ${decision.type}`);
    if (decision.subjectToCallIn !== undefined) out(`Call-in:        ${decision.subjectToCallIn ? 'subject to call-in' : 'not subject to call-in'}`);
    if (decision.decidedOn) out(`Decided on:     ${decision.decidedOn}`);
    if (decision.publishedOn) out(`Published on:   ${decision.publishedOn}`);
    out(`Outcomes (${decision.outcomes.length}):`);
    for (const o of decision.outcomes) out(`  ${o.number}) ${o.verb}${o.target ? ` to ${o.target}` : ''} [${o.status}]: ${clip(o.text)}`);
  }
  const documents = agendaItem?.documents ?? decision?.documents ?? [];
  if (agendaItem || decision) {
    out(documents.length === 0 ? 'Documents:      none' : `Documents (${documents.length}):`);
    for (const d of documents) out(`  - ${d.title}${d.url ? ` <${d.url}>` : ''}${d.restricted ? ' [restricted]' : ''}`);
  }
  for (const w of result.writes) out(`${result.dryRun ? 'Would have ' : ''}${w.action === 'unchanged' ? 'left unchanged' : w.action}: ${w.record} ${w.id}`);
  for (const n of result.notifications.planned) {
    out(`Notification ${n.id} (${NOTIFICATION_WORDS[n.kind]}): ${n.status === 'held' ? 'held for an officer to send' : `to go ${formatDateTime(n.sendAt)} (or at the end of quiet hours)`}`);
  }
  if (result.notifications.problem) out(`Note: ${result.notifications.problem}`);
  printWarnings(result.warnings, out);
}

const NOTIFICATION_WORDS: Record<NotificationKind, string> = {
  'agenda-item': 'the item, to the committee',
  'meeting-digest': 'the agenda, to the committee',
  reminder: 'a reminder to those who have not acknowledged',
  'decision-published': 'the decision notice',
  'call-in-ended': 'the end of the call-in period',
  'overdue-actions': 'overdue actions',
  'card-update': 'cards already sent, redrawn',
  notice: 'a notice of what changed',
};

/**
 * `cabinet-bot import <file> [--meeting <id>] [--committee <id>] [--source-url <url>] [--create-committee] [--dry-run] [--json]`: imports one saved
 * ModernGov page and prints what was understood. Exit codes: 0 imported, 1 the page could not be imported,
 * 2 the command was used wrongly (no such file, a file type we do not read).
 */
export async function runImportCommand(args: ImportCommandArgs, deps: ImportCommandDeps): Promise<number> {
  const { out } = deps;
  const usage = (message: string): number => {
    if (args.json) out(JSON.stringify({ error: { code: 'usage', message } }));
    else out(`${message}\nUsage: import <file.txt|file.html|file.xml> [--meeting <id>] [--committee <id>] [--source-url <url>] [--create-committee] [--dry-run] [--json]`);
    return EXIT_USAGE;
  };
  const contentType = CONTENT_TYPES[extname(args.file).toLowerCase()];
  if (!contentType) return usage(`Cannot tell what kind of page "${args.file}" is: save it as .txt (agenda-item page), .html (decision details) or .xml (GetMeeting).`);
  let body: Buffer;
  try {
    if (!(await stat(args.file)).isFile()) return usage(`"${args.file}" is not a file.`);
    body = await readFile(args.file);
  } catch (err) {
    return usage(`Cannot read "${args.file}": ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}.`);
  }
  try {
    const result = await importPage({
      body,
      contentType,
      ...(args.meetingId !== undefined ? { meetingId: args.meetingId } : {}),
      ...(args.committeeId !== undefined ? { committeeId: args.committeeId } : {}),
      ...(args.sourceUrl !== undefined ? { sourceUrl: args.sourceUrl } : {}),
      dryRun: args.dryRun,
      createCommittee: args.createCommittee ?? false,
      ...(deps.defaultCallInWorkingDays !== undefined ? { defaultCallInWorkingDays: deps.defaultCallInWorkingDays } : {}),
      importedBy: importer(), importedVia: 'cli',
      now: deps.now(),
    }, { store: deps.store, pages: deps.pages, ...(deps.quietHours ? { notifications: { quietHours: deps.quietHours } } : {}) });
    if (args.json) out(JSON.stringify({ ...importResponseBody(result), dryRun: result.dryRun, writes: result.writes }, null, 2));
    else printResult(result, out);
    return EXIT_OK;
  } catch (err) {
    if (!(err instanceof DomainError)) throw err; // a bug or a broken store: let the CLI's entry point report it
    if (args.json) out(JSON.stringify({ error: { code: err.code, message: err.message, ...(err.details ? { details: err.details } : {}) } }));
    else out(`Not imported: ${err.message}`);
    return EXIT_INVALID_INPUT;
  }
}
