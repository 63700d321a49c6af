import { planFormInputIds } from '../../src/cards/action-data';
import type { Decision } from '../../src/domain';
import { DEMO_IDS, DEMO_PEOPLE } from '../../src/services/demo/demo-council';
import type { Store } from '../../src/store/port';
import { cardsIn, cardText, ConversationHarness, invokeBody } from '../support/conversation-harness';

/**
 * Issue 11: an officer starts a decision's action plan from the decision card, with its first actions, through the
 * same use case as POST /api/v1/action-plans. Over HTTP on /api/messages, on the demo council with one more
 * Cabinet decision that has no plan (the demo's own decision has one).
 */
const DECISION: Pick<Decision, 'id' | 'title'> = { id: 'decision-public-toilets', title: 'Refurbishment of the Town Centre Public Toilets' };
const locator = { committeeId: DEMO_IDS.cabinet, decisionId: DECISION.id };

async function seedDecisionWithoutPlan(store: Store): Promise<void> {
  const demo = (await store.decisions.get(DEMO_IDS.cabinet, DEMO_IDS.cspDecision))!.value;
  const { agendaItemId: _item, source: _source, ...rest } = demo;
  await store.decisions.create({
    ...rest, ...DECISION, minutes: [], discussionPoints: [], reasons: [],
    outcomes: [{ number: 1, verb: 'APPROVED', text: 'the refurbishment of the town centre public toilets', status: 'effective' }],
  });
}

