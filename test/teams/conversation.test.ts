import { linesStayApart } from '../support/markdown';
import { DEMO_IDS, DEMO_PEOPLE, strategyYears } from '../../src/services/demo/demo-council';
import { cardsIn, cardText, ConversationHarness } from '../support/conversation-harness';

describe('Teams conversations over HTTP on the demo council', () => {
  const h = new ConversationHarness();
  beforeAll(() => h.start());
  afterAll(() => h.stop());

  describe('install capture', () => {
    it('stores the personal chat, links the member, and welcomes once however often Teams repeats the event', async () => {
      const install = () => h.activity('01_installationUpdate_add_personal', 'councillor');
      const first = await h.post(install());
      expect(first.status).toBe(200);
      expect(cardsIn(first.sent)).toHaveLength(1);
      expect(cardText(cardsIn(first.sent)[0])).toContain('Hello Cllr Margaret Glancy');

      const again = await h.post(install());
      const update = await h.post(h.activity('03_conversationUpdate_membersAdded_team', 'councillor', {
        membersAdded: [{ id: '28:608cacfd-1cea-40c9-b678-4b93e69bb72b' }],
        recipient: { id: '28:608cacfd-1cea-40c9-b678-4b93e69bb72b', name: 'Cabinet bot' },
      }));
      expect(again.sent).toHaveLength(0);
      expect(update.sent).toHaveLength(0);

      const stored = await h.withStore((s) => s.conversations.get(h.personalConversationId('councillor')));
      expect(stored?.value).toMatchObject({ kind: 'personal', memberId: DEMO_PEOPLE.councillor.id, reachable: true, aadObjectId: DEMO_PEOPLE.councillor.aadObjectId });
      expect((stored?.value.reference as { serviceUrl: string }).serviceUrl).toBe(h.connector.url);
    });

    it('marks the chat unreachable on uninstall, and welcomes again on reinstall', async () => {
      await h.post(h.activity('02_installationUpdate_remove_personal', 'councillor'));
      const removed = await h.withStore((s) => s.conversations.get(h.personalConversationId('councillor')));
      expect(removed?.value.reachable).toBe(false);
      const back = await h.post(h.activity('01_installationUpdate_add_personal', 'councillor'));
      expect(cardsIn(back.sent)).toHaveLength(1);
    });
  });

  describe('commands', () => {
    it('answers "status community safety partnership" with the real 2021 decision card: noted, and approved by Full Council in July 2021', async () => {
      const { sent } = await h.post(h.message('housing', 'status community safety partnership'));
      const cards = cardsIn(sent);
      expect(cards).toHaveLength(1);
      const text = cardText(cards[0]);
      expect(text).toContain('Approval of the Community Safety Partnership Strategic Plan');
      expect(text).toContain('Decided Tue 15 June 2021');
      expect(text).toContain('Noted: nothing to implement');
      expect(text).toContain('Approved by Full Council Since Wed 21 July 2021');
      expect(text).not.toContain('awaiting Full Council');
    });

    it('answers "status community safety" with the current decision: call-in open, and awaiting Full Council with its date', async () => {
      const { sent } = await h.post(h.message('housing', 'status community safety'));
      const cards = cardsIn(sent);
      expect(cards).toHaveLength(1);
      const text = cardText(cards[0]);
      expect(text).toContain(`Community Safety Strategy ${strategyYears(new Date())}`);
      expect(text).toContain('Call-in open Call-in period ends');
      expect(text).toMatch(/Recommended to Council: awaiting Full Council, \d+ \w+ \d{4}/);
      expect(text).toContain('Action plan');
    });

    it('understands a misspelt, wordy question as a status query', async () => {
      const { sent } = await h.post(h.message('housing', 'what happened to the comunity saftey strategy?'));
      expect(cardText(cardsIn(sent)[0])).toContain('awaiting Full Council');
    });

    it('says so, and suggests only words and titles the record really has, when nothing matches', async () => {
      const { sent } = await h.post(h.message('housing', 'status zebra crossings in atlantis'));
      expect(cardsIn(sent)).toHaveLength(0);
      const text = String(sent[0]?.text ?? '');
      expect(text).toMatch(/^I found no decision matching "zebra crossings in atlantis"\./);
      const titles = text.split('\n').filter((l) => l.startsWith('- ')).map((l) => l.slice(2));
      // Lists are lists: each suggestion on its own line in Teams' Markdown, not run together into one.
      expect(titles.length).toBeGreaterThan(0);
      expect(text).toContain('The nearest titles:\n\n- ');
      expect(linesStayApart(text)).toBe(true);
      const known = await h.withStore(async (store) => (await store.agendaItems.listAll(undefined, 100)).items.map((i) => i.title));
      for (const title of titles) expect(known).toContain(title);
    });

    it('suggests the words the record spells for a misspelt question it cannot answer', async () => {
      const { sent } = await h.post(h.message('housing', 'status comunnity savety atlantis zebra'));
      expect(sent[0]?.text).toContain('Words I know that are close to yours: "community", "safety".');
      expect(sent[0]?.text).toContain('- Approval of the Community Safety Partnership Strategic Plan');
    });

    it('answers "agenda" with the upcoming Cabinet meeting and its items, exempt item included for a Cabinet member in a personal chat', async () => {
      const { sent } = await h.post(h.message('housing', 'agenda'));
      const text = cardText(cardsIn(sent)[0]);
      expect(text).toContain('Cabinet');
      expect(text).toContain('Housing Revenue Account Budget Monitoring: Quarter 2');
      expect(text).toContain('Safer Streets Fund');
      expect(text).toContain('Disposal of Land at Nottingham Road');
    });

    it('never shows the exempt item in a channel, even to a Cabinet member', async () => {
      const channelMessage = h.activity('05_message_channel_bot_mentioned', 'housing', {
        text: '<at>Cabinet bot</at> agenda',
        entities: [{ type: 'mention', text: '<at>Cabinet bot</at>', mentioned: { id: '28:608cacfd-1cea-40c9-b678-4b93e69bb72b', name: 'Cabinet bot' } }],
        recipient: { id: '28:608cacfd-1cea-40c9-b678-4b93e69bb72b', name: 'Cabinet bot' },
        conversation: { id: '19:cabinet-channel@thread.tacv2;messageid=1', conversationType: 'channel', isGroup: true },
      });
      const { sent } = await h.post(channelMessage);
      const text = cardText(cardsIn(sent)[0]);
      expect(text).toContain('Housing Revenue Account Budget Monitoring: Quarter 2');
      expect(text).not.toContain('Nottingham Road');
    });

    it('refuses officer-only commands to councillors politely, and answers officers with the report card', async () => {
      const refused = await h.post(h.message('housing', 'report community safety'));
      expect(refused.sent[0]?.text).toBe('Sorry, that is for democratic services officers. You can ask "status <words>", "agenda", "pending" or "help".');
      const report = await h.post(h.message('democraticServices', 'report community safety'));
      const text = cardText(cardsIn(report.sent)[0]);
      expect(text).toContain('Cllr Joe Orson');
      expect(text).toContain('Cllr Alan Pearson');
    });

    it('handles an activity Teams delivers twice (same id) once', async () => {
      const message = h.message('housing', 'help');
      const first = await h.post(message);
      const second = await h.post(message);
      expect(cardsIn(first.sent)).toHaveLength(1);
      expect(second.status).toBe(200);
      expect(second.sent).toHaveLength(0);
    });
  });

  describe('card actions', () => {
    const acknowledge = (person: 'housing' | 'councillor', data: Record<string, unknown>) =>
      h.activity('06b_invoke_adaptiveCard_action_with_verb', person, {
        value: { action: { type: 'Action.Execute', id: 'ack', verb: 'acknowledge', data }, trigger: 'manual' },
      });

    it('records an acknowledgement for the person Teams authenticated, never the one named in card data', async () => {
      const res = await h.post(acknowledge('housing', { committeeId: DEMO_IDS.cabinet, agendaItemId: 'item-safer-streets', memberId: DEMO_PEOPLE.leader.id }));
      expect(res.status).toBe(200);
      const body = JSON.parse(res.body) as { statusCode: number; type: string; value: unknown };
      expect(body.statusCode).toBe(200);
      expect(body.type).toBe('application/vnd.microsoft.card.adaptive');
      expect(cardText(body.value)).toContain('Acknowledged by you');
      const [mine, leaders] = await h.withStore((s) => Promise.all([s.acknowledgements.get(DEMO_PEOPLE.housing.id, 'item-safer-streets'), s.acknowledgements.get(DEMO_PEOPLE.leader.id, 'item-safer-streets')]));
      expect(mine).toMatchObject({ memberId: DEMO_PEOPLE.housing.id, agendaItemId: 'item-safer-streets', via: { channel: 'teams' } });
      expect(leaders).toBeUndefined();
    });

    it('keeps the first acknowledgement when pressed twice', async () => {
      const first = await h.withStore((s) => s.acknowledgements.get(DEMO_PEOPLE.housing.id, 'item-safer-streets'));
      await h.post(acknowledge('housing', { committeeId: DEMO_IDS.cabinet, agendaItemId: 'item-safer-streets' }));
      const after = await h.withStore((s) => s.acknowledgements.listByAgendaItem('item-safer-streets'));
      expect(after).toHaveLength(1);
      expect(after[0]?.acknowledgedAt).toBe(first?.acknowledgedAt);
    });

    it('answers a member of another committee with the error card, recording nothing', async () => {
      const res = await h.post(acknowledge('councillor', { committeeId: DEMO_IDS.cabinet, agendaItemId: 'item-hra-budget-monitoring' }));
      const body = JSON.parse(res.body) as { value: unknown };
      expect(cardText(body.value)).toContain('Only members of Cabinet acknowledge its papers.');
      const acks = await h.withStore((s) => s.acknowledgements.listByAgendaItem('item-hra-budget-monitoring'));
      expect(acks).toHaveLength(0);
    });

    it('answers bad card data and unknown verbs with the error card', async () => {
      const bad = await h.post(acknowledge('housing', { committeeId: DEMO_IDS.cabinet }));
      expect(cardText((JSON.parse(bad.body) as { value: unknown }).value)).toContain('The card sent something this bot cannot read.');
      const unknownVerb = await h.post(h.activity('06b_invoke_adaptiveCard_action_with_verb', 'housing'));
      expect(cardText((JSON.parse(unknownVerb.body) as { value: unknown }).value)).toContain('("saveCommand") is not one this bot knows');
    });
  });

  describe('message extension', () => {
    const query = (person: 'housing' | 'democraticServices', text: string) =>
      h.activity('07b_invoke_composeExtension_query_modern_envelope', person, {
        value: { commandId: 'searchDecisions', parameters: [{ name: 'query', value: text }], queryOptions: { skip: 0, count: 10 } },
      });

    it('lists "community safety" from the index, and gives the decision card when it is picked, within Teams\' 5 s', async () => {
      const started = Date.now();
      const res = await h.post(query('housing', 'community safety'));
      expect(Date.now() - started).toBeLessThan(5000);
      type Listed = { content: unknown; preview: { contentType: string; content: { tap: { type: string; value: Record<string, string> } } } };
      const body = JSON.parse(res.body) as { composeExtension: { type: string; attachments: Listed[] } };
      expect(body.composeExtension.type).toBe('result');
      const first = body.composeExtension.attachments[0]!;
      // The list line: title, committee and where it stands, drawn from the index.
      expect(first.preview.contentType).toBe('application/vnd.microsoft.card.thumbnail');
      expect(cardText(first.preview.content)).toContain(`Community Safety Strategy ${strategyYears(new Date())}`);
      expect(JSON.stringify(first.preview.content)).toContain('DECISION · Cabinet');
      expect(first.preview.content.tap.type).toBe('invoke');
      // Picking it (composeExtension/selectItem) sends back the tap's value: the full card, read from the store.
      const picked = await h.post(h.activity('07b_invoke_composeExtension_query_modern_envelope', 'housing', {
        name: 'composeExtension/selectItem', value: first.preview.content.tap.value,
      }));
      const card = (JSON.parse(picked.body) as { composeExtension: { type: string; attachments: Array<{ contentType: string; content: unknown }> } }).composeExtension;
      expect(card.type).toBe('result');
      expect(card.attachments[0]!.contentType).toBe('application/vnd.microsoft.card.adaptive');
      expect(cardText(card.attachments[0]!.content)).toContain('Recommended to Council: awaiting Full Council');
      expect(JSON.stringify(card.attachments[0]!.content).length).toBeLessThan(28 * 1024);
    });

    it('says so when a pick names nothing there is to share', async () => {
      const picked = await h.post(h.activity('07b_invoke_composeExtension_query_modern_envelope', 'housing', {
        name: 'composeExtension/selectItem', value: { committeeId: 'cabinet', decisionId: 'no-such-decision' },
      }));
      expect(JSON.parse(picked.body)).toEqual({ composeExtension: { type: 'message', text: expect.stringContaining('not available to share') } });
      const malformed = await h.post(h.activity('07b_invoke_composeExtension_query_modern_envelope', 'housing', {
        name: 'composeExtension/selectItem', value: { committeeId: 'cabinet', decisionId: 'x', member: 'someone-else' },
      }));
      expect(JSON.parse(malformed.body)).toEqual({ composeExtension: { type: 'message', text: expect.stringContaining('not available to share') } });
    });

    it('never offers an exempt item, even to an officer', async () => {
      const res = await h.post(query('democraticServices', 'disposal of land nottingham road'));
      const body = JSON.parse(res.body) as { composeExtension: { attachments: unknown[] } };
      expect(JSON.stringify(body)).not.toContain('Nottingham Road');
    });
  });
});
