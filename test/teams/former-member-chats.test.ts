import { DEMO_PEOPLE } from '../../src/services/demo/demo-council';
import type { Store } from '../../src/store/port';
import { ConversationHarness } from '../support/conversation-harness';

/**
 * Issue 11, "when people change": from a member's end date the bot keeps no way to reach them. A former member who
 * opens the bot again (the install and conversation-update events Teams sends) or writes to it is not remembered:
 * no conversation reference of theirs is stored again. Over HTTP on /api/messages, on the demo council.
 */
const FORMER = 'councillor' as const; // Cllr Margaret Glancy, whose term ended
const CURRENT = 'housing' as const; // Cllr Alan Pearson, still in office

async function endGlancysTerm(store: Store): Promise<void> {
  const found = (await store.members.get(DEMO_PEOPLE[FORMER].id))!;
  await store.members.replace({ ...found.value, endsOn: '2024-05-02' }, found.etag);
}

describe('a former member who comes back to the bot', () => {
  const h = new ConversationHarness();
  beforeAll(() => h.start({}, endGlancysTerm));
  afterAll(() => h.stop());

  const chatOf = async (person: typeof FORMER | typeof CURRENT) => h.withStore((s) => s.conversations.get(h.personalConversationId(person)));
  const byAad = (person: typeof FORMER | typeof CURRENT) => h.withStore((s) => s.conversations.listByAadObjectId(DEMO_PEOPLE[person].aadObjectId));

  it('opening the bot again (install, conversation update) stores no conversation reference of theirs; a current member\'s is stored', async () => {
    expect((await h.install(FORMER)).status).toBe(200);
    // The bot added to the personal chat, as the playground sends with the install on every connect.
    expect((await h.post(h.activity('03_conversationUpdate_membersAdded_team', FORMER, { channelData: {} }))).status).toBe(200);
    expect(await chatOf(FORMER)).toBeUndefined();
    expect(await byAad(FORMER)).toEqual([]);

    await h.install(CURRENT);
    expect((await chatOf(CURRENT))?.value).toMatchObject({ memberId: DEMO_PEOPLE[CURRENT].id, reachable: true });
  });

  it('writing to the bot stores none either', async () => {
    expect((await h.post(h.message(FORMER, 'help'))).status).toBe(200);
    expect((await h.post(h.message(FORMER, 'agenda'))).status).toBe(200);
    expect(await chatOf(FORMER)).toBeUndefined();
    expect(await byAad(FORMER)).toEqual([]);
  });

  it('a channel they add the bot to is kept as the team\'s, naming nobody', async () => {
    const channel = { id: '19:former-members-channel@thread.tacv2', conversationType: 'channel', isGroup: true, tenantId: 'tenant-1' };
    expect((await h.post(h.activity('01b_installationUpdate_add_team', FORMER, { conversation: channel }))).status).toBe(200);
    const stored = (await h.withStore((s) => s.conversations.get(channel.id)))?.value;
    expect(stored).toMatchObject({ kind: 'channel', reachable: true });
    expect(stored?.memberId).toBeUndefined();
    expect(stored?.aadObjectId).toBeUndefined();
  });
});
