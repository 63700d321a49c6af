import type { AuditEntry } from '../../src/domain';
import type { AuditFilter, Store } from '../../src/store/port';
import type { CurrentStore } from './store.contract';

const officer = { id: '7a1f0c36-2b0e-4d8e-9f1a-0c2b3d4e5f60', name: 'Dana Clerk', memberId: 'dana-clerk', via: 'teams' } as const;
const admin = { id: 'local-officer', name: 'Local officer', via: 'api' } as const;

const entry = (n: number, overrides: Partial<AuditEntry> = {}): AuditEntry => ({
  id: `audit-${String(n).padStart(4, '0')}`,
  // One minute apart, from 09:00 UTC on 1 December 2026.
  at: new Date(Date.UTC(2026, 11, 1, 9, n)).toISOString(),
  actor: officer,
  action: 'exempt.viewed',
  target: { kind: 'agendaItem', id: `item-${n % 3}`, label: 'Leisure contract (exempt)' },
  ...overrides,
});

const everyPage = async (store: Store, filter: AuditFilter, pageSize: number): Promise<AuditEntry[]> => {
  const all: AuditEntry[] = [];
  let continuation: string | undefined;
  do {
    const page = await store.audit.list(filter, continuation, pageSize);
    expect(page.items.length).toBeLessThanOrEqual(pageSize);
    all.push(...page.items);
    continuation = page.continuation;
  } while (continuation !== undefined);
  return all;
};

export const describeAuditLog = (current: CurrentStore): void => {
  describe('audit log', () => {
    it('appends entries and lists them newest first, a page at a time, with nothing skipped or repeated', async () => {
      const { store } = current();
      for (let n = 0; n < 25; n++) await store.audit.append(entry(n));
      const all = await everyPage(store, {}, 7);
      expect(all.map((e) => e.id)).toEqual(Array.from({ length: 25 }, (_, i) => entry(24 - i).id));
      expect(all[0]).toEqual(entry(24));
    });

    it('appends an id once: a repeat writes nothing', async () => {
      const { store } = current();
      await store.audit.append(entry(1));
      await store.audit.append(entry(1, { action: 'member.changed' }));
      expect((await store.audit.list({})).items).toEqual([entry(1)]);
    });

    it('filters by actor (any case), action (one or several), target and period, together', async () => {
      const { store } = current();
      await store.audit.append(entry(1));
      await store.audit.append(entry(2, { actor: admin, action: 'notification.pushed', target: { kind: 'notification', id: 'n-1' } }));
      await store.audit.append(entry(3, { actor: admin, action: 'notification.cancelled', target: { kind: 'notification', id: 'n-1' } }));
      await store.audit.append(entry(4, { action: 'member.changed', target: { kind: 'member', id: 'cllr-a', label: 'Cllr A' } }));
      await store.audit.append(entry(5));
      const ids = async (filter: AuditFilter) => (await store.audit.list(filter)).items.map((e) => e.id);
      expect(await ids({ actor: officer.id.toUpperCase() })).toEqual(['audit-0005', 'audit-0004', 'audit-0001']);
      expect(await ids({ actions: ['notification.pushed'] })).toEqual(['audit-0002']);
      expect(await ids({ actions: ['notification.pushed', 'notification.cancelled'] })).toEqual(['audit-0003', 'audit-0002']);
      expect(await ids({ targetId: 'n-1', actor: 'local-officer' })).toEqual(['audit-0003', 'audit-0002']);
      // From is inclusive, to exclusive.
      expect(await ids({ from: new Date(entry(2).at), to: new Date(entry(5).at) })).toEqual(['audit-0004', 'audit-0003', 'audit-0002']);
      expect(await ids({ actions: ['exempt.viewed'], from: new Date(entry(2).at) })).toEqual(['audit-0005']);
      expect(await ids({ actions: ['roster.imported'] })).toEqual([]);
    });

    it('refuses an entry that is not valid, and a stored document that is not one', async () => {
      const { store, writeRawDocument } = current();
      await expect(store.audit.append({ ...entry(1), action: 'member.deleted' as never })).rejects.toThrow(/audit entry is not valid/);
      await writeRawDocument('audit', {
        id: 'auditEntry:bad', pk: 'bad', type: 'auditEntry', ix: { atMs: Date.UTC(2026, 11, 1) },
        data: { ...entry(9), id: 'bad', actor: { id: '' , via: 'teams' } },
      });
      await expect(store.audit.list({})).rejects.toThrow(/audit entry/);
    });

    it('purges entries before a time, and nothing after it', async () => {
      const { store } = current();
      for (let n = 0; n < 12; n++) await store.audit.append(entry(n));
      expect(await store.audit.purgeBefore(new Date(entry(5).at))).toBe(5);
      expect((await everyPage(store, {}, 100)).map((e) => e.id)).toEqual(Array.from({ length: 7 }, (_, i) => entry(11 - i).id));
      expect(await store.audit.purgeBefore(new Date(entry(5).at))).toBe(0);
    });

    it("anonymises a former member's entries, by them and about them, once", async () => {
      const { store } = current();
      await store.audit.append(entry(1));
      await store.audit.append(entry(2, { actor: admin, action: 'member.ended', target: { kind: 'member', id: 'dana-clerk', label: 'Dana Clerk' } }));
      await store.audit.append(entry(3, { actor: admin, action: 'member.changed', target: { kind: 'member', id: 'someone-else', label: 'Someone Else' } }));
      expect(await store.audit.anonymiseMember('dana-clerk', 'Former member')).toBe(2);
      const [third, second, first] = (await store.audit.list({})).items;
      expect(first!.actor).toEqual({ id: 'dana-clerk', name: 'Former member', memberId: 'dana-clerk', via: 'teams' });
      expect(second!.target).toEqual({ kind: 'member', id: 'dana-clerk', label: 'Former member' });
      expect(second!.actor).toEqual(admin);
      expect(third).toEqual(entry(3, { actor: admin, action: 'member.changed', target: { kind: 'member', id: 'someone-else', label: 'Someone Else' } }));
      expect(await store.audit.anonymiseMember('dana-clerk', 'Former member')).toBe(0);
      // Nothing says who they were: the Entra object id no longer finds their entries.
      expect((await store.audit.list({ actor: officer.id })).items).toEqual([]);
    });
  });
};
