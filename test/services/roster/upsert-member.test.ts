import { DomainError, type Member } from '../../../src/domain';
import { upsertMember } from '../../../src/services/roster/upsert-member';
import { openRosterTestStore, type RosterTestStore } from './roster-test-store';

const joe: Member = {
  id: 'cllr-joe-orson',
  name: 'Cllr Joe Orson',
  role: 'councillor',
  title: 'Leader of the Council',
  email: 'joe.orson@demo-council.gov.uk',
  aadObjectId: '00000000-0000-4000-8000-000000000001',
  committees: [{ committeeId: 'cabinet', seat: 'Leader' }, { committeeId: 'full-council', seat: 'Member' }],
};

/** Who applies the change: the audit log records it. */
const OPERATOR = { actor: { id: 'cli:tester', via: 'cli' } } as const;

async function rejection(p: Promise<unknown>): Promise<DomainError> {
  const err = await p.then(() => undefined, (e: unknown) => e);
  if (!(err instanceof DomainError)) throw new Error(`expected a DomainError, got ${String(err)}`);
  return err;
}

describe('upsertMember', () => {
  let t: RosterTestStore;
  beforeEach(async () => {
    t = await openRosterTestStore();
  });
  afterEach(() => t.close());

  it('records each change once in the audit log, as who made it: created, changed (naming the fields), ended; nothing when unchanged', async () => {
    await upsertMember({ member: joe }, t.store, OPERATOR);
    await upsertMember({ member: joe }, t.store, OPERATOR);
    await upsertMember({ member: { ...joe, title: 'Leader', committees: [{ committeeId: 'cabinet', seat: 'Leader' }] } }, t.store, OPERATOR);
    await upsertMember({ member: { ...joe, endsOn: '2026-05-07' } }, t.store, { actor: { id: 'local-officer', via: 'api' }, requestId: 'req-1' });
    const entries = (await t.store.audit.list({})).items.reverse();
    expect(entries.map((e) => [e.action, e.actor.id, e.target])).toEqual([
      ['member.created', 'cli:tester', { kind: 'member', id: joe.id, label: joe.name }],
      ['member.changed', 'cli:tester', { kind: 'member', id: joe.id, label: joe.name }],
      ['member.ended', 'local-officer', { kind: 'member', id: joe.id, label: joe.name }],
    ]);
    expect(entries[1]!.details).toEqual({ changed: ['title', 'committees'], committees: ['cabinet'], committeesBefore: ['cabinet', 'full-council'] });
    expect(entries[2]!).toMatchObject({ requestId: 'req-1', details: { endsOn: '2026-05-07' } });
  });

  it("erases a former member's personal chats when an end date already come is saved, and only forgets them as a channel's installer", async () => {
    const chat = { kind: 'personal' as const, reference: { serviceUrl: 'https://smba.example/teams/' }, reachable: true, updatedAt: '2026-11-01T09:00:00.000Z' };
    await upsertMember({ member: joe }, t.store, OPERATOR);
    await t.store.conversations.upsert({ ...chat, id: 'a:1personal-joe', memberId: joe.id, aadObjectId: joe.aadObjectId });
    await t.store.conversations.upsert({ ...chat, id: '19:cabinet@thread.tacv2', kind: 'channel', memberId: joe.id, aadObjectId: joe.aadObjectId, teamId: 'team-1', name: 'Cabinet / General' });

    await upsertMember({ member: { ...joe, endsOn: '2999-05-06' } }, t.store, OPERATOR);
    expect(await t.store.conversations.get('a:1personal-joe')).toBeDefined();

    await upsertMember({ member: { ...joe, endsOn: '2026-05-07' } }, t.store, OPERATOR);
    expect(await t.store.conversations.get('a:1personal-joe')).toBeUndefined();
    const channel = (await t.store.conversations.get('19:cabinet@thread.tacv2'))?.value;
    expect(channel).toMatchObject({ kind: 'channel', teamId: 'team-1', reachable: true });
    expect(channel?.memberId).toBeUndefined();
    expect(channel?.aadObjectId).toBeUndefined();
    expect(await t.store.conversations.listByMember(joe.id)).toEqual([]);
  });

  it('creates a member, then replaces it, answering created and the stored etag each time', async () => {
    const first = await upsertMember({ member: joe }, t.store, OPERATOR);
    expect(first.created).toBe(true);
    expect(first.member).toEqual(joe);
    const stored = await t.store.members.get(joe.id);
    expect(stored).toEqual({ value: joe, etag: first.etag });

    const second = await upsertMember({ member: { ...joe, title: 'Leader' } }, t.store, OPERATOR);
    expect(second.created).toBe(false);
    expect(second.etag).not.toBe(first.etag);
    expect((await t.store.members.get(joe.id))?.value.title).toBe('Leader');
    expect(await t.store.members.list()).toHaveLength(1);
  });

  it('fills the default seat "Member" and refuses data the schema does not accept, naming each field', async () => {
    const saved = await upsertMember({ member: { id: 'x', name: 'X', role: 'councillor', committees: [{ committeeId: 'cabinet' }] } }, t.store, OPERATOR);
    expect(saved.member.committees).toEqual([{ committeeId: 'cabinet', seat: 'Member' }]);

    const err = await rejection(upsertMember({ member: { id: 'y', role: 'mayor', email: 'not-an-email', aadObjectId: '42' } }, t.store, OPERATOR));
    expect(err.code).toBe('invalid');
    expect(err.details?.errors).toEqual([
      { where: 'name', message: 'is required' },
      { where: 'role', message: "Invalid enum value. Expected 'councillor' | 'officer' | 'admin', received 'mayor'" },
      { where: 'email', message: 'Invalid email' },
      { where: 'aadObjectId', message: 'Invalid uuid' },
    ]);
    expect(await t.store.members.get('y')).toBeUndefined();
  });

  it('refuses a committee that does not exist, naming it and the ones that do', async () => {
    const err = await rejection(upsertMember({ member: { ...joe, committees: [{ committeeId: 'planning', seat: 'Chair' }] } }, t.store, OPERATOR));
    expect(err.code).toBe('invalid');
    expect(err.message).toBe(
      'Member cllr-joe-orson cannot be saved: committees: committee "planning" does not exist (known committees: cabinet, full-council, scrutiny)',
    );
    expect(await t.store.members.get(joe.id)).toBeUndefined();
  });

  it('refuses the same committee twice', async () => {
    const err = await rejection(upsertMember({ member: { ...joe, committees: [{ committeeId: 'cabinet', seat: 'Leader' }, { committeeId: 'cabinet', seat: 'Member' }] } }, t.store, OPERATOR));
    expect(err.message).toContain('committee "cabinet" is listed twice');
  });

  it('refuses an email (any case) or Entra object id already linked to another member', async () => {
    await upsertMember({ member: joe }, t.store, OPERATOR);
    const byEmail = await rejection(upsertMember({ member: { id: 'other', name: 'Other', role: 'officer', email: 'JOE.Orson@demo-council.gov.uk' } }, t.store, OPERATOR));
    expect(byEmail.code).toBe('invalid');
    expect(byEmail.message).toBe(
      'Member other cannot be saved: email: JOE.Orson@demo-council.gov.uk is already linked to member cllr-joe-orson (Cllr Joe Orson); each Teams identity belongs to one member',
    );
    const byAad = await rejection(upsertMember({ member: { id: 'other', name: 'Other', role: 'officer', aadObjectId: joe.aadObjectId!.toUpperCase() } }, t.store, OPERATOR));
    expect(byAad.details?.errors).toEqual([
      { where: 'aadObjectId', message: `${joe.aadObjectId!.toUpperCase()} is already linked to member cllr-joe-orson (Cllr Joe Orson); each Teams identity belongs to one member` },
    ]);
    expect(await t.store.members.get('other')).toBeUndefined();
    // The member's own identity is not a clash with itself.
    await expect(upsertMember({ member: { ...joe, name: 'Joe Orson' } }, t.store, OPERATOR)).resolves.toMatchObject({ created: false });
  });

  describe('with If-Match', () => {
    it('replaces when the etag is the current one, quoted or not', async () => {
      const { etag } = await upsertMember({ member: joe }, t.store, OPERATOR);
      const quoted = await upsertMember({ member: { ...joe, name: 'J. Orson' }, ifMatch: `"${etag}"` }, t.store, OPERATOR);
      expect(quoted.member.name).toBe('J. Orson');
      const bare = await upsertMember({ member: { ...joe, name: 'Joe' }, ifMatch: quoted.etag }, t.store, OPERATOR);
      expect((await t.store.members.get(joe.id))).toEqual({ value: { ...joe, name: 'Joe' }, etag: bare.etag });
    });

    it('refuses a stale etag as a conflict and leaves the member as it was', async () => {
      const { etag: stale } = await upsertMember({ member: joe }, t.store, OPERATOR);
      await upsertMember({ member: { ...joe, title: 'Leader' } }, t.store, OPERATOR);
      const err = await rejection(upsertMember({ member: { ...joe, title: 'Former Leader' }, ifMatch: stale }, t.store, OPERATOR));
      expect(err.code).toBe('conflict');
      expect(err.message).toBe('member cllr-joe-orson was changed by someone else; reload it and try again');
      expect((await t.store.members.get(joe.id))?.value.title).toBe('Leader');
    });

    it('never matches a weak etag', async () => {
      const { etag } = await upsertMember({ member: joe }, t.store, OPERATOR);
      expect((await rejection(upsertMember({ member: joe, ifMatch: `W/"${etag}"` }, t.store, OPERATOR))).code).toBe('conflict');
    });

    it('refuses an etag for a member that does not exist, and * only replaces an existing member', async () => {
      const missing = await rejection(upsertMember({ member: joe, ifMatch: '"anything"' }, t.store, OPERATOR));
      expect(missing.code).toBe('conflict');
      expect(missing.message).toContain('does not exist');
      expect((await rejection(upsertMember({ member: joe, ifMatch: '*' }, t.store, OPERATOR))).code).toBe('conflict');
      expect(await t.store.members.get(joe.id)).toBeUndefined();

      await upsertMember({ member: joe }, t.store, OPERATOR);
      await expect(upsertMember({ member: { ...joe, name: 'Joe' }, ifMatch: '*' }, t.store, OPERATOR)).resolves.toMatchObject({ created: false, member: { name: 'Joe' } });
    });
  });
});
