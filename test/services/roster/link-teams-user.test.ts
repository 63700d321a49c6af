import type { Member } from '../../../src/domain';
import { linkTeamsUser } from '../../../src/services/roster/link-teams-user';
import type { MemberStore } from '../../../src/store/port';
import { openRosterTestStore, type RosterTestStore } from './roster-test-store';

const AAD = '6f1c4b2a-1111-4222-8333-444455556666';
const alan: Member = {
  id: 'cllr-alan-pearson', name: 'Cllr Alan Pearson', role: 'councillor', email: 'Alan.Pearson@demo-council.gov.uk',
  committees: [{ committeeId: 'cabinet', seat: 'Portfolio Holder for Housing and Communities' }],
};

describe('linkTeamsUser', () => {
  let t: RosterTestStore;
  beforeEach(async () => {
    t = await openRosterTestStore();
    await t.store.members.create(alan);
  });
  afterEach(() => t.close());

  it('finds a member by email in any case and stores the Entra object id, so the next turn finds them by id', async () => {
    const found = await linkTeamsUser({ aadObjectId: AAD, email: 'alan.PEARSON@demo-council.gov.uk', name: 'Alan Pearson' }, t.store);
    expect(found).toEqual({ ...alan, aadObjectId: AAD });
    expect((await t.store.members.get(alan.id))?.value.aadObjectId).toBe(AAD);
    // By id alone now, with no email: the link holds.
    expect(await linkTeamsUser({ aadObjectId: AAD }, t.store)).toEqual({ ...alan, aadObjectId: AAD });
  });

  it('answers undefined for a Teams user who is not on the roster, and writes nothing', async () => {
    const etag = (await t.store.members.get(alan.id))?.etag;
    expect(await linkTeamsUser({ aadObjectId: '99999999-1111-4222-8333-444455556666', email: 'stranger@example.com', name: 'Alan Pearson' }, t.store)).toBeUndefined();
    expect(await linkTeamsUser({}, t.store)).toBeUndefined();
    expect((await t.store.members.get(alan.id))?.etag).toBe(etag);
  });

  it('does not hand a member already linked to one Entra account to another account with the same email', async () => {
    await linkTeamsUser({ aadObjectId: AAD, email: alan.email }, t.store);
    expect(await linkTeamsUser({ aadObjectId: '99999999-1111-4222-8333-444455556666', email: alan.email }, t.store)).toBeUndefined();
    expect((await t.store.members.get(alan.id))?.value.aadObjectId).toBe(AAD);
  });

  it('matches by email without storing anything when Teams gives no object id, or one that is not a valid id', async () => {
    const etag = (await t.store.members.get(alan.id))?.etag;
    expect(await linkTeamsUser({ email: alan.email }, t.store)).toEqual(alan);
    expect(await linkTeamsUser({ aadObjectId: 'user-id-0', email: alan.email }, t.store)).toEqual(alan);
    expect((await t.store.members.get(alan.id))?.etag).toBe(etag);
  });

  it('looks again when a concurrent turn changed the member between its read and its write', async () => {
    // The first replace loses a race with the same user's re-delivered activity, which links the member first.
    let raced = false;
    const members: MemberStore = {
      ...t.store.members,
      replace: async (member, etag) => {
        if (!raced) {
          raced = true;
          const current = await t.store.members.get(member.id);
          await t.store.members.replace({ ...current!.value, aadObjectId: AAD }, current!.etag);
        }
        return t.store.members.replace(member, etag);
      },
    };
    expect(await linkTeamsUser({ aadObjectId: AAD, email: alan.email }, { members })).toEqual({ ...alan, aadObjectId: AAD });
    expect(raced).toBe(true);
  });
});
