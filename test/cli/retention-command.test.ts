// Tests src/cli/retention-command.ts and the use case it drives, src/services/roster/apply-retention.ts.
import { runRetentionApply } from '../../src/cli/retention-command';
import { loadConfig } from '../../src/config';
import type { AuditEntry, Member } from '../../src/domain';
import { addCalendarMonths } from '../../src/services/roster/apply-retention';
import { openRosterTestStore, type RosterTestStore } from '../services/roster/roster-test-store';

const NOW = new Date('2026-12-01T10:00:00.000Z');
const chat = { kind: 'personal' as const, reference: { serviceUrl: 'https://smba.example/teams/' }, reachable: true, updatedAt: '2026-11-01T09:00:00.000Z' };
const person = (id: string, name: string, endsOn?: string): Member => ({
  id, name, role: 'councillor', title: 'Ward councillor', email: `${id}@demo-council.gov.uk`, committees: [{ committeeId: 'cabinet', seat: 'Member' }],
  ...(endsOn !== undefined ? { endsOn } : {}),
});

describe('cabinet-bot retention apply', () => {
  let t: RosterTestStore;
  let lines: string[];
  const out = (line: string) => lines.push(line);
  beforeEach(async () => {
    t = await openRosterTestStore();
    lines = [];
    await t.store.members.create(person('staying', 'Cllr Staying'));
    await t.store.members.create(person('left-recently', 'Cllr Recent', '2026-11-30'));
    await t.store.members.create(person('left-long-ago', 'Cllr Long Gone', '2021-05-06'));
    await t.store.members.create(person('leaving-later', 'Cllr Later', '2027-05-06'));
    for (const id of ['staying', 'left-recently', 'left-long-ago', 'leaving-later']) await t.store.conversations.upsert({ ...chat, id: `a:1${id}`, memberId: id });
  });
  afterEach(() => t.close());

  it("erases every former member's chats, and after the retention period names them Former member; again, it changes nothing", async () => {
    expect(await runRetentionApply({ json: false }, { store: t.store, retentionMonths: 72, now: () => NOW, out })).toBe(0);
    expect(lines).toEqual([
      '2 former members on the roster; 2 conversation records erased.',
      "Nobody's retention period (72 months after their end date) ended since the last run.",
      'Audit log: 0 entries older than 72 months removed; 0 entries of former members made to name no one.',
    ]);
    expect((await t.store.conversations.get('a:1staying'))).toBeDefined();
    expect((await t.store.conversations.get('a:1leaving-later'))).toBeDefined();
    expect((await t.store.conversations.get('a:1left-recently'))).toBeUndefined();
    expect((await t.store.conversations.get('a:1left-long-ago'))).toBeUndefined();

    lines = [];
    await runRetentionApply({ json: false }, { store: t.store, retentionMonths: 12, now: () => NOW, out });
    expect(lines[1]).toBe('Retention period (12 months) over: personal details removed for left-long-ago; their records now say "Former member".');
    expect((await t.store.members.get('left-long-ago'))?.value).toEqual({ id: 'left-long-ago', name: 'Former member', role: 'councillor', committees: [], endsOn: '2021-05-06' });
    expect((await t.store.members.get('left-recently'))?.value.name).toBe('Cllr Recent');
    expect((await t.store.members.get('staying'))?.value.email).toBe('staying@demo-council.gov.uk');

    lines = [];
    await runRetentionApply({ json: true }, { store: t.store, retentionMonths: 12, now: () => NOW, out });
    expect(JSON.parse(lines.join('\n'))).toEqual({ retentionMonths: 12, formerMembers: 2, chatsErased: 0, anonymised: [], auditEntriesRemoved: 0, auditEntriesAnonymised: 0 });
  });

  it('removes audit entries older than the retention period, and makes those of a former member whose period is over name no one', async () => {
    const entry = (id: string, at: string, actor: AuditEntry['actor'], target: AuditEntry['target']): AuditEntry => ({ id, at, actor, action: 'exempt.viewed', target });
    const longGone = { id: '11111111-0000-4000-8000-000000000001', name: 'Cllr Long Gone', memberId: 'left-long-ago', via: 'teams' } as const;
    const staying = { id: '22222222-0000-4000-8000-000000000002', name: 'Cllr Staying', memberId: 'staying', via: 'teams' } as const;
    const item = { kind: 'agendaItem', id: 'item-1', label: 'Land disposal' } as const;
    // 12 months before 1 December 2026 (London) is midnight on 1 December 2025, GMT.
    await t.store.audit.append(entry('a-too-old', '2025-11-30T23:59:59.000Z', staying, item));
    await t.store.audit.append(entry('a-just-kept', '2025-12-01T00:00:00.000Z', staying, item));
    await t.store.audit.append(entry('a-by-long-gone', '2026-01-10T10:00:00.000Z', longGone, item));
    await t.store.audit.append({ ...entry('a-about-long-gone', '2026-02-10T10:00:00.000Z', { id: 'cli:clerk', via: 'cli' }, { kind: 'member', id: 'left-long-ago', label: 'Cllr Long Gone' }), action: 'member.ended' });

    await runRetentionApply({ json: true }, { store: t.store, retentionMonths: 12, now: () => NOW, out });
    expect(JSON.parse(lines.join('\n'))).toMatchObject({ anonymised: ['left-long-ago'], auditEntriesRemoved: 1, auditEntriesAnonymised: 2 });
    const kept = (await t.store.audit.list({})).items;
    expect(kept.map((e) => e.id)).toEqual(['a-about-long-gone', 'a-by-long-gone', 'a-just-kept']);
    expect(kept[0]!.target).toEqual({ kind: 'member', id: 'left-long-ago', label: 'Former member' });
    expect(kept[1]!.actor).toEqual({ id: 'left-long-ago', name: 'Former member', memberId: 'left-long-ago', via: 'teams' });
    expect(kept[2]!.actor).toEqual(staying);

    lines = [];
    await runRetentionApply({ json: true }, { store: t.store, retentionMonths: 12, now: () => NOW, out });
    expect(JSON.parse(lines.join('\n'))).toMatchObject({ anonymised: [], auditEntriesRemoved: 0, auditEntriesAnonymised: 0 });
  });

  it('counts months on the calendar, the last day of a shorter month standing in', () => {
    expect(addCalendarMonths('2020-05-07', 72)).toBe('2026-05-07');
    expect(addCalendarMonths('2025-08-31', 6)).toBe('2026-02-28');
  });

  it('reads RETENTION_MONTHS: 72 by default, and refuses one that is not a whole number of months from 1 to 1200', () => {
    expect(loadConfig({}).retentionMonths).toBe(72);
    expect(loadConfig({ RETENTION_MONTHS: '84' }).retentionMonths).toBe(84);
    for (const bad of ['0', 'six years', '1.5', '1201']) expect(() => loadConfig({ RETENTION_MONTHS: bad })).toThrow(/RETENTION_MONTHS/);
  });
});
