import { DEMO_IDS, DEMO_PEOPLE } from '../../src/services/demo/demo-council';
import { cardsIn, cardText, ConversationHarness, invokeBody, type DemoPerson } from '../support/conversation-harness';

const BOT = { id: '28:608cacfd-1cea-40c9-b678-4b93e69bb72b', name: 'Cabinet bot' };
const GROUP = { id: '19:cabinet-members-group@unq.gbl.spaces', conversationType: 'groupChat', isGroup: true, tenantId: 'b28fdbfd-2b78-4f93-b0f8-8881793f0f8f' };

/** A group chat is shared: whoever asks, exempt business never appears there. */
describe('Teams group chat', () => {
  const h = new ConversationHarness();
  beforeAll(() => h.start());
  afterAll(() => h.stop());

  const inGroup = (text: string, person: DemoPerson = 'leader') =>
    h.message(person, `<at>Cabinet bot</at> ${text}`, {
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
    // Nor do the suggestions for a misspelling give its title or its words away, nor a question with its filters.
    for (const question of ['status dispossal of land notingham rd', "what did Cabinet decide about the disposal of land at Nottingham Road", 'Nottingham Road next week']) {
      const answer = await h.post(inGroup(question));
      expect(cardsIn(answer.sent)).toEqual([]);
      // Past the echo of the question itself, nothing of the item.
      const beyondEcho = String(answer.sent[0]?.text ?? '').split('\n').slice(1).join('\n');
      expect(beyondEcho).not.toMatch(/nottingham/i);
    }
  });

  it('refuses the exempt item\'s card actions there (no copy of it lands in the chat)', async () => {
    const res = await h.post(h.cardAction('leader', 'viewItem', { committeeId: DEMO_IDS.cabinet, agendaItemId: 'item-land-disposal' }, { conversation: GROUP }));
    expect(cardText(invokeBody(res).value)).toContain('This item is exempt (confidential).');
    expect(res.sent).toHaveLength(0);
  });

  describe('cards everyone in the chat sees carry nobody\'s own state; refresh gives each their own', () => {
    const safer = { committeeId: DEMO_IDS.cabinet, agendaItemId: 'item-safer-streets' };
    const plan = { committeeId: DEMO_IDS.cabinet, actionPlanId: DEMO_IDS.cspActionPlan };
    const refresh = (person: DemoPerson, verb: string, data: Record<string, string>) =>
      h.activity('06c_invoke_adaptiveCard_action_auto_refresh', person, {
        value: { action: { type: 'Action.Execute', id: '', verb, data }, trigger: 'automatic' },
        conversation: GROUP,
      });
    const hasForms = (card: unknown): boolean => JSON.stringify(card).includes('"type":"Input.');
    beforeAll(async () => {
      // The Leader has read the Safer Streets papers, in his personal chat.
      await h.post(h.cardAction('leader', 'acknowledge', safer));
    });

    it('"item 6" posts the item without "Acknowledged by you", with a refresh for the asker', async () => {
      const { sent } = await h.post(inGroup('item 6'));
      const [card, ...more] = cardsIn(sent);
      expect(more).toEqual([]);
      expect(cardText(card)).toContain('Safer Streets Fund: Town Centre Lighting and CCTV');
      expect(cardText(card)).not.toContain('Acknowledged by you');
      expect(card!.refresh).toEqual({ action: { type: 'Action.Execute', verb: 'refreshItem', data: safer }, userIds: [`29:${DEMO_PEOPLE.leader.id}`] });
    });

    it('"Open agenda item" pressed there posts the same shared card below', async () => {
      const res = await h.post(h.cardAction('leader', 'viewItem', safer, { conversation: GROUP }));
      const [card] = cardsIn(res.sent);
      expect(cardText(card)).toContain('Safer Streets Fund');
      expect(cardText(card)).not.toContain('Acknowledged by you');
    });

    it('the refresh answers each reader with their own state, only to them (the invoke answer)', async () => {
      const leader = await h.post(refresh('leader', 'refreshItem', safer));
      expect(cardText(invokeBody(leader).value)).toContain('✅ Acknowledged by you');
      const councillor = await h.post(refresh('councillor', 'refreshItem', safer));
      expect(cardText(invokeBody(councillor).value)).not.toContain('Acknowledged by you');
      expect([...leader.sent, ...councillor.sent]).toEqual([]);
    });

    it('"actions" posts the action plan with no update forms; its refresh gives the owner the form of the action he owns', async () => {
      const { sent } = await h.post(inGroup('actions', 'housing'));
      const [card] = cardsIn(sent);
      expect(cardText(card)).toContain('Community Safety Action Plan');
      expect(hasForms(card)).toBe(false);
      expect(card!.refresh).toEqual({ action: { type: 'Action.Execute', verb: 'refreshActionPlan', data: plan }, userIds: [`29:${DEMO_PEOPLE.housing.id}`] });

      const owner = invokeBody(await h.post(refresh('housing', 'refreshActionPlan', plan))).value;
      expect(JSON.stringify(owner)).toContain('"id":"note-act-scrutiny-report"');
      expect(JSON.stringify(owner)).not.toContain('"id":"note-act-engagement"');
      const someoneElse = invokeBody(await h.post(refresh('leader', 'refreshActionPlan', plan))).value;
      expect(hasForms(someoneElse)).toBe(false);
    });
  });
});
