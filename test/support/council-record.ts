import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { Committee, londonWallTimeToInstant, Meeting } from '../../src/domain';
import { importPage } from '../../src/services/import-page';
import { createEmbeddedStore } from '../../src/store/embedded';
import type { Store } from '../../src/store/port';
import { inProcessPageReader } from './in-process-page-reader';

/**
 * A council's record as the bot holds it: the pages of test/fixtures/council-record (written in the shape of real
 * ModernGov pages) and the real pages of test/fixtures/moderngov, imported through the real import use case into
 * the real embedded store, in the order their meetings were held. record.json lists the committees, the meetings
 * and each page's meeting and address. Used by the labelled questions (test and `npm run bench:answers`).
 */
export const RECORD_DIR = join(__dirname, '../fixtures/council-record');

const RecordFile = z.object({
  council: z.string(),
  /** The day the record is read on: "last month", call-in periods and statuses are as of this date. */
  today: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  committees: z.array(Committee),
  meetings: z.array(z.object({ id: z.string(), committeeId: z.string(), date: z.string(), time: z.string(), venue: z.string() })),
  pages: z.array(z.object({ file: z.string(), meeting: z.string().optional(), sourceUrl: z.string().url().optional() })),
});

/** What one page became: its agenda item, or its decision where the page has no item. */
export interface RecordPage {
  readonly file: string;
  readonly committeeId: string;
  readonly itemId?: string;
  readonly decisionId?: string;
  readonly title: string;
  readonly exempt: boolean;
}

export interface CouncilRecord {
  readonly store: Store;
  /** 09:00 in London on the record's `today`. */
  readonly now: Date;
  readonly committees: readonly Committee[];
  /** By page file name (as record.json writes it). */
  readonly pages: ReadonlyMap<string, RecordPage>;
  readonly dispose: () => Promise<void>;
}

const contentTypeOf = (file: string): string =>
  file.endsWith('.txt') ? 'text/plain; charset=utf-8' : file.endsWith('.xml') ? 'application/xml' : 'text/html; charset=utf-8';

/** The record in a new embedded store in a temporary folder (removed by dispose). */
export async function openCouncilRecord(): Promise<CouncilRecord> {
  const record = RecordFile.parse(JSON.parse(readFileSync(join(RECORD_DIR, 'record.json'), 'utf8')));
  const now = new Date(londonWallTimeToInstant(record.today, '09:00')!);
  const dataDir = mkdtempSync(join(tmpdir(), 'council-record-'));
  const store = createEmbeddedStore({ dataDir });
  for (const committee of record.committees) await store.committees.create(committee);
  for (const m of record.meetings) {
    const startsAt = londonWallTimeToInstant(m.date, m.time)!;
    await store.meetings.create(Meeting.parse({
      id: m.id, committeeId: m.committeeId, startsAt, venue: m.venue, status: Date.parse(startsAt) < now.getTime() ? 'held' : 'scheduled',
    }));
  }
  const pages = new Map<string, RecordPage>();
  for (const page of record.pages) {
    const result = await importPage({
      body: readFileSync(join(RECORD_DIR, page.file)),
      contentType: contentTypeOf(page.file),
      ...(page.meeting ? { meetingId: page.meeting } : {}),
      ...(page.sourceUrl ? { sourceUrl: page.sourceUrl } : {}),
      dryRun: false,
      importedBy: 'council-record',
      now,
    }, { store, pages: inProcessPageReader });
    const item = result.agendaItem ?? result.agendaItems[0] ?? null;
    const subject = item ?? result.decision;
    if (!subject) throw new Error(`${page.file} imported nothing`);
    pages.set(page.file, {
      file: page.file,
      committeeId: subject.committeeId,
      ...(item ? { itemId: item.id } : {}),
      ...(result.decision ? { decisionId: result.decision.id } : {}),
      title: subject.title,
      exempt: subject.exempt,
    });
  }
  return {
    store,
    now,
    committees: record.committees,
    pages,
    dispose: async () => {
      await store.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
