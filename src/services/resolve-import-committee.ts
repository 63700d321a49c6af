import { Committee, DomainError, type CommitteeKind, type Meeting } from '../domain';
import type { Store } from '../store/port';

export interface ImportPlace {
  readonly committee: Committee;
  /** The meeting the officer named (--meeting), whose committee wins over what the page says. */
  readonly meeting?: Meeting;
  /** True when the committee is not stored: proposed from the name the page gives (a dry run, or createCommittee). */
  readonly newCommittee?: boolean;
}

/** What to do when the page names a committee the store does not hold. */
export type UnknownCommittee =
  /** Refuse, saying which call creates it (a real import not asked to create it). */
  | { readonly action: 'refuse' }
  /** Place it under the committee the page names, as it would be created (a dry run, or a real import asked to create it). */
  | { readonly action: 'propose'; readonly callInWorkingDays: number };

/** The committee a page's name would make: its id from the name ("Policy & Resources" -> policy-resources), a kind guessed. */
export function proposedCommittee(name: string, callInWorkingDays: number): Committee | undefined {
  const id = name.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 100).replace(/-+$/, '');
  const kind: CommitteeKind = /cabinet|executive/i.test(name) ? 'cabinet'
    : /^(the )?(full )?council$/i.test(name.trim()) ? 'council'
      : /scrutiny|overview/i.test(name) ? 'scrutiny'
        : /planning|licensing|regulatory/i.test(name) ? 'regulatory' : 'other';
  const parsed = Committee.safeParse({ id, name: name.replace(/\s+/g, ' ').trim(), kind, callInWorkingDays });
  return parsed.success ? parsed.data : undefined;
}

/** The refusal: which call creates the committee the page names, or where else the page can go. */
function unknownCommitteeRefusal(named: string, proposed: Committee | undefined): DomainError {
  const create = proposed
    ? `Create it first (PUT /api/v1/committees/${proposed.id} with {"name":${JSON.stringify(proposed.name)},"kind":"${proposed.kind}"}), ` +
      'or import again with ?createCommittee=true (cabinet-bot import --create-committee), which creates it as that'
    : 'Create it first with PUT /api/v1/committees/{id}';
  return new DomainError(
    'invalid',
    `No committee named ${named}. ${create}; or pass meetingId (--meeting) naming a meeting you created with PUT /api/v1/meetings/{id}.`,
    { committee: named, ...(proposed ? { proposedCommittee: proposed } : {}) },
  );
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
  committeeId: string | undefined,
  unknown: UnknownCommittee = { action: 'refuse' },
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
  const made = proposedCommittee(named, unknown.action === 'propose' ? unknown.callInWorkingDays : 5);
  // Another committee may already hold the id the name makes (under another name): never propose overwriting it.
  const proposed = made && !committees.some((c) => c.id === made.id) ? made : undefined;
  if (unknown.action === 'propose' && proposed) return { committee: proposed, newCommittee: true };
  throw unknownCommitteeRefusal(named, proposed);
}
