import type { AuditEntry } from '../../src/domain';
import { DEMO_IDS, DEMO_PEOPLE } from '../../src/services/demo/demo-council';
import { ConversationHarness, invokeBody } from '../support/conversation-harness';

/**
 * The audit log from Teams, through real HTTP on /api/messages: an exempt card shown, a notification pushed and
 * cancelled from the officer's cards. Each is one entry, whose actor is who Teams authenticated (`from.aadObjectId`),
 * never anything the card's data says.
 */
describe('the audit log from Teams', () => {
  const h = new ConversationHarness();
  beforeAll(() => h.start());
  afterAll(() => h.stop());

  const exempt = { committeeId: DEMO_IDS.cabinet, agendaItemId: 'item-land-disposal' };
  const open = { committeeId: DEMO_IDS.cabinet, agendaItemId: 'item-hra-budget-monitoring' };
  /** Card data claiming to be someone else: a forged card must not change who the log says acted. */
  const forged = { aadObjectId: DEMO_PEOPLE.councillor.aadObjectId, memberId: DEMO_PEOPLE.councillor.id, actor: 'someone-else' };

  const entriesSince = (since: string): Promise<AuditEntry[]> =>
    h.withStore(async (s) => (await s.audit.list({ from: new Date(since) }, undefined, 1000)).items);

  it('records an exempt item shown on a card in a personal chat once, as the authenticated viewer, and nothing for an open one', async () => {
    const since = new Date().toISOString();
    const shown = await h.post(h.cardAction('leader', 'viewItem', { ...exempt, ...forged }));
    expect(invokeBody(shown).statusCode).toBe(200);
    await h.post(h.cardAction('leader', 'viewItem', open));
    const entries = await entriesSince(since);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      action: 'exempt.viewed',
      actor: { id: DEMO_PEOPLE.leader.aadObjectId, memberId: DEMO_PEOPLE.leader.id, via: 'teams' },
      target: { kind: 'agendaItem', id: exempt.agendaItemId },
      details: { committeeId: DEMO_IDS.cabinet },
    });
    expect(entries[0]!.requestId).toMatch(/.+/);
  });

  it('records nothing where the exempt item is refused (a channel; a councillor off the committee)', async () => {
    const since = new Date().toISOString();
    const inChannel = h.cardAction('leader', 'viewItem', exempt);
    await h.post({ ...inChannel, conversation: { conversationType: 'channel', id: '19:general@thread.tacv2' } });
    await h.post(h.cardAction('councillor', 'viewItem', exempt));
    expect(await entriesSince(since)).toEqual([]);
  });

  it('records a status answer that shows an exempt decision or item once', async () => {
    const since = new Date().toISOString();
    const res = await h.post(h.message('leader', 'status disposal of land at nottingham road'));
    expect(res.status).toBe(200);
    const entries = await entriesSince(since);
    expect(entries.map((e) => [e.action, e.actor.id])).toEqual([['exempt.viewed', DEMO_PEOPLE.leader.aadObjectId]]);
  });

  it("records an officer's push and cancel from the cards once each, as the authenticated officer", async () => {
    const since = new Date().toISOString();
    const pushed = await h.post(h.cardAction('democraticServices', 'sendNotification', { ...open, meetingId: '', ...forged }));
    expect(invokeBody(pushed).statusCode).toBe(200);
    const [push] = await entriesSince(since);
    expect(push).toMatchObject({
      action: 'notification.pushed',
      actor: { id: DEMO_PEOPLE.democraticServices.aadObjectId, memberId: DEMO_PEOPLE.democraticServices.id, via: 'teams' },
      target: { kind: 'notification' },
      details: { subject: `agendaItem:${open.agendaItemId}` },
    });
    const notificationId = push!.target.id;
    await h.post(h.cardAction('democraticServices', 'cancelNotification', { notificationId, ...forged }));
    const entries = await entriesSince(since);
    expect(entries.map((e) => [e.action, e.target.id, e.actor.id])).toEqual([
      ['notification.cancelled', notificationId, DEMO_PEOPLE.democraticServices.aadObjectId],
      ['notification.pushed', notificationId, DEMO_PEOPLE.democraticServices.aadObjectId],
    ]);
  });
});
