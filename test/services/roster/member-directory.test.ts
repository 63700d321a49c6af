import type { Member } from '../../../src/domain';
import { MemberDirectory } from '../../../src/services/roster/member-directory';
import type { Store } from '../../../src/store/port';

/** A members store that counts how it is asked, to show which look-ups are queries and which point reads. */
function countingMembers(members: Member[]) {
  const calls = { get: 0, findByAadObjectId: 0 };
  const store: Pick<Store, 'members'> = {
    members: {
      get: async (id: string) => {
        calls.get += 1;
        const m = members.find((x) => x.id === id);
        return m ? { value: m, etag: 'e' } : undefined;
      },
      findByAadObjectId: async (oid: string) => {
        calls.findByAadObjectId += 1;
        const m = members.find((x) => x.aadObjectId?.toLowerCase() === oid.toLowerCase());
        return m ? { value: m, etag: 'e' } : undefined;
      },
    } as unknown as Store['members'],
  };
  return { store, calls };
}

const alan: Member = { id: 'cllr-alan-pearson', name: 'Cllr Alan Pearson', role: 'councillor', aadObjectId: '00000000-0000-4000-8000-000000000002', committees: [] };

describe('MemberDirectory', () => {
  it('queries once, then reads the member by id (fresh each time)', async () => {
    const members = [alan];
    const { store, calls } = countingMembers(members);
    const directory = new MemberDirectory(store);
    expect((await directory.byAadObjectId(alan.aadObjectId!))?.id).toBe('cllr-alan-pearson');
    members[0] = { ...alan, role: 'officer' };
    expect((await directory.byAadObjectId(alan.aadObjectId!.toUpperCase()))?.role).toBe('officer');
    expect(calls).toEqual({ findByAadObjectId: 1, get: 1 });
  });

  it('forgets a link that no longer holds and finds the member who holds the id now', async () => {
    const members = [alan];
    const { store, calls } = countingMembers(members);
    const directory = new MemberDirectory(store);
    await directory.byAadObjectId(alan.aadObjectId!);
    members[0] = { ...alan, aadObjectId: undefined };
    members.push({ id: 'alan-pearson-2', name: 'Alan Pearson', role: 'councillor', aadObjectId: alan.aadObjectId, committees: [] });
    expect((await directory.byAadObjectId(alan.aadObjectId!))?.id).toBe('alan-pearson-2');
    expect(calls).toEqual({ findByAadObjectId: 2, get: 1 });
  });

  it('does not remember users who are not on the roster, and stays within its capacity', async () => {
    const { store, calls } = countingMembers([alan]);
    const directory = new MemberDirectory(store, 1);
    expect(await directory.byAadObjectId('00000000-0000-4000-8000-0000000000ff')).toBeUndefined();
    expect(await directory.byAadObjectId('00000000-0000-4000-8000-0000000000ff')).toBeUndefined();
    expect(calls.findByAadObjectId).toBe(2);
  });
});
