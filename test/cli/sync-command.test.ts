import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runSyncCommittees, runSyncOnce, type SyncCommandDeps } from '../../src/cli/sync-command';
import { createHttpModernGovSite } from '../../src/moderngov/http-moderngov-site';
import type { Store } from '../../src/store/port';
import { openTestStore, storedCounts } from '../services/import-test-store';
import { ModernGovStandIn } from '../services/sync/moderngov-stand-in';
import { inProcessPageReader as pages } from '../support/in-process-page-reader';

const fixture = (name: string): string => readFileSync(join(__dirname, '../fixtures/moderngov', name), 'utf8');

describe('cabinet-bot sync committees / sync --once', () => {
  let standIn: ModernGovStandIn;
  let store: Store;
  let dispose: () => Promise<void>;
  let lines: string[];
  let deps: SyncCommandDeps;
  beforeEach(async () => {
    standIn = new ModernGovStandIn();
    standIn.answer('GetCommittees', { xml: fixture('lgsf_webservice_getcommittees.xml') });
    standIn.answer('GetMeetings?144', { xml: fixture('lgsf_webservice_getmeetings.xml') });
    standIn.answer('GetMeeting?4966', { xml: fixture('lgsf_webservice_getmeeting_cancelled.xml') });
    standIn.answer('GetMeeting?4967', { xml: fixture('lgsf_webservice_getmeeting.xml') });
    const baseUrl = await standIn.start();
    ({ store, dispose } = await openTestStore([{ id: 'art', name: 'Art Galleries', kind: 'other', callInWorkingDays: 5 }]));
    lines = [];
    deps = {
      store, pages, site: createHttpModernGovSite({ baseUrl, requestGapMs: 0, timeoutMs: 2000 }),
      now: () => new Date('2026-02-01T09:00:00.000Z'), out: (line) => lines.push(line), defaultCallInWorkingDays: 5,
    };
  });
  afterEach(async () => {
    await standIn.stop();
    await dispose();
  });

  it('lists what the site offers, expired ones marked; creates one committee and maps another to follow it', async () => {
    expect(await runSyncCommittees({ create: [], follow: [], json: false }, deps)).toBe(0);
    expect(lines.slice(1)).toEqual([
      '     312  Appointment Sub Committee for Director of Adult Social Services (expired)',
      '     163  Art Galleries Committee',
      '     144  Audit Committee',
    ]);
    lines = [];
    expect(await runSyncCommittees({ create: ['144'], follow: ['163=art'], json: false }, deps)).toBe(0);
    expect(lines.slice(1)).toEqual([
      '     312  Appointment Sub Committee for Director of Adult Social Services (expired)',
      '     163  Art Galleries Committee  -> followed as art',
      '     144  Audit Committee  -> followed as audit-committee',
    ]);
    expect((await store.committees.get('audit-committee'))?.value).toEqual({ id: 'audit-committee', name: 'Audit Committee', kind: 'other', callInWorkingDays: 5, externalId: '144' });
    lines = [];
    expect(await runSyncCommittees({ create: ['999'], follow: [], json: false }, deps)).toBe(1);
    expect(lines).toEqual(['The site offers no committee 999.']);
  });

  it('syncs once, showing each meeting; a dry run writes nothing; no site configured is a usage error', async () => {
    await runSyncCommittees({ create: ['144'], follow: [], json: false }, deps);
    lines = [];
    expect(await runSyncOnce({ dryRun: true, json: false }, deps)).toBe(0);
    expect(lines).toEqual([
      '  audit-committee: meeting 4966 imported (1/2)',
      '  audit-committee: meeting 4967 imported (2/2)',
      'audit-committee (ModernGov 144) [dry run: nothing written]: 2 meeting(s) seen, 2 imported, 0 unchanged, 0 failed',
    ]);
    expect(await storedCounts(store)).toEqual({ agendaItems: 0, decisions: 0, meetings: 0 });
    lines = [];
    expect(await runSyncOnce({ dryRun: false, json: false }, deps)).toBe(0);
    expect(lines.at(-1)).toBe('audit-committee (ModernGov 144): 2 meeting(s) seen, 2 imported, 0 unchanged, 0 failed');
    expect(await storedCounts(store)).toEqual({ agendaItems: 2, decisions: 0, meetings: 2 });
    lines = [];
    expect(await runSyncOnce({ dryRun: false, json: false }, { ...deps, site: undefined })).toBe(2);
    expect(lines).toEqual(["MODERNGOV_BASE_URL is empty: set it to the council's ModernGov site (https://democracy.example.gov.uk) to sync."]);
  });
});
