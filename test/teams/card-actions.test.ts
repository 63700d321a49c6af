import { updateInputIds } from '../../src/cards/action-data';
import { actionVersion } from '../../src/domain';
import { DEMO_IDS, DEMO_PEOPLE, strategyYears } from '../../src/services/demo/demo-council';
import { cardsIn, cardText, ConversationHarness, eventually, invokeBody } from '../support/conversation-harness';

/** Card actions (Action.Execute invokes, and the Action.Submit fallback) over HTTP on the demo council. */
describe('Teams card actions on the demo council', () => {
  const h = new ConversationHarness();
  beforeAll(() => h.start());
  afterAll(() => h.stop());

  /** The demo's current decision, whose action plan this is (its years follow today). */
  const STRATEGY_TITLE = `Community Safety Strategy ${strategyYears(new Date())}`;
  const CARD = 'application/vnd.microsoft.card.adaptive';
  const plan = { committeeId: DEMO_IDS.cabinet, actionPlanId: DEMO_IDS.cspActionPlan };
  const updateOf = (actionId: string, values: { rag: string; percent: string; note: string }) => {
    const ids = updateInputIds(actionId);
    return { ...plan, actionId, [ids.rag]: values.rag, [ids.percentComplete]: values.percent, [ids.note]: values.note };
  };
  const readPlan = () => h.withStore(async (s) => ({ plan: (await s.actionPlans.get(DEMO_IDS.cabinet, DEMO_IDS.cspActionPlan))!.value, updates: await s.actionPlans.listUpdates(DEMO_IDS.cabinet, DEMO_IDS.cspActionPlan) }));

  describe('updateAction', () => {
    it('as the action\'s owner: 200 with the refreshed plan card showing the new RAG word and percent, recorded once however often the invoke is delivered', async () => {
      const invoke = h.cardAction('director', 'updateAction', updateOf('act-engagement', { rag: 'on-track', percent: '65', note: 'Sessions held in 9 of 14 wards.' }));
      const res = await h.post(invoke);
      expect(res.status).toBe(200);
      const body = invokeBody(res);
      expect(body.statusCode).toBe(200);
      expect(body.type).toBe(CARD);
      const text = cardText(body.value);
      // The whole plan, in place of the card pressed: was 2 on track and 1 at risk, now 3 on track.
      expect(text).toContain(`Follows the decision:  ${STRATEGY_TITLE} 3 actions: 3 on track ⚠️ 1 action is overdue. Run a community engagement programme in each ward 🟢 On track 65% done Owner:  Andrew Cotton Overdue: was due `);
      expect(text).toMatch(/Last update today at \S+ by Andrew Cotton: {2}Sessions held in 9 of 14 wards\. Update on-track /);
      expect(text).not.toContain('🟠 At risk 40% done');

      // Teams re-delivers the same invoke (same activity id): same answer, nothing more in the history.
      const again = await h.post(invoke);
      expect(invokeBody(again).statusCode).toBe(200);
      expect(cardText(invokeBody(again).value)).toContain('🟢 On track 65% done');
      const { plan: stored, updates } = await readPlan();
      expect(updates).toHaveLength(1);
      expect(updates[0]).toMatchObject({ actionId: 'act-engagement', byMemberId: DEMO_PEOPLE.director.id, rag: 'on-track', percentComplete: 65, note: 'Sessions held in 9 of 14 wards.' });
      expect(stored.actions.find((a) => a.id === 'act-engagement')).toMatchObject({ rag: 'on-track', percentComplete: 65, lastUpdateAt: updates[0]!.at });
    });

    it('a second, different update is a second history entry ("done" is 100%)', async () => {
      // Its own first update, whatever ran before: then a different one.
      await h.post(h.cardAction('director', 'updateAction', updateOf('act-engagement', { rag: 'on-track', percent: '65', note: '' })));
      const before = (await readPlan()).updates;
      const res = await h.post(h.cardAction('director', 'updateAction', updateOf('act-engagement', { rag: 'done', percent: '90', note: '' })));
      expect(cardText(invokeBody(res).value)).toContain('Run a community engagement programme in each ward ✅ Done 100% done');
      const { updates } = await readPlan();
      expect(updates.slice(0, before.length)).toEqual(before);
      expect(updates.slice(before.length).map((u) => [u.rag, u.percentComplete])).toEqual([['done', 100]]);
    });

    it('a councillor who does not own the action gets the error card, and nothing is written', async () => {
      const before = await readPlan();
      const res = await h.post(h.cardAction('councillor', 'updateAction', updateOf('act-domestic-abuse', { rag: 'off-track', percent: '5', note: 'Not started' })));
      expect(res.status).toBe(200);
      const body = invokeBody(res);
      expect(body).toMatchObject({ statusCode: 200, type: CARD });
      expect(cardText(body.value)).toContain('Only the action’s owner or an officer can update it.');
      expect(cardText(body.value)).not.toContain('Extend the Perpetrator Programme');
      expect(await readPlan()).toEqual(before);
    });

    it('refuses a percent over 100 on the card, with the reason beside the action and what was typed kept, writing nothing', async () => {
      const before = await readPlan();
      const res = await h.post(h.cardAction('housing', 'updateAction', updateOf('act-scrutiny-report', { rag: 'at-risk', percent: '150', note: 'Draft started' })));
      const card = invokeBody<{ statusCode: number; type: string; value: Record<string, unknown> }>(res).value;
      const text = cardText(card);
      expect(text).toContain('⚠️ Percent done must be a whole number from 0 to 100: 150 is not. Nothing was saved. Press Update: what you typed is still there.');
      expect(text).not.toContain('The card sent something this bot cannot read.');
      const ids = updateInputIds('act-scrutiny-report');
      const inputs = JSON.stringify(card);
      expect(inputs).toContain(`"id":"${ids.percentComplete}"`);
      expect(inputs).toMatch(new RegExp(`"id":"${ids.percentComplete}"[^}]*"value":150[,}]`));
      expect(inputs).toMatch(new RegExp(`"id":"${ids.rag}"[^}]*"value":"at-risk"`));
      expect(inputs).toMatch(new RegExp(`"id":"${ids.note}"[^}]*"value":"Draft started"`));
      expect(await readPlan()).toEqual(before);
    });

    it('keeps the view the person was in: an update saved from "actions" (their own actions) answers with their own actions', async () => {
      const mine = cardsIn((await h.post(h.message('director', 'actions'))).sent)[0]!;
      expect(cardText(mine)).not.toContain('Report progress to Scrutiny Committee'); // Cllr Pearson's action, not the director's
      const res = await h.post(h.cardAction('director', 'updateAction', { ...updateOf('act-domestic-abuse', { rag: 'on-track', percent: '25', note: '' }), view: 'mine' }));
      const after = cardText(invokeBody(res).value);
      expect(after).toContain('Extend the Perpetrator Programme to all partner agencies 🟢 On track 25% done');
      expect(after).not.toContain('Report progress to Scrutiny Committee');
      const whole = cardText(invokeBody(await h.post(h.cardAction('director', 'updateAction', updateOf('act-domestic-abuse', { rag: 'on-track', percent: '26', note: '' })))).value);
      expect(whole).toContain('Report progress to Scrutiny Committee');
    });

    it('refuses a stale update (someone else updated the action since the card was drawn): the newer state shown, who and when, the input kept; an update to another action is no conflict', async () => {
      const versionOf = async (actionId: string) => actionVersion((await readPlan()).plan.actions.find((a) => a.id === actionId)!);
      // Cllr Pearson's card is drawn: his action at its version now.
      const drawn = await versionOf('act-scrutiny-report');
      // The director updates another action of the plan meanwhile: Cllr Pearson's card is not stale for that.
      await h.post(h.cardAction('director', 'updateAction', updateOf('act-domestic-abuse', { rag: 'on-track', percent: '30', note: '' })));
      expect(await versionOf('act-scrutiny-report')).toBe(drawn);
      // The director (an officer) updates Cllr Pearson's action itself.
      await h.post(h.cardAction('director', 'updateAction', { ...updateOf('act-scrutiny-report', { rag: 'at-risk', percent: '15', note: 'Committee date moved' }), version: drawn }));
      const before = await readPlan();
      expect(before.plan.actions.find((a) => a.id === 'act-scrutiny-report')).toMatchObject({ rag: 'at-risk', percentComplete: 15 });

      // Cllr Pearson sends what he typed on the card drawn before: refused, his input kept, the newer state shown.
      const stale = h.cardAction('housing', 'updateAction', { ...updateOf('act-scrutiny-report', { rag: 'on-track', percent: '20', note: 'Draft report written' }), version: drawn, view: 'mine' });
      const card = invokeBody<{ value: Record<string, unknown> }>(await h.post(stale)).value;
      const text = cardText(card);
      expect(text).toContain('Report progress to Scrutiny Committee 🟠 At risk 15% done');
      expect(text).toMatch(/⚠️ Andrew Cotton updated this today at \S+ — check and send again\. Nothing was saved\. Press Update: what you typed is still there\./);
      expect(text).not.toContain('Extend the Perpetrator Programme'); // the view he was in: his own actions
      const ids = updateInputIds('act-scrutiny-report');
      const json = JSON.stringify(card);
      expect(json).toMatch(new RegExp(`"id":"${ids.rag}"[^}]*"value":"on-track"`));
      expect(json).toMatch(new RegExp(`"id":"${ids.percentComplete}"[^}]*"value":20[,}]`));
      expect(json).toMatch(new RegExp(`"id":"${ids.note}"[^}]*"value":"Draft report written"`));
      // The redrawn card carries the newer version: sending again from it is saved.
      const newer = await versionOf('act-scrutiny-report');
      expect(json).toContain(`"version":"${newer}"`);
      expect(await readPlan()).toEqual(before);

      const again = h.cardAction('housing', 'updateAction', { ...updateOf('act-scrutiny-report', { rag: 'on-track', percent: '20', note: 'Draft report written' }), version: newer, view: 'mine' });
      expect(cardText(invokeBody(await h.post(again)).value)).toContain('Report progress to Scrutiny Committee 🟢 On track 20% done');
      // Teams delivers that invoke again: its own first delivery moved the version, which is no reason to refuse it.
      const retried = cardText(invokeBody(await h.post(again)).value);
      expect(retried).toContain('🟢 On track 20% done');
      expect(retried).not.toContain('check and send again');
      const { updates } = await readPlan();
      expect(updates.filter((u) => u.actionId === 'act-scrutiny-report' && u.note === 'Draft report written')).toHaveLength(1);
    });
  });

  describe('viewDecision', () => {
    it('posts the decision card to the conversation and answers the invoke with a message', async () => {
      const res = await h.post(h.cardAction('housing', 'viewDecision', { committeeId: DEMO_IDS.cabinet, decisionId: DEMO_IDS.strategyDecision }));
      expect(res.status).toBe(200);
      expect(invokeBody(res)).toEqual({ statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: `Opened the decision on "${STRATEGY_TITLE}"` });
      expect(res.sent).toHaveLength(1);
      expect(res.sent[0]?.conversation).toMatchObject({ id: h.personalConversationId('housing') });
      const text = cardText(cardsIn(res.sent)[0]);
      expect(text).toContain('Decision of Cabinet');
      expect(text).toContain(STRATEGY_TITLE);
      expect(text).toContain('Recommended to Council: awaiting Full Council');
      expect(text).toContain('Call-in open');
    });

    it('is the same card as the answer to "status": its actions (Agenda item, Action plan) and its content', async () => {
      const viewed = cardsIn((await h.post(h.cardAction('housing', 'viewDecision', { committeeId: DEMO_IDS.cabinet, decisionId: DEMO_IDS.strategyDecision }))).sent)[0]!;
      const answered = cardsIn((await h.post(h.message('housing', 'status community safety'))).sent)[0]!;
      const verbs = (card: Record<string, unknown>) => (card.actions as { title: string; verb?: string }[]).map((a) => `${a.title}:${a.verb ?? ''}`);
      expect(verbs(answered)).toEqual(verbs(viewed));
      expect(verbs(viewed)).toEqual(expect.arrayContaining([expect.stringMatching(/:viewItem$/), expect.stringMatching(/:viewActionPlan$/)]));
    });

    it('answers an unknown decision with the error card and posts nothing', async () => {
      const res = await h.post(h.cardAction('housing', 'viewDecision', { committeeId: DEMO_IDS.cabinet, decisionId: 'decision-nobody-made' }));
      expect(invokeBody(res).type).toBe(CARD);
      expect(cardText(invokeBody(res).value)).toContain('decision-nobody-made');
      expect(res.sent).toHaveLength(0);
    });
  });

  describe('Action.Submit fallback and refreshItem', () => {
    const safer = { committeeId: DEMO_IDS.cabinet, agendaItemId: 'item-safer-streets' };

    it('a message with no text and the verb in its value records the acknowledgement and answers with the card', async () => {
      const res = await h.post(h.message('housing', '', { text: undefined, value: { verb: 'acknowledge', ...safer } }));
      expect(res.status).toBe(200);
      expect(res.sent).toHaveLength(1);
      const text = cardText(cardsIn(res.sent)[0]);
      expect(text).toContain('Item 6 Safer Streets Fund: Town Centre Lighting and CCTV For decision ✅ Acknowledged by you');
      expect(text).not.toContain('Acknowledge Acknowledge');
      const recorded = await h.withStore((s) => s.acknowledgements.listByAgendaItem('item-safer-streets'));
      expect(recorded).toEqual([expect.objectContaining({ memberId: DEMO_PEOPLE.housing.id, via: expect.objectContaining({ channel: 'teams', conversationId: h.personalConversationId('housing') }) })]);
    });

    it('refreshItem (automatic trigger, as Teams refreshes a user-specific view) answers with each viewer\'s own state', async () => {
      // Its own state: Cllr Alan Pearson has acknowledged the item (a repeat of the test above changes nothing).
      await h.post(h.cardAction('housing', 'acknowledge', safer));
      const refresh = (person: 'housing' | 'leader') =>
        h.activity('06c_invoke_adaptiveCard_action_auto_refresh', person, {
          value: { action: { type: 'Action.Execute', id: '', verb: 'refreshItem', data: safer }, trigger: 'automatic' },
        });
      const mine = await h.post(refresh('housing'));
      expect(invokeBody(mine)).toMatchObject({ statusCode: 200, type: CARD });
      expect(cardText(invokeBody(mine).value)).toContain('✅ Acknowledged by you');
      expect((invokeBody(mine).value as { refresh: unknown }).refresh).toMatchObject({ userIds: [`29:${DEMO_PEOPLE.housing.id}`] });

      const theirs = await h.post(refresh('leader'));
      const text = cardText(invokeBody(theirs).value);
      expect(text).not.toContain('Acknowledged by you');
      expect(text).toContain('Acknowledge Acknowledge');
      expect((invokeBody(theirs).value as { refresh: unknown }).refresh).toMatchObject({ userIds: [`29:${DEMO_PEOPLE.leader.id}`] });
      // A refresh records nothing and posts nothing.
      expect(mine.sent).toHaveLength(0);
      expect(theirs.sent).toHaveLength(0);
      expect(await h.withStore((s) => s.acknowledgements.listByAgendaItem('item-safer-streets'))).toHaveLength(1);
    });
  });
  describe('remindOutstanding', () => {
    it('sends the reminders once, however often Teams delivers the same press', async () => {
      await h.install('housing');
      const press = h.cardAction('democraticServices', 'remindOutstanding', { committeeId: DEMO_IDS.cabinet, agendaItemId: 'item-hra-budget-monitoring' });
      const first = await h.post(press);
      const second = await h.post(press);
      expect(invokeBody(first)).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.activity.message' });
      expect(String(invokeBody(first).value)).toMatch(/^I'm reminding Cllr Alan Pearson (and Cllr Joe Orson )?about "Housing Revenue Account Budget Monitoring: Quarter 2"/);
      expect(invokeBody(second).value).toBe('Those reminders are already on their way.');
      const toHousing = () =>
        h.connector.sentActivities.filter(
          (a) => (a.conversation as { id: string }).id === h.personalConversationId('housing') && cardText(cardsIn([a])[0]).includes('Housing Revenue Account Budget Monitoring'),
        );
      await eventually(async () => toHousing().length === 1);
      // The sender is idle again once it finished: still one reminder, whatever the two presses did.
      await eventually(async () => (await h.withStore((s) => s.dueWork.listEarliest(10))).every((w) => w.value.kind !== 'notification'));
      expect(toHousing()).toHaveLength(1);
    });
  });
});
