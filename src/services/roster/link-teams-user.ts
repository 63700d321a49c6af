import { DomainError, Member } from '../../domain';
import type { Store } from '../../store/port';

/** Who Teams says is talking to the bot (`activity.from`, with the email from the Teams roster where known). */
export interface TeamsIdentity {
  readonly aadObjectId?: string;
  readonly email?: string;
  /** Display names are not unique, so the name is never used to match a member. */
  readonly name?: string;
}

/** Attempts at the email link before giving up; each retry follows someone else's write to the same member. */
const LINK_ATTEMPTS = 3;

/**
 * Finds the roster member a Teams user is: by Entra object id, else by email (case-insensitive). A member found
 * by email gets the object id stored, so later turns find them by id. Returns undefined for a Teams user who
 * is not on the roster.
 */
export async function linkTeamsUser(identity: TeamsIdentity, deps: Pick<Store, 'members'>): Promise<Member | undefined> {
  const aadObjectId = identity.aadObjectId?.trim() || undefined;
  const email = identity.email?.trim() || undefined;
  for (let attempt = 1; ; attempt += 1) {
    if (aadObjectId) {
      const byId = await deps.members.findByAadObjectId(aadObjectId);
      if (byId) return byId.value;
    }
    if (!email) return undefined;
    const byEmail = await deps.members.findByEmail(email);
    if (!byEmail) return undefined;
    const member = byEmail.value;
    // A member already linked to a different Entra account is not handed to this one on the strength of an
    // email alone: acknowledgements are governance records and must name the right person. An officer
    // corrects a genuinely changed account on the roster.
    if (member.aadObjectId) return aadObjectId && member.aadObjectId.toLowerCase() !== aadObjectId.toLowerCase() ? undefined : member;
    // Nothing to store (or nothing storable, e.g. a test client's made-up id): the email match still stands.
    if (!aadObjectId || !Member.shape.aadObjectId.safeParse(aadObjectId).success) return member;
    try {
      return (await deps.members.replace({ ...member, aadObjectId }, byEmail.etag)).value;
    } catch (err) {
      // Someone else changed the member meanwhile (often this same user's re-delivered activity): look again.
      if (!(err instanceof DomainError && err.code === 'conflict') || attempt >= LINK_ATTEMPTS) throw err;
    }
  }
}
