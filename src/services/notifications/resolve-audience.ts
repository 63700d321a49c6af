import { DomainError, hasLeft, isEntitledToExempt, sittingCouncillors, type Audience, type ConversationRecord, type Member } from '../../domain';
import type { Store } from '../../store/port';
import { committeeIdOf, isExemptSubject, type LoadedSubject } from './notification-subject';

/** Who a notification goes to: members (each to their personal chat) and team channels. */
export interface ResolvedAudience {
  readonly members: readonly Member[];
  readonly channels: readonly ConversationRecord[];
}

/** The most members one notification may go to: a council's roster is hundreds; this guards the record's size. */
export const MAX_RECIPIENTS = 5000;

const refuse = (message: string, details?: Record<string, unknown>): DomainError => new DomainError('invalid', message, details);

const names = (members: readonly Pick<Member, 'name'>[]): string => members.map((m) => m.name).join(', ');

/**
 * Resolves an audience to recipients. No audience at all means the subject's committee. Committees give their
 * councillors (who should read the papers); named members are taken as named. Exempt business goes only to members
 * entitled to it (domain/visibility.ts) and never to a channel: asking otherwise is refused, naming who or what,
 * rather than quietly leaving them out. An audience that comes to nobody is refused, saying why. Former members
 * (end date reached) sit on no committee, so a committee does not give them; one named is kept as a recipient whose
 * delivery is recorded unreachable with the reason 'left' (prepare-notification.ts), so the status says so.
 */
export async function resolveAudience(subject: LoadedSubject, audience: Audience, store: Store, at: Date = new Date()): Promise<ResolvedAudience> {
  const committeeId = committeeIdOf(subject);
  const askedForNobody = audience.committeeIds.length === 0 && audience.memberIds.length === 0 && audience.channelIds.length === 0;
  const committeeIds = askedForNobody && committeeId ? [committeeId] : [...new Set(audience.committeeIds)];

  const committees = await Promise.all(committeeIds.map(async (id) => ({ id, committee: (await store.committees.get(id))?.value })));
  const unknownCommittees = committees.filter((c) => c.committee === undefined).map((c) => c.id);
  if (unknownCommittees.length > 0) throw refuse(`No committee with id ${unknownCommittees.join(', ')}: check the ids (GET /api/v1/committees).`, { unknownCommittees });

  const named = await Promise.all([...new Set(audience.memberIds)].map(async (id) => ({ id, member: (await store.members.get(id))?.value })));
  const unknownMembers = named.filter((n) => n.member === undefined).map((n) => n.id);
  if (unknownMembers.length > 0) throw refuse(`No member with id ${unknownMembers.join(', ')} on the roster.`, { unknownMembers });

  const byId = new Map<string, Member>();
  const emptyCommittees: string[] = [];
  for (const { committee } of committees) {
    const councillors = sittingCouncillors(await store.members.listByCommittee(committee!.id), committee!.id, at);
    if (councillors.length === 0) emptyCommittees.push(committee!.name);
    for (const m of councillors) byId.set(m.id, m);
  }
  for (const { member } of named) byId.set(member!.id, member!);
  const members = [...byId.values()].sort((a, b) => a.name.localeCompare(b.name));

  const exempt = isExemptSubject(subject);
  if (exempt && audience.channelIds.length > 0) {
    throw refuse('This item is exempt (Part 2): it is never posted to a channel. Send it to members of the committee only.', { exempt: true });
  }
  const channels: ConversationRecord[] = [];
  for (const id of [...new Set(audience.channelIds)]) {
    const channel = (await store.conversations.get(id))?.value;
    if (!channel || channel.kind !== 'channel') throw refuse(`${id} is not a team channel where the bot is installed.`, { channelId: id });
    if (!channel.reachable) throw refuse(`The bot has been removed from the channel ${id}: add it to the team again first.`, { channelId: id });
    channels.push(channel);
  }

  if (exempt) {
    // A former member named in the audience is not refused: nothing is sent to them and their delivery says why.
    const notEntitled = members.filter((m) => !hasLeft(m, at) && (!committeeId || !isEntitledToExempt(m, committeeId, at)));
    if (notEntitled.length > 0) {
      throw refuse(`This item is exempt (Part 2) and ${names(notEntitled)} may not see it: only members of the committee and officers may. Leave them out of the audience.`, {
        notEntitled: notEntitled.map((m) => m.id),
      });
    }
  }
  const formerMembers = members.filter((m) => hasLeft(m, at));
  if (members.length > 0 && formerMembers.length === members.length && channels.length === 0) {
    throw refuse(`Nobody to send to: ${names(formerMembers)} ${formerMembers.length === 1 ? 'is a former member' : 'are former members'} (end date reached on the roster).`, {
      reason: 'former-members', formerMembers: formerMembers.map((m) => m.id),
    });
  }
  if (members.length + channels.length === 0) {
    throw refuse(
      emptyCommittees.length > 0
        ? `Nobody to send to: ${emptyCommittees.join(', ')} has no councillors on the roster. Add them (PUT /api/v1/members/{id}) or name members in the audience.`
        : 'Nobody to send to: the audience names no committee, member or channel.',
      { reason: 'empty-audience' },
    );
  }
  if (members.length > MAX_RECIPIENTS) throw refuse(`The audience is ${members.length} members; one notification may go to at most ${MAX_RECIPIENTS}.`);
  return { members, channels };
}
