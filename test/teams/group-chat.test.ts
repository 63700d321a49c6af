import { DEMO_IDS } from '../../src/services/demo/demo-council';
import { cardsIn, cardText, ConversationHarness, invokeBody } from '../support/conversation-harness';

const BOT = { id: '28:608cacfd-1cea-40c9-b678-4b93e69bb72b', name: 'Cabinet bot' };
const GROUP = { id: '19:cabinet-members-group@unq.gbl.spaces', conversationType: 'groupChat', isGroup: true, tenantId: 'b28fdbfd-2b78-4f93-b0f8-8881793f0f8f' };

/** A group chat is shared: whoever asks, exempt business never appears there. */
describe('Teams group chat', () => {
  const h = new ConversationHarness();
  beforeAll(() => h.start());
  afterAll(() => h.stop());

  const inGroup = (text: string) =>
    h.message('leader', `<at>Cabinet bot</at> ${text}`, {
      entities: [{ type: 'mention', text: '<at>Cabinet bot</at>', mentioned: BOT }],
      recipient: BOT,
      conversation: GROUP,
    });

  it('answers "agenda" in the group chat, with the Cabinet items but never the exempt one, even for a Cabinet member', async () => {
    const { status, sent } = await h.post(inGroup('agenda'));
    expect(status).toBe(200);
    expect(sent.every((a) => (a.conversation as { id: string }).id === GROUP.id)).toBe(true);
    const cabinet = cardsIn(sent).map(cardText).find((t) => t.startsWith('Cabinet '));
    expect(cabinet).toContain('2 of 2 items are for decision');
    expect(cabinet).toContain('5 Housing Revenue Account Budget Monitoring: Quarter 2 For decision');
    expect(cabinet).toContain('6 Safer Streets Fund: Town Centre Lighting and CCTV For decision');
    expect(JSON.stringify(sent)).not.toContain('Nottingham Road');
    expect(JSON.stringify(sent)).not.toContain('Exempt');
    // The digest is everyone's there: one member's reading record is not shown to the others.
    expect(cabinet).not.toContain('You have acknowledged');
  });

  it('will not find the exempt item by number or words there', async () => {
    const byNumber = await h.post(inGroup('item 7'));
    expect(byNumber.sent.map((a) => a.text)).toEqual(['I found no agenda item for "item 7". Try "agenda" to see the next meetings\' items, or different words.']);
    const byWords = await h.post(inGroup('status disposal of land nottingham road'));
    expect(byWords.sent).toHaveLength(1);
    expect(byWords.sent[0]?.text).toMatch(/^I found no decision matching "disposal of land nottingham road"/);
  });

  it('refuses the exempt item\'s card actions there (no copy of it lands in the chat)', async () => {
    const res = await h.post(h.cardAction('leader', 'viewItem', { committeeId: DEMO_IDS.cabinet, agendaItemId: 'item-land-disposal' }, { conversation: GROUP }));
    expect(cardText(invokeBody(res).value)).toContain('This item is exempt (confidential).');
    expect(res.sent).toHaveLength(0);
  });
});
