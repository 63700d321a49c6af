import type { AgendaItem, Committee, ConversationRecord, Meeting, Member } from '../../src/domain';
import type { Store } from '../../src/store/port';

export const FANOUT = { committeeId: 'cabinet', meetingId: 'cabinet-fanout', itemId: 'item-fanout' } as const;

/** The personal chat id of fan-out member i. */
export const fanoutChatId = (i: number): string => `a:fanout-chat-${String(i).padStart(5, '0')}`;

/** An Entra object id (a v4 GUID) that is the same for the same member every run. */
const objectId = (i: number): string => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;

/**
 * A council for load and fault tests: one committee with `members` councillors, each with a personal chat with the bot
 * whose Bot Connector is `serviceUrl` (a stand-in), one upcoming meeting and one agenda item to send them.
 * Members are written in parallel batches: thousands take a second or two.
 */
export async function seedFanoutCouncil(store: Store, options: { members: number; serviceUrl: string; now?: Date }): Promise<{ readonly chatIds: readonly string[] }> {
  const now = options.now ?? new Date();
  const at = now.toISOString();
  const committee: Committee = { id: FANOUT.committeeId, name: 'Cabinet', kind: 'cabinet', callInWorkingDays: 5 };
  const meeting: Meeting = { id: FANOUT.meetingId, committeeId: FANOUT.committeeId, startsAt: new Date(now.getTime() + 7 * 86_400_000).toISOString(), status: 'scheduled', venue: 'Council Chamber' };
  const item: AgendaItem = {
    id: FANOUT.itemId, committeeId: FANOUT.committeeId, meetingId: FANOUT.meetingId, number: '5', title: 'Medium Term Financial Strategy 2027-2030',
    titleAsPublished: 'MEDIUM TERM FINANCIAL STRATEGY 2027-2030', summary: 'The strategy sets the budget framework for the next three years.',
    recommendations: ['Approve the strategy.'], documents: [], forDecision: true, exempt: false, history: [], createdAt: at, updatedAt: at,
  };
  await store.committees.create(committee);
  await store.meetings.create(meeting);
  await store.agendaItems.create(item);
  const chatIds: string[] = [];
  const BATCH = 50;
  for (let start = 0; start < options.members; start += BATCH) {
    const writes: Promise<unknown>[] = [];
    for (let i = start; i < Math.min(options.members, start + BATCH); i++) {
      const id = `cllr-${String(i).padStart(5, '0')}`;
      const member: Member = { id, name: `Cllr ${String(i).padStart(5, '0')}`, role: 'councillor', aadObjectId: objectId(i), committees: [{ committeeId: FANOUT.committeeId, seat: 'Member' }] };
      const chat: ConversationRecord = {
        id: fanoutChatId(i), kind: 'personal', memberId: id, aadObjectId: member.aadObjectId, tenantId: 'tenant-1',
        reference: { channelId: 'msteams', serviceUrl: options.serviceUrl, conversation: { id: fanoutChatId(i), conversationType: 'personal', tenantId: 'tenant-1' }, user: { id: `29:${id}`, aadObjectId: member.aadObjectId }, bot: { id: '28:bot' } },
        reachable: true, updatedAt: at,
      };
      chatIds.push(chat.id);
      writes.push(store.members.create(member), store.conversations.upsert(chat));
    }
    await Promise.all(writes);
  }
  return { chatIds };
}
