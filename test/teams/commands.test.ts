import { formatDateTime, formatDayDate } from '../../src/cards/format-date';
import { callInDeadline, latestAgendaPublicationDate, londonDateOf, type Meeting } from '../../src/domain';
import { DEMO_IDS, DEMO_PEOPLE, demoCouncil, strategyYears } from '../../src/services/demo/demo-council';
import { TestBotConnector } from '../support/bot-connector';
import { cardsIn, cardText, ConversationHarness, eventually, invokeBody } from '../support/conversation-harness';

/**
 * The chat commands over HTTP, as Teams posts them, on the seeded demo council: what each person reads, exactly.
 * Tests run in order and share one store; the acknowledgements made below are noted where later tests rely on them.
 */
describe('Teams chat commands on the demo council', () => {
  const h = new ConversationHarness();
  let meetings: Record<'past' | 'recent' | 'cabinet' | 'council', Meeting>;
  /** The real 2021 item, and the invented current decision on the next strategy (its years follow today). */
  const CSP_TITLE = 'Approval of the Community Safety Partnership Strategic Plan';
  const STRATEGY_TITLE = `Community Safety Strategy ${strategyYears(new Date())}`;

  beforeAll(async () => {
    await h.start();
    meetings = await h.withStore(async (s) => ({
      past: (await s.meetings.get(DEMO_IDS.cabinet, DEMO_IDS.pastCabinet))!.value,
      recent: (await s.meetings.get(DEMO_IDS.cabinet, DEMO_IDS.recentCabinet))!.value,
      cabinet: (await s.meetings.get(DEMO_IDS.cabinet, DEMO_IDS.nextCabinet))!.value,
      council: (await s.meetings.get(DEMO_IDS.council, DEMO_IDS.nextCouncil))!.value,
    }));
  });
  afterAll(() => h.stop());

  /** The one thing the bot sent: a card (its text) or a plain-text line. */
  const onlyCard = (sent: Array<Record<string, unknown>>): Record<string, unknown> => {
    expect(sent).toHaveLength(1);
    const cards = cardsIn(sent);
    expect(cards).toHaveLength(1);
    return cards[0]!;
  };
  const onlyText = (sent: Array<Record<string, unknown>>): string => {
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ type: 'message', textFormat: 'plain' });
    expect(sent[0]?.attachments ?? []).toEqual([]);
    return sent[0]!.text as string;
  };
  const heading = (meeting: Meeting, committee = 'Cabinet') => `${committee} ${formatDateTime(meeting.startsAt)} Council Chamber, Parkside`;

  describe('item', () => {
    it('"item 6" is item 6 of the NEXT Cabinet meeting (Safer Streets), not the past meeting\'s item 6 (the CSP plan)', async () => {
      const { status, sent } = await h.post(h.message('housing', 'item 6'));
      expect(status).toBe(200);
      const card = onlyCard(sent);
      expect(cardText(card)).toBe(
        `${heading(meetings.cabinet)} Item 6 Safer Streets Fund: Town Centre Lighting and CCTV For decision ` +
          'The Leader to seek approval to accept the Safer Streets grant and to procure improved lighting and CCTV for the town centre. ' +
          'Portfolio holder Leader of the Council Recommendations 1. Accept the grant of £250,000. ' +
          '2. Delegate authority to the Director for Housing and Communities to award the contract. Papers No papers published yet. Acknowledge Acknowledge',
      );
      // A user-specific view: Teams refreshes it for the person who asked, so each sees their own state.
      expect(card.refresh).toMatchObject({ userIds: [`29:${DEMO_PEOPLE.housing.id}`], action: { verb: 'refreshItem', data: { committeeId: DEMO_IDS.cabinet, agendaItemId: 'item-safer-streets' } } });
    });

    it('"item community safety" finds the item by its words: the latest, the current strategy, with its decision and action plan', async () => {
      const card = onlyCard((await h.post(h.message('housing', 'item community safety'))).sent);
      const text = cardText(card);
      expect(text.startsWith(`${heading(meetings.recent)} Item 5 ${STRATEGY_TITLE} Non-key decision · For decision `)).toBe(true);
      expect(text).toContain('Lead officer Andrew Cotton, Director for Housing and Communities');
      expect(text.endsWith('Acknowledge Acknowledge View decision View decision Action plan Action plan')).toBe(true);
    });

    it('"item community safety partnership" finds the real 2021 item, decided, with no action plan of its own', async () => {
      const text = cardText(onlyCard((await h.post(h.message('housing', 'item community safety partnership'))).sent));
      expect(text.startsWith(`${heading(meetings.past)} Item 6 ${CSP_TITLE} Non-key decision · For decision `)).toBe(true);
      expect(meetings.past.startsAt).toBe('2021-06-15T17:30:00.000Z');
      expect(text.endsWith('Acknowledge Acknowledge View decision View decision')).toBe(true);
    });

    it('says plainly when a number is not on the next agenda of the asker\'s committees', async () => {
      // Margaret Glancy sits on Scrutiny and Full Council; neither next agenda has an item 6.
      const text = onlyText((await h.post(h.message('councillor', 'item 6'))).sent);
      expect(text).toBe('I found no agenda item for "item 6". Try "agenda" to see the next meetings\' items, or different words.');
    });
  });

  describe('echoes', () => {
    it('quotes back at most 60 characters of what was typed, whichever command answers', async () => {
      const nonsense = 'qzxv '.repeat(200).trim();
      for (const [who, text] of [
        ['housing', `status ${nonsense}`],
        ['housing', `item ${nonsense}`],
        ['housing', `what's on ${nonsense} next week`],
        ['director', `notify ${nonsense}`],
      ] as const) {
        const reply = (await h.post(h.message(who, text))).sent.map((a) => String(a.text ?? '')).join('\n');
        expect(reply).not.toContain('qzxv '.repeat(13));
        const quoted = /"([^"]*…)"/.exec(reply)?.[1];
        expect(quoted).toBeDefined();
        expect(Array.from(quoted!).length).toBeLessThanOrEqual(60);
      }
    });
  });

  describe('decisions', () => {
    it('lists the current decision (not the real 2021 one) with the status most worth knowing: call-in open, until when', async () => {
      const card = onlyCard((await h.post(h.message('housing', 'decisions'))).sent);
      const current = await h.withStore(async (s) => (await s.decisions.get(DEMO_IDS.cabinet, DEMO_IDS.strategyDecision))!.value);
      expect(cardText(card)).toBe(
        `Decisions in the last 30 days 1 decision Open decision Open decision DECISION ${STRATEGY_TITLE} ` +
          `Cabinet · Decided ${formatDayDate(meetings.recent.startsAt)} ⏳ Call-in open. Call-in period ends ${formatDayDate(callInDeadline(current.publishedOn!, 5))}`,
      );
    });
  });

  describe('agenda', () => {
    it('"agenda" for a councillor of other committees (Scrutiny, Full Council) is Full Council\'s next meeting, Cabinet\'s not at all', async () => {
      const card = onlyCard((await h.post(h.message('councillor', 'agenda'))).sent);
      expect(cardText(card)).toBe(
        `${heading(meetings.council, 'Full Council')} The agenda is not published yet. ` +
          `It is expected by ${formatDayDate(latestAgendaPublicationDate(londonDateOf(meetings.council.startsAt)))}.`,
      );
    });

    it('"what\'s on Cabinet next week" names the committee: Cabinet\'s meeting, the exempt item only for a Cabinet member', async () => {
      const items = 'Open item Open item 5 Housing Revenue Account Budget Monitoring: Quarter 2 For decision Open item Open item 6 Safer Streets Fund: Town Centre Lighting and CCTV For decision';
      const member = onlyCard((await h.post(h.message('housing', "what's on Cabinet next week"))).sent);
      expect(cardText(member)).toBe(
        `${heading(meetings.cabinet)} 3 of 3 items are for decision You have acknowledged 0 of 3 items ${items} Open item Open item 7 Disposal of Land at Nottingham Road For decision · 🔒 Exempt`,
      );
      const other = onlyCard((await h.post(h.message('councillor', "what's on Cabinet next week"))).sent);
      expect(cardText(other)).toBe(`${heading(meetings.cabinet)} 2 of 2 items are for decision You have acknowledged 0 of 2 items ${items}`);
    });

    it('answers a committee with nothing that week, and an unknown committee, in words', async () => {
      expect(onlyText((await h.post(h.message('housing', "what's on Scrutiny next week"))).sent)).toBe(
        'No meetings of Scrutiny Committee next week. Try "agenda" for the next ones.',
      );
      expect(onlyText((await h.post(h.message('housing', "what's on Planning next week"))).sent)).toBe(
        'I don\'t know a committee called "planning". The committees are: Cabinet, Full Council, Scrutiny Committee.',
      );
    });
  });

  describe('actions', () => {
    it('"actions" as Andrew Cotton (officer, owner of two actions): one plan card, the overdue action first, nobody else\'s', async () => {
      const due = demoCouncil(new Date()).actionPlans[0]!.actions;
      const card = onlyCard((await h.post(h.message('director', 'actions'))).sent);
      const text = cardText(card);
      expect(text.startsWith(`Action plan Cabinet Community Safety Action Plan Follows the decision:  ${STRATEGY_TITLE} 2 actions: 1 on track, 1 at risk ⚠️ 1 action is overdue. `)).toBe(true);
      const overdue = text.indexOf(`Run a community engagement programme in each ward 🟠 At risk 40% done Owner:  Andrew Cotton Overdue: was due ${formatDayDate(due[0]!.dueOn)}`);
      const later = text.indexOf(`Extend the Perpetrator Programme to all partner agencies 🟢 On track 20% done Owner:  Andrew Cotton Due ${formatDayDate(due[1]!.dueOn)}`);
      expect(overdue).toBeGreaterThan(0);
      expect(later).toBeGreaterThan(overdue);
      expect(text).not.toContain('Report progress to Scrutiny Committee');
    });

    it('"overdue actions": only the overdue one', async () => {
      const text = cardText(onlyCard((await h.post(h.message('director', 'overdue actions'))).sent));
      expect(text).toContain('1 action: 1 at risk ⚠️ 1 action is overdue. Run a community engagement programme in each ward 🟠 At risk 40% done');
      expect(text).not.toContain('Perpetrator Programme');
    });

    it('says so when the asker owns nothing, or nothing overdue', async () => {
      expect(onlyText((await h.post(h.message('leader', 'actions'))).sent)).toBe('You own no actions at the moment.');
      expect(onlyText((await h.post(h.message('housing', 'overdue actions'))).sent)).toBe('None of your actions is overdue.');
    });
  });

  describe('help', () => {
    const OFFICER_PART =
      'For officers report community safety  who has and has not acknowledged an item remind community safety  remind those who have not acknowledged it ' +
      "notify item 6  send an item's card to its committee (or notify agenda cabinet for the whole agenda)";

    it('shows an officer the officer examples, and a councillor not', async () => {
      const officer = cardText(onlyCard((await h.post(h.message('director', 'help'))).sent));
      expect(officer.startsWith('Hello Andrew Cotton ')).toBe(true);
      expect(officer.endsWith(OFFICER_PART)).toBe(true);
      const councillor = cardText(onlyCard((await h.post(h.message('housing', 'help'))).sent));
      expect(councillor.startsWith('Hello Cllr Alan Pearson ')).toBe(true);
      expect(councillor).toContain("what's on Cabinet next week  one committee, one week item 6  an agenda item by its number (or by words)");
      expect(councillor).not.toContain('For officers');
    });
  });

  describe('remind (officers)', () => {
    const blocked = new TestBotConnector();
    beforeAll(() => blocked.start());
    afterAll(() => blocked.stop());

    const cabinetChats = () =>
      h.withStore(async (s) => ({
        housing: (await s.conversations.get(h.personalConversationId('housing')))?.value.reachable,
        leader: (await s.conversations.get(h.personalConversationId('leader')))?.value.reachable,
      }));

    /** What the officer got back in their chat: the answer's text, and the progress card below it. */
    const officerReply = (sent: Array<Record<string, unknown>>) => {
      const mine = sent.filter((a) => (a.conversation as { id: string }).id === h.personalConversationId('director'));
      expect(mine).toHaveLength(2);
      expect(mine[0]).toMatchObject({ type: 'message', textFormat: 'plain' });
      return { text: mine[0]!.text as string, progress: cardText(cardsIn([mine[1]!])[0]) };
    };
    /** The officer's progress card as last drawn: posted in the reply, then redrawn in place (PUT) by the sender. */
    const latestProgressCard = () =>
      h.connector.calls
        .filter((c) => decodeURIComponent(c.path).includes(h.personalConversationId('director')))
        .map((c) => cardsIn([c.body])[0])
        .filter((card) => card !== undefined && String(card.fallbackText).startsWith('Notification:'))
        .map((card) => cardText(card))
        .at(-1);

    it("reaches members through the chats they have written from, even though Teams never told the bot of an install, and the progress card ends 'Sent'", async () => {
      // Alan Pearson and Joe Orson have only typed to the bot (earlier tests): no installation event was ever seen.
      const before = h.connector.sentActivities.length;
      const { sent } = await h.post(h.message('director', 'remind community safety'));
      const reply = officerReply(sent);
      expect(reply.text).toBe(`I'm reminding Cllr Alan Pearson and Cllr Joe Orson about "${STRATEGY_TITLE}": they have each not acknowledged it yet.`);
      expect(reply.progress).toContain(STRATEGY_TITLE);
      for (const person of ['housing', 'leader'] as const) {
        await eventually(async () => h.connector.sentActivities.slice(before).find((a) => (a.conversation as { id: string }).id === h.personalConversationId(person)));
      }
      const final = await eventually(async () => latestProgressCard()?.startsWith('✔️ Sent') && latestProgressCard());
      expect(final).toContain('2 of 2 recipients delivered.');
    });

    it('reminds each reachable member with their own item card, and marks a member whose send is refused (403) unreachable without retrying', async () => {
      // Alan Pearson's chat is served by the usual connector; Joe Orson's by one that will refuse the next send.
      await h.install('housing');
      await h.install('leader', blocked.url);
      // The officer has read the item too: the reminders must not show the officer's acknowledgement to the members.
      const ack = await h.post(h.cardAction('director', 'acknowledge', { committeeId: DEMO_IDS.cabinet, agendaItemId: DEMO_IDS.strategyItem }));
      expect(cardText(invokeBody(ack).value)).toContain('Acknowledged by you');
      blocked.failNext(403, { body: { error: { code: 'MessageWritesBlocked', message: 'The user has blocked the bot' } } });
      const blockedCallsBefore = blocked.calls.length;
      const before = h.connector.sentActivities.length;

      const { sent } = await h.post(h.message('director', 'remind community safety'));
      expect(officerReply(sent).text).toBe(`I'm reminding Cllr Alan Pearson and Cllr Joe Orson about "${STRATEGY_TITLE}": they have each not acknowledged it yet.`);

      const reminder = await eventually(async () =>
        h.connector.sentActivities.slice(before).find((a) => (a.conversation as { id: string }).id === h.personalConversationId('housing') && cardsIn([a]).length === 1 && cardText(cardsIn([a])[0]).includes(STRATEGY_TITLE)),
      );
      expect(reminder.text).toBe(`Reminder: you have not yet acknowledged "${STRATEGY_TITLE}" (Cabinet on ${formatDateTime(meetings.recent.startsAt)}). Please read the papers and press Acknowledge.`);
      expect(reminder.textFormat).toBe('plain');
      const text = cardText(cardsIn([reminder])[0]);
      expect(text.startsWith(`${heading(meetings.recent)} Item 5 ${STRATEGY_TITLE} Non-key decision · For decision The Portfolio Holder`)).toBe(true);
      expect(text).toContain('Acknowledge Acknowledge');
      expect(text).not.toContain('Acknowledged by you');
      // Their own card: Teams refreshes it for them alone.
      expect(cardsIn([reminder])[0]!.refresh).toMatchObject({ userIds: [`29:${DEMO_PEOPLE.housing.id}`] });

      await eventually(async () => (await cabinetChats()).leader === false);
      expect(blocked.calls.length).toBe(blockedCallsBefore + 1);
      // One call, refused: no retry, and no error card pushed into the chat that refused it.
      expect(blocked.calls.at(-1)!.method).toBe('POST');
      expect(decodeURIComponent(blocked.calls.at(-1)!.path)).toMatch(new RegExp(`^/v3/conversations/${h.personalConversationId('leader')}/activities$`));
      expect(await cabinetChats()).toEqual({ housing: true, leader: false });
    });

    it('a member who blocked the bot is named for contact another way next time, and not sent to', async () => {
      // Its own state: both members installed, Joe Orson's chat since found unreachable (a send to it was refused).
      await h.install('housing');
      await h.install('leader', blocked.url);
      await h.withStore((s) => s.conversations.markUnreachable(h.personalConversationId('leader'), new Date().toISOString()));
      const blockedCallsBefore = blocked.calls.length;
      const before = h.connector.sentActivities.length;
      const { sent } = await h.post(h.message('director', 'remind community safety'));
      expect(officerReply(sent).text).toBe(
        `I'm reminding Cllr Alan Pearson about "${STRATEGY_TITLE}": they have not acknowledged it yet.\n\n` +
          "I can't reach Cllr Joe Orson in Teams (blocked or removed the bot): please remind them another way.",
      );
      await eventually(async () =>
        h.connector.sentActivities.slice(before).find((a) => (a.conversation as { id: string }).id === h.personalConversationId('housing')),
      );
      expect(blocked.calls.length).toBe(blockedCallsBefore);
    });

    it('refuses a councillor', async () => {
      expect(onlyText((await h.post(h.message('housing', 'remind community safety'))).sent)).toBe(
        'Sorry, that is for democratic services officers. You can ask "status <words>", "agenda", "pending" or "help".',
      );
    });
  });

  describe('pending', () => {
    const items = ['item-hra-budget-monitoring', 'item-safer-streets', 'item-land-disposal'];

    it('lists only the items still to read, each card with its Acknowledge button, and says when there is nothing to read', async () => {
      const titlesOf = (sent: Array<Record<string, unknown>>) => cardsIn(sent).map((card) => cardText(card));
      const before = await h.post(h.message('leader', 'pending'));
      expect(before.sent).toHaveLength(4); // the line, then a card for each item
      expect(before.sent[0]!.text).toBe(
        `You have 3 items still to read (Cabinet, ${formatDateTime(meetings.cabinet.startsAt)}). Press Acknowledge on each once you have read it.`,
      );
      expect(titlesOf(before.sent)).toHaveLength(3);
      expect(titlesOf(before.sent).every((text) => text.endsWith('Acknowledge Acknowledge'))).toBe(true);
      expect(titlesOf(before.sent)[2]).toContain('Disposal of Land at Nottingham Road');

      for (const agendaItemId of items.slice(0, 2)) {
        const res = await h.post(h.cardAction('leader', 'acknowledge', { committeeId: DEMO_IDS.cabinet, agendaItemId }));
        expect(res.status).toBe(200);
        expect(invokeBody(res)).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
        expect(cardText(invokeBody(res).value)).toContain('✅ Acknowledged by you');
      }
      const halfway = await h.post(h.message('leader', 'pending'));
      expect(halfway.sent[0]!.text).toMatch(/^You have 1 item still to read/);
      expect(titlesOf(halfway.sent)).toEqual([expect.stringContaining('Disposal of Land at Nottingham Road')]);
      expect(titlesOf(halfway.sent)[0]).not.toContain('Acknowledged by you');

      await h.post(h.cardAction('leader', 'acknowledge', { committeeId: DEMO_IDS.cabinet, agendaItemId: items[2] }));
      expect(onlyText((await h.post(h.message('leader', 'pending'))).sent)).toBe("Nothing to read: you have acknowledged every item on your committees' coming agendas.");
      const recorded = await h.withStore((s) => s.acknowledgements.listByMember(DEMO_PEOPLE.leader.id));
      expect(recorded.map((a) => a.agendaItemId).sort()).toEqual([...items].sort());
    });

    it('remind says everyone has acknowledged once every Cabinet member has', async () => {
      for (const person of ['leader', 'housing'] as const) {
        await h.post(h.cardAction(person, 'acknowledge', { committeeId: DEMO_IDS.cabinet, agendaItemId: 'item-safer-streets' }));
      }
      const text = onlyText((await h.post(h.message('director', 'remind safer streets'))).sent);
      expect(text).toBe('Everyone on Cabinet has acknowledged "Safer Streets Fund: Town Centre Lighting and CCTV": nobody needs a reminder.');
    });
  });

  describe('item: the soonest of the asker\'s committees\' next meetings', () => {
    it('takes item 6 from the sooner meeting, whatever order the committees are listed in', async () => {
      // Margaret Glancy: Full Council (listed first, meeting in 14 days) and Scrutiny (a new meeting in 3 days).
      const template = demoCouncil(new Date()).agendaItems.find((i) => i.id === 'item-safer-streets')!;
      const soon = new Date(Date.now() + 3 * 86_400_000).toISOString();
      await h.withStore(async (s) => {
        await s.meetings.create({ id: 'scrutiny-soon', committeeId: DEMO_IDS.scrutiny, startsAt: soon, venue: 'Committee Room 1', status: 'scheduled' });
        await s.agendaItems.create({ ...template, id: 'item-scrutiny-6', committeeId: DEMO_IDS.scrutiny, meetingId: 'scrutiny-soon', title: 'Call-in: Safer Streets Fund', titleAsPublished: 'CALL-IN: SAFER STREETS FUND' });
        await s.agendaItems.create({ ...template, id: 'item-council-6', committeeId: DEMO_IDS.council, meetingId: DEMO_IDS.nextCouncil, title: 'Community Safety Strategy 2021-24', titleAsPublished: 'COMMUNITY SAFETY STRATEGY 2021-24' });
      });
      const text = cardText(onlyCard((await h.post(h.message('councillor', 'item 6'))).sent));
      expect(text.startsWith(`Scrutiny Committee ${formatDateTime(soon)} Committee Room 1 Item 6 Call-in: Safer Streets Fund`)).toBe(true);
    });
  });

  describe('questions, and command words only in command position and form', () => {
    const runs = (card: Record<string, unknown>): Array<{ text: string; weight?: string }> => {
      const found: Array<{ text: string; weight?: string }> = [];
      const walk = (node: unknown): void => {
        if (Array.isArray(node)) node.forEach(walk);
        else if (node && typeof node === 'object') {
          const o = node as Record<string, unknown>;
          if (o.type === 'TextRun') found.push({ text: String(o.text), ...(typeof o.weight === 'string' ? { weight: o.weight } : {}) });
          Object.values(o).forEach(walk);
        }
      };
      walk(card);
      return found;
    };

    it('answers a question about the minutes with the decision and the passage that matched, its words in bold', async () => {
      const card = onlyCard((await h.post(h.message('housing', 'the one where members asked about the perpetrator programme'))).sent);
      expect(cardText(card)).toContain(CSP_TITLE);
      const text = runs(card);
      expect(text.map((r) => r.text)).toContain('In the minutes: ');
      expect(text).toEqual(expect.arrayContaining([{ text: 'Perpetrator', weight: 'bolder' }, { text: 'Programme', weight: 'bolder' }]));
    });

    it('says which filter it applied', async () => {
      const card = onlyCard((await h.post(h.message('housing', 'what did Cabinet decide about community safety'))).sent);
      expect(cardText(card)).toContain(STRATEGY_TITLE);
      expect(runs(card).map((r) => r.text)).toContain('Filtered: Cabinet');
    });

    it('gives a councillor who types "report to ..." a search answer, not a refusal', async () => {
      const card = onlyCard((await h.post(h.message('housing', 'report to scrutiny committee annually'))).sent);
      expect(cardText(card)).toContain(CSP_TITLE);
      expect(runs(card).filter((r) => r.weight === 'bolder').map((r) => r.text)).toEqual(expect.arrayContaining(['reported', 'Scrutiny', 'Committee', 'annually']));
    });

    it('gives an officer the search answer too when what follows the command word names no item', async () => {
      for (const question of ['report to scrutiny committee annually', 'remind me what we decided about the perpetrator programme', 'what did the report say about domestic violence']) {
        expect(cardText(onlyCard((await h.post(h.message('director', question))).sent))).toContain(CSP_TITLE);
      }
      // Notify is the same: "residents" and "bin rounds" name no item, so it is a question, which finds nothing here.
      expect(onlyText((await h.post(h.message('director', 'notify residents about the new bin rounds'))).sent)).toMatch(/^I found no decision matching/);
    });

    it('gives an officer the command when what follows names an item by its title words or its id', async () => {
      for (const command of ['report community safety', 'report item-safer-streets']) {
        const text = cardText(cardsIn((await h.post(h.message('director', command))).sent)[0]);
        expect(text).toMatch(/acknowledg/i);
      }
    });

    it('names an item for report, remind and notify in every way "item" does: "6", "item 6", words, its id', async () => {
      const reportOf = async (command: string) => {
        const { sent } = await h.post(h.message('director', command));
        return { line: sent[0]!.text as string, card: cardText(cardsIn(sent)[0]) };
      };
      // The item "item 6" gives this officer (the soonest agenda of any committee with an item 6), and its meeting.
      const asItem = cardText(onlyCard((await h.post(h.message('director', 'item 6'))).sent));
      const title = /Item 6 (.+?) (?:Key decision|Non-key decision|For decision|For information)/.exec(asItem)![1]!;
      for (const command of ['report item 6', 'report 6', 'report item no. 6']) {
        const { line, card } = await reportOf(command);
        expect(line).toMatch(/^This is for .+'s meeting on .+\.$/);
        expect(card).toContain(title);
      }
      // By its id: that item, at its meeting. By words: an earlier test added Scrutiny's "Call-in: Safer Streets Fund"
      // to a sooner meeting, so the words name either item; the answer says which meeting it is for.
      const byId = await reportOf('report item-safer-streets');
      expect(byId.line).toBe(`This is for Cabinet's meeting on ${formatDateTime(meetings.cabinet.startsAt)}.`);
      expect(byId.card).toContain('Safer Streets Fund');
      const byWords = await reportOf('report safer streets');
      expect(byWords.line).toMatch(/^This is for (Cabinet|Scrutiny Committee)'s meeting on .+\.$/);
      expect(byWords.card).toContain('Safer Streets Fund');
      expect(cardText(cardsIn((await h.post(h.message('director', 'notify item 6'))).sent)[0])).toContain(title);
    });

    it('prefers an item of a coming meeting, and says when the report is for a meeting already held', async () => {
      const { sent } = await h.post(h.message('director', 'report community safety partnership strategic plan'));
      expect(sent[0]!.text).toBe(`This is for Cabinet's meeting on ${formatDateTime(meetings.past.startsAt)}, which has been held.`);
    });
  });
});
