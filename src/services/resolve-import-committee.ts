import { DomainError, type Committee, type Meeting } from '../domain';
import type { Store } from '../store/port';

export interface ImportPlace {
  readonly committee: Committee;
  /** The meeting the officer named (--meeting), whose committee wins over what the page says. */
  readonly meeting?: Meeting;
}

const sameName = (a: string, b: string): boolean =>
  a.replace(/\s+/g, ' ').trim().replace(/^the /i, '').toLowerCase() === b.replace(/\s+/g, ' ').trim().replace(/^the /i, '').toLowerCase();

/** The meeting with this id, in whichever committee it is (meetings are stored by committee). */
async function findMeeting(store: Store, committees: readonly Committee[], meetingId: string): Promise<ImportPlace | undefined> {
  for (const committee of committees) {
    const meeting = await store.meetings.get(committee.id, meetingId);
    if (meeting) return { committee, meeting: meeting.value };
  }
  return undefined;
}

/**
 * Where an imported page belongs. A meeting named by the officer wins, then a committee named by the officer (or
 * the sync: the committee whose GetMeetings listed the meeting); otherwise the committee the page names
 * ("Cabinet" as decision maker, the web service's committee title) or whose ModernGov id it gives.
 */
export async function resolveImportPlace(
  store: Store,
  page: { readonly committeeNames: readonly string[]; readonly modernGovCommitteeId?: string },
  meetingId: string | undefined,
  committeeId?: string,
): Promise<ImportPlace> {
  const committees = await store.committees.list();
  if (meetingId !== undefined) {
    const place = await findMeeting(store, committees, meetingId);
    if (!place) throw new DomainError('invalid', `No meeting ${meetingId}: check the meeting id, or leave it out to use the committee the page names.`, { meetingId });
    return place;
  }
  // A GetMeeting answer names no committee: the meeting belongs to the committee it was listed under.
  if (committeeId !== undefined) {
    const committee = committees.find((c) => c.id === committeeId);
    if (!committee) throw new DomainError('invalid', `No committee ${committeeId}: check the committee id.`, { committeeId });
    return { committee };
  }
  for (const name of page.committeeNames) {
    const committee = committees.find((c) => sameName(c.name, name));
    if (committee) return { committee };
  }
  const byId = page.modernGovCommitteeId ? committees.find((c) => c.externalId === page.modernGovCommitteeId) : undefined;
  if (byId) return { committee: byId };
  const named = page.committeeNames[0];
  if (named === undefined) {
    throw new DomainError('invalid', 'The page names no decision maker or committee: pass --committee (committeeId) or --meeting (meetingId) to say where it belongs.');
  }
  throw new DomainError('invalid', `No committee named ${named}: create it first or pass --meeting`, { committee: named });
}
