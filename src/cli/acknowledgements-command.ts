import { writeFile } from 'node:fs/promises';
import { DomainError } from '../domain';
import { itemAcknowledgements, itemAcknowledgementsCsv, type ItemAcknowledgements } from '../services/records/item-acknowledgements';
import { meetingAcknowledgements, meetingAcknowledgementsCsv } from '../services/records/meeting-acknowledgements';
import { exemptViews } from '../services/audit/exempt-views';
import { officerReader } from '../services/records/record-reader';
import { cliAuditContext } from './operator';
import type { Store } from '../store/port';

export interface AcknowledgementsArgs {
  readonly of: 'item' | 'meeting';
  readonly id: string;
  /** Write the CSV (what the API answers to Accept: text/csv) to this new file. */
  readonly csv?: string;
  readonly json: boolean;
}

/**
 * `cabinet-bot acknowledgements item|meeting <id>`: the acknowledgement record for the file, printed, as JSON, or
 * written as a CSV a spreadsheet opens. Exit codes: 0 done; 1 no such item or meeting; 2 the file could not be written
 * (an existing file is never overwritten).
 */
export async function runAcknowledgementsCommand(args: AcknowledgementsArgs, deps: { store: Store; out: (line: string) => void }): Promise<number> {
  let record: { csv: string; json: unknown; items: readonly ItemAcknowledgements[]; title: string };
  // An exempt item's record read from the command line is a read of exempt business like any other: recorded against
  // the operator; a failed write is said on stderr (stdout may be JSON), and the record still given.
  const views = exemptViews(deps.store.audit, {
    now: () => new Date(),
    onNotRecorded: (err) => console.error(`Warning: the audit log could not record this read (${err instanceof Error ? err.message : String(err)}).`),
  });
  const reader = officerReader(views, cliAuditContext());
  try {
    if (args.of === 'item') {
      const item = await itemAcknowledgements(args.id, reader, deps.store);
      record = { csv: itemAcknowledgementsCsv(item), json: item, items: [item], title: `Agenda item ${item.item.id}` };
    } else {
      const meeting = await meetingAcknowledgements(args.id, reader, deps.store);
      record = { csv: meetingAcknowledgementsCsv(meeting), json: meeting, items: meeting.items, title: `Meeting ${meeting.meeting.id}` };
    }
  } catch (err) {
    if (err instanceof DomainError && err.code === 'not-found') {
      deps.out(`${err.message}.`);
      return 1;
    }
    throw err;
  }
  if (args.csv !== undefined) {
    try {
      await writeFile(args.csv, record.csv, { encoding: 'utf8', flag: 'wx' });
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      deps.out(`Cannot write ${args.csv}: ${code === 'EEXIST' ? 'the file exists (choose a new name)' : (err as Error).message}`);
      return 2;
    }
  }
  if (args.json) deps.out(JSON.stringify(record.json, null, 2));
  else {
    deps.out(`${record.title}: acknowledgements`);
    for (const { item, acknowledged, outstanding } of record.items) {
      deps.out(`  ${item.number !== undefined ? `${item.number}. ` : ''}${item.title}: ${acknowledged.length} acknowledged, ${outstanding.length} outstanding`);
      if (outstanding.length > 0) deps.out(`    not yet: ${outstanding.map((o) => o.name).join(', ')}`);
    }
  }
  if (args.csv !== undefined) deps.out(`Wrote ${args.csv} (CSV, UTF-8, for a spreadsheet).`);
  return 0;
}