describe('"Start action plan" from the decision card', () => {
  const h = new ConversationHarness();
  beforeAll(() => h.start({}, seedDecisionWithoutPlan));
  afterAll(() => h.stop());

  const row = planFormInputIds.row;
  const planOf = () => h.withStore(async (s) => (await s.actionPlans.findByDecision(DEMO_IDS.cabinet, DECISION.id))?.value);
  const actionsOf = (card: Record<string, unknown>): Array<{ title: string; verb?: string }> => (card.actions as Array<{ title: string; verb?: string }>) ?? [];

  it('is offered to an officer in their own chat for a decision without a plan; a councillor, and a decision with a plan, show none', async () => {
    const officerCard = cardsIn((await h.post(h.message('democraticServices', 'status refurbishment of the town centre public toilets'))).sent)[0]!;
    expect(actionsOf(officerCard).map((a) => a.title)).toContain('Start action plan');
    expect(actionsOf(officerCard).map((a) => a.title)).not.toContain('Action plan');
    const memberCard = cardsIn((await h.post(h.message('housing', 'status refurbishment of the town centre public toilets'))).sent)[0]!;
    expect(cardText(memberCard)).toContain(DECISION.title);
    expect(JSON.stringify(memberCard)).not.toContain('startActionPlan');
    const withPlan = cardsIn((await h.post(h.message('democraticServices', 'status community safety'))).sent)[0]!;
    expect(actionsOf(withPlan).map((a) => a.title)).toEqual(expect.arrayContaining(['Action plan']));
    expect(JSON.stringify(withPlan)).not.toContain('startActionPlan');
  });

  it('opens the form in place of the card: the title from the decision, three rows, owners from the committee then officers', async () => {
    const body = invokeBody<{ statusCode: number; value: Record<string, unknown> }>(await h.post(h.cardAction('democraticServices', 'startActionPlan', locator)));
    expect(body.statusCode).toBe(200);
    const form = JSON.stringify(body.value);
    expect(cardText(body.value)).toContain('Start an action plan');
    expect(form).toMatch(new RegExp(`"id":"${planFormInputIds.title}"[^}]*"value":"${DECISION.title}"`));
    for (const n of [1, 2, 3]) for (const id of Object.values(row(n))) expect(form).toContain(`"id":"${id}"`);
    expect(form).not.toContain(`"id":"${row(4).title}"`);
    const owners = ((body.value.body as Array<Record<string, unknown>>).flatMap((b) => (b.items as Array<Record<string, unknown>> | undefined) ?? [])
      .find((i) => i.id === row(1).owner)!.choices as Array<{ title: string; value: string }>).map((c) => c.value);
    // Cabinet's members first (by name), then officers; Cllr Glancy sits on other committees only.
    expect(owners).toEqual([DEMO_PEOPLE.housing.id, DEMO_PEOPLE.leader.id, DEMO_PEOPLE.director.id, DEMO_PEOPLE.democraticServices.id]);
    expect(await planOf()).toBeUndefined();
  });

  it('refuses what the API would refuse, with the reasons by row and everything typed kept, writing nothing', async () => {
    const typed = {
      ...locator,
      [planFormInputIds.title]: 'Toilets refurbishment',
      [row(1).title]: 'Appoint a contractor', [row(1).owner]: DEMO_PEOPLE.housing.id, [row(1).due]: '2031-02-30',
      [row(2).title]: 'Consult on opening hours', [row(2).owner]: '', [row(2).due]: '',
      [row(3).title]: '', [row(3).owner]: '', [row(3).due]: '',
    };
    const card = invokeBody<{ value: Record<string, unknown> }>(await h.post(h.cardAction('democraticServices', 'createActionPlan', typed))).value;
    const text = cardText(card);
    expect(text).toContain('⚠️ The plan was not started.');
    expect(text).toContain('Action 1, due date: must be a real date.');
    expect(text).toContain('Action 2: choose its owner.');
    expect(text).toContain('Action 2: give it a due date.');
    const json = JSON.stringify(card);
    expect(json).toMatch(new RegExp(`"id":"${planFormInputIds.title}"[^}]*"value":"Toilets refurbishment"`));
    expect(json).toMatch(new RegExp(`"id":"${row(1).due}"[^}]*"value":"2031-02-30"`));
    expect(json).toMatch(new RegExp(`"id":"${row(1).owner}"[^}]*"value":"${DEMO_PEOPLE.housing.id}"`));
    expect(json).toMatch(new RegExp(`"id":"${row(2).title}"[^}]*"value":"Consult on opening hours"`));
    expect(await planOf()).toBeUndefined();
  });

  it('refuses a councillor, whatever the card says, writing nothing', async () => {
    const card = invokeBody<{ value: Record<string, unknown> }>(await h.post(h.cardAction('housing', 'createActionPlan', { ...locator, [planFormInputIds.title]: 'Mine' }))).value;
    expect(cardText(card)).toContain('Only democratic services officers can start an action plan.');
    expect(await planOf()).toBeUndefined();
  });

  it('starts the plan (blank rows left out) and answers with the action plan card; a re-delivered press starts nothing more', async () => {
    const press = h.cardAction('democraticServices', 'createActionPlan', {
      ...locator,
      [planFormInputIds.title]: 'Toilets refurbishment',
      [row(1).title]: 'Appoint a contractor', [row(1).owner]: DEMO_PEOPLE.housing.id, [row(1).due]: '2031-03-31',
      [row(2).title]: '', [row(2).owner]: '', [row(2).due]: '',
      [row(3).title]: 'Reopen the toilets', [row(3).owner]: DEMO_PEOPLE.director.id, [row(3).due]: '2031-09-30',
    });
    const text = cardText(invokeBody(await h.post(press)).value);
    expect(text).toContain('Action plan');
    expect(text).toContain('Toilets refurbishment');
    expect(text).toContain('2 actions: 2 on track');
    expect(text).toMatch(/Appoint a contractor .*Owner: {2}Cllr Alan Pearson/);
    const plan = (await planOf())!;
    expect(plan).toMatchObject({ title: 'Toilets refurbishment', decisionId: DECISION.id, committeeId: DEMO_IDS.cabinet });
    expect(plan.actions.map((a) => [a.id, a.title, a.ownerMemberId, a.dueOn, a.rag, a.percentComplete])).toEqual([
      ['act-1', 'Appoint a contractor', DEMO_PEOPLE.housing.id, '2031-03-31', 'on-track', 0],
      ['act-2', 'Reopen the toilets', DEMO_PEOPLE.director.id, '2031-09-30', 'on-track', 0],
    ]);

    expect(cardText(invokeBody(await h.post(press)).value)).toContain('Toilets refurbishment');
    expect(await planOf()).toEqual(plan);
    // The decision card now offers the plan, not a second one.
    const after = cardsIn((await h.post(h.message('democraticServices', 'status refurbishment of the town centre public toilets'))).sent)[0]!;
    expect(actionsOf(after).map((a) => a.title)).toContain('Action plan');
    expect(JSON.stringify(after)).not.toContain('startActionPlan');
  });

  it('Cancel puts the decision card back, writing nothing', async () => {
    const card = invokeBody<{ value: Record<string, unknown> }>(await h.post(h.cardAction('democraticServices', 'backToDecision', locator))).value;
    expect(cardText(card)).toContain(DECISION.title);
    expect(cardText(card)).toContain('Decision of Cabinet');
  });
});
