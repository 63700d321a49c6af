import { DEMO_IDS, DEMO_PEOPLE } from '../../src/services/demo/demo-council';
import { cardsIn, cardText, ConversationHarness, eventually } from '../support/conversation-harness';

const TOKEN = 'reminders-officer-token-1234';
const HRA = 'item-hra-budget-monitoring';
const HRA_TITLE = 'Housing Revenue Account Budget Monitoring: Quarter 2';

interface Queued {
  item: { id: string; committeeId: string; committeeName: string; title: string };
  repeated: boolean;
  outstanding: Array<{ memberId: string; name: string; seat?: string }>;
  reach: { reachable: Array<{ memberId: string }>; toTry: Array<{ memberId: string }>; unreachable: Array<{ memberId: string; reason: string; why: string }> };
  sendsAt: string;
  notification: { id: string; kind: string; status: string; counts: { total: number } };
}

/**
 * POST /api/v1/agenda-items/{id}/reminders over real HTTP on the demo council: the Teams Remind button's use case, with
 * a Bot Connector on 127.0.0.1 that records what each member's chat received. Tests share one bot and run in order.
 */
describe('officer API: remind those who have not acknowledged an item', () => {
  const h = new ConversationHarness();
  beforeAll(async () => {
    await h.start({ OFFICER_API_TOKEN: TOKEN });
    // Joe Orson (Leader) has opened the bot; Alan Pearson (Portfolio Holder) has not.
    await h.install('leader');
  });
  afterAll(() => h.stop());

  const remind = (id: string, key?: string) =>
    fetch(`${h.app.url}/api/v1/agenda-items/${id}/reminders`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, ...(key !== undefined ? { 'idempotency-key': key } : {}) },
    });
  const remindersTo = (person: 'leader' | 'housing') =>
    h.connector.sentActivities.filter(
      (a) => (a.conversation as { id: string }).id === h.personalConversationId(person) && cardsIn([a]).some((c) => cardText(c).includes(HRA_TITLE)),
    );

  it('queues a reminder to the committee\'s councillors who have not acknowledged it: 202, who is reminded and who can be reached', async () => {
    const res = await remind(HRA, 'first');
    expect(res.status).toBe(202);
    const body = (await res.json()) as Queued;
    expect(res.headers.get('location')).toBe(`/api/v1/notifications/${body.notification.id}`);
    expect(body.item).toEqual({ id: HRA, committeeId: DEMO_IDS.cabinet, committeeName: 'Cabinet', title: HRA_TITLE });
    expect(body.repeated).toBe(false);
    expect(body.outstanding.map((o) => o.memberId).sort()).toEqual([DEMO_PEOPLE.housing.id, DEMO_PEOPLE.leader.id].sort());
    expect(body.outstanding.every((o) => typeof o.seat === 'string' && o.seat.length > 0)).toBe(true);
    expect(body.reach.reachable.map((m) => m.memberId)).toEqual([DEMO_PEOPLE.leader.id]);
    expect([...body.reach.toTry, ...body.reach.unreachable].map((m) => m.memberId)).toEqual([DEMO_PEOPLE.housing.id]);
    expect(body.notification).toMatchObject({ kind: 'reminder', counts: { total: 2 } });
    // The leader's chat receives the item's card, once.
    await eventually(async () => remindersTo('leader').length === 1);
  });

  it('answers a retried request (same Idempotency-Key) with the same reminder, sending nothing again', async () => {
    const first = (await (await remind(HRA, 'retry-me')).json()) as Queued;
    await eventually(async () => remindersTo('leader').length === 2);
    const again = await remind(HRA, 'retry-me');
    expect(again.status).toBe(202);
    const body = (await again.json()) as Queued;
    expect(body).toMatchObject({ repeated: true, notification: { id: first.notification.id } });
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(remindersTo('leader')).toHaveLength(2);
  });

  it('refuses the same key for another item (409), queuing nothing', async () => {
    const res = await remind('item-safer-streets', 'first');
    expect(res.status).toBe(409);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(((await res.json()) as { detail: string }).detail).toMatch(/already used for another notification/);
  });

  it('records who asked, through the API, in the audit log', async () => {
    const entries = await h.withStore(async (s) => (await s.audit.list({ actions: ['notification.pushed'] })).items);
    const reminders = entries.filter((e) => e.details?.kind === 'reminder');
    expect(reminders).toHaveLength(2);
    expect(reminders[0]).toMatchObject({ actor: { id: 'local-officer', via: 'api' }, target: { kind: 'notification' } });
    expect(reminders[0]!.requestId).toEqual(expect.any(String));
  });

  it('leaves out whoever has acknowledged, and answers 200 "nobody needs a reminder" once everyone has', async () => {
    const acknowledge = (person: 'leader' | 'housing') => h.post(h.cardAction(person, 'acknowledge', { committeeId: DEMO_IDS.cabinet, agendaItemId: HRA }));
    await acknowledge('leader');
    const some = (await (await remind(HRA)).json()) as Queued;
    expect(some.outstanding.map((o) => o.memberId)).toEqual([DEMO_PEOPLE.housing.id]);
    await h.install('housing');
    await acknowledge('housing');
    const before = await h.withStore(async (s) => (await s.notifications.listRecent(undefined, 200)).items.length);
    const res = await remind(HRA);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      item: { id: HRA, committeeId: DEMO_IDS.cabinet, committeeName: 'Cabinet', title: HRA_TITLE },
      outstanding: [],
      detail: `Everyone on Cabinet has acknowledged "${HRA_TITLE}": nobody needs a reminder.`,
    });
    expect(await h.withStore(async (s) => (await s.notifications.listRecent(undefined, 200)).items.length)).toBe(before);
  });

  it('refuses a withdrawn item (422) and an unknown one (404), queuing nothing', async () => {
    await h.withStore(async (s) => {
      const item = (await s.agendaItems.get(DEMO_IDS.cabinet, 'item-safer-streets'))!;
      await s.agendaItems.replace({ ...item.value, withdrawnAt: new Date().toISOString() }, item.etag);
    });
    const before = await h.withStore(async (s) => (await s.notifications.listRecent(undefined, 200)).items.length);
    const withdrawn = await remind('item-safer-streets');
    expect(withdrawn.status).toBe(422);
    expect(((await withdrawn.json()) as { detail: string }).detail).toMatch(/withdrawn from its agenda: nobody is to read it/);
    const unknown = await remind('item-none');
    expect(unknown.status).toBe(404);
    expect(await h.withStore(async (s) => (await s.notifications.listRecent(undefined, 200)).items.length)).toBe(before);
  });

  it('needs an officer token', async () => {
    const res = await fetch(`${h.app.url}/api/v1/agenda-items/${HRA}/reminders`, { method: 'POST' });
    expect(res.status).toBe(401);
  });
});
