import type { Member } from '../../domain';
import type { Store } from '../../store/port';

const DEFAULT_CAPACITY = 10_000;

/**
 * Who a Teams user is, on every turn. Finding a member by Entra object id is a query (the members container is
 * partitioned by member id); this remembers which member an object id belongs to, so later turns are a point read
 * of that member, always fresh (roles, committees). A remembered link that no longer holds (the member was
 * re-linked) is checked on read and forgotten.
 */
export class MemberDirectory {
  private readonly memberIdByObjectId = new Map<string, string>();

  constructor(
    private readonly store: Pick<Store, 'members'>,
    private readonly capacity = DEFAULT_CAPACITY,
  ) {}

  async byAadObjectId(aadObjectId: string): Promise<Member | undefined> {
    const key = aadObjectId.trim().toLowerCase();
    const memberId = this.memberIdByObjectId.get(key);
    if (memberId !== undefined) {
      const member = (await this.store.members.get(memberId))?.value;
      if (member?.aadObjectId?.toLowerCase() === key) return member;
      this.memberIdByObjectId.delete(key);
    }
    const found = (await this.store.members.findByAadObjectId(aadObjectId))?.value;
    if (found) this.remember(key, found.id);
    return found;
  }

  private remember(key: string, memberId: string): void {
    // Oldest first out: a Map iterates in insertion order.
    if (this.memberIdByObjectId.size >= this.capacity) {
      const oldest = this.memberIdByObjectId.keys().next().value;
      if (oldest !== undefined) this.memberIdByObjectId.delete(oldest);
    }
    this.memberIdByObjectId.set(key, memberId);
  }
}
