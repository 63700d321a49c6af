import { DEMO_IDS, DEMO_PEOPLE } from '../../src/services/demo/demo-council';
import { cardsIn, cardText, ConversationHarness, eventually } from '../support/conversation-harness';

const TOKEN = 'notifications-officer-token-1234';

interface Status {
  id: string;
  kind: string;
  status: string;
  about: { title: string; committeeName?: string };
  counts: Record<'total' | 'pending' | 'sent' | 'failed' | 'blocked' | 'unreachable' | 'cancelled' | 'acknowledged', number>;
  unreachable: Array<{ name: string; memberId?: string; status: string; unreachable: { reason: string; why: string; advice: string } }>;
  failed: Array<{ name: string }>;
  recipients?: Array<{ key: string; kind: string; name: string; status: string; attempts: number; memberId?: string; conversationId?: string; sentAt?: string }>;
  cancelledDeliveries?: number;
}

/**
 * The officer API for notifications, over real HTTP, on the demo council, with a Bot Connector on 127.0.0.1 that
 * records what every member's chat received. Tests share one bot and store and run in order.
 */
describe('officer API: /api/v1/notifications', () => {
  const h = new ConversationHarness();
  beforeAll(async () => {
    await h.start({ OFFICER_API_TOKEN: TOKEN });
    // Alan Pearson (Portfolio Holder) and Joe Orson (Leader) have opened the bot; Margaret Glancy has not.
    await h.install('housing');
    await h.install('leader');
  });
  afterAll(() => h.stop());

  const api = (path: string, init: RequestInit = {}) =>
    fetch(`${h.app.url}${path}`, {
      ...init,
      headers: { authorization: `Bearer ${TOKEN}`, ...(init.body ? { 'content-type': 'application/json' } : {}), ...(init.headers as Record<string, string>) },
    });
  const post = (body: unknown, headers: Record<string, string> = {}) => api('/api/v1/notifications', { method: 'POST', body: JSON.stringify(body), headers });
  const status = async (id: string, recipients = false): Promise<Status> => (await (await api(`/api/v1/notifications/${id}${recipients ? '?recipients=true' : ''}`)).json()) as Status;
  const finished = (id: string) => eventually(async () => {
    const s = await status(id);
    return s.status === 'completed' || s.status === 'cancelled' ? s : undefined;
  }, 10_000);
  const cardsTo = (conversationId: string, title: string) =>
    h.connector.sentActivities.filter((a) => (a.conversation as { id: string }).id === conversationId && cardsIn([a]).some((c) => cardText(c).includes(title)));
  const HRA = 'Housing Revenue Account Budget Monitoring: Quarter 2';

  it('needs an officer token', async () => {
    const res = await fetch(`${h.app.url}/api/v1/notifications`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(res.status).toBe(401);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  });

  it.each<[string, unknown, number, RegExp]>([
    ['neither an item nor a meeting', { message: 'hello' }, 400, /name either agendaItemId .* or meetingId/],
    ['both', { agendaItemId: 'item-hra-budget-monitoring', meetingId: DEMO_IDS.nextCabinet }, 400, /not both or neither/],
    ['an unknown field', { agendaItemId: 'item-hra-budget-monitoring', audiance: {} }, 400, /audiance/],
    ['a note too long', { agendaItemId: 'item-hra-budget-monitoring', message: 'x'.repeat(501) }, 400, /message/],
    ['a sendAt that is not an instant', { agendaItemId: 'item-hra-budget-monitoring', sendAt: 'next Tuesday' }, 400, /sendAt/],
    ['an item that does not exist', { agendaItemId: 'item-nope' }, 404, /Agenda item item-nope was not found/],
    ['an unknown committee', { agendaItemId: 'item-hra-budget-monitoring', audience: { committeeIds: ['planning'] } }, 422, /No committee with id planning/],
    ['an unknown member', { agendaItemId: 'item-hra-budget-monitoring', audience: { memberIds: ['cllr-nobody'] } }, 422, /No member with id cllr-nobody/],
    ['an exempt item to a channel', { agendaItemId: 'item-land-disposal', channelIds: ['19:cabinet-channel@thread.tacv2'] }, 422, /.+/],
    ['an exempt item to someone not entitled', { agendaItemId: 'item-land-disposal', audience: { memberIds: [DEMO_PEOPLE.councillor.id] } }, 422, /Cllr Margaret Glancy may not see it/],
    ['a year in the future', { agendaItemId: 'item-hra-budget-monitoring', sendAt: '2099-01-01T09:00:00Z' }, 422, /more than a year ahead/],
  ])('refuses %s with problem+json, storing nothing', async (_name, body, code, detail) => {
    const before = ((await (await api('/api/v1/notifications')).json()) as { notifications: unknown[] }).notifications.length;
    const res = await post(body);
    expect(res.status).toBe(code);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(((await res.json()) as { detail: string }).detail).toMatch(detail);
    expect(((await (await api('/api/v1/notifications')).json()) as { notifications: unknown[] }).notifications).toHaveLength(before);
  });

  it('pushes an item to its committee: 202 at once, each member gets their own card once, and the counts follow', async () => {
    const res = await post({ agendaItemId: 'item-hra-budget-monitoring', message: 'Please read the appendix before Wednesday.' });
    expect(res.status).toBe(202);
    const accepted = (await res.json()) as Status;
    expect(res.headers.get('location')).toBe(`/api/v1/notifications/${accepted.id}`);
    expect(accepted).toMatchObject({ kind: 'agenda-item', about: { title: HRA, committeeName: 'Cabinet' } });
    expect(accepted.counts.total).toBe(2);

    const done = await finished(accepted.id);
    expect(done.counts).toEqual({ total: 2, pending: 0, sent: 2, failed: 0, blocked: 0, unreachable: 0, cancelled: 0, acknowledged: 0 });
    for (const person of ['housing', 'leader'] as const) {
      const cards = cardsTo(h.personalConversationId(person), HRA);
      expect(cards).toHaveLength(1);
      expect(cards[0]!.text).toMatch(/^Cabinet: please read "Housing Revenue Account Budget Monitoring: Quarter 2" before the meeting on .*\n\nFrom democratic services: Please read the appendix before Wednesday\.$/);
      expect(cardsIn(cards)[0]!.refresh).toMatchObject({ userIds: [`29:${DEMO_PEOPLE[person].id}`] });
    }
    const detailed = await status(accepted.id, true);
    expect(detailed.recipients?.map((r) => [r.name, r.status, r.attempts, r.conversationId])).toEqual([
      ['Cllr Alan Pearson', 'sent', 1, h.personalConversationId('housing')],
      ['Cllr Joe Orson', 'sent', 1, h.personalConversationId('leader')],
    ]);

    // Acknowledging from the card shows in the notification's counts.
    await h.post(h.cardAction('housing', 'acknowledge', { committeeId: DEMO_IDS.cabinet, agendaItemId: 'item-hra-budget-monitoring' }));
    expect((await status(accepted.id)).counts.acknowledged).toBe(1);
  });

  it('names a member who cannot be reached, why, and what the officer can do, never dropping them silently', async () => {
    const res = await post({ meetingId: DEMO_IDS.nextCabinet, audience: { committeeIds: [DEMO_IDS.cabinet], memberIds: [DEMO_PEOPLE.councillor.id] } });
    expect(res.status).toBe(202);
    const done = await finished(((await res.json()) as Status).id);
    expect(done.kind).toBe('meeting-digest');
    expect(done.counts).toMatchObject({ total: 3, sent: 2, unreachable: 1 });
    expect(done.unreachable).toEqual([
      expect.objectContaining({
        name: 'Cllr Margaret Glancy',
        memberId: DEMO_PEOPLE.councillor.id,
        status: 'unreachable',
        unreachable: expect.objectContaining({ reason: 'no-chat', why: 'has not opened the bot', advice: expect.stringMatching(/ask them to open Cabinet bot in Teams/) }),
      }),
    ]);
  });

  it('posts one card to a team channel, drawn for nobody in particular', async () => {
    await h.post(h.activity('01b_installationUpdate_add_team', 'director', { conversation: { id: '19:cabinet-channel@thread.tacv2', conversationType: 'channel', isGroup: true, name: 'General' } }));
    const res = await post({ agendaItemId: 'item-safer-streets', audience: { memberIds: [DEMO_PEOPLE.housing.id] }, channelIds: ['19:cabinet-channel@thread.tacv2'] });
    expect(res.status).toBe(202);
    const done = await finished(((await res.json()) as Status).id);
    expect(done.counts).toMatchObject({ total: 2, sent: 2 });
    const inChannel = cardsTo('19:cabinet-channel@thread.tacv2', 'Safer Streets Fund');
    expect(inChannel).toHaveLength(1);
    expect(cardText(cardsIn(inChannel)[0])).not.toContain('Acknowledged by you');
    const recipients = (await status(done.id, true)).recipients!;
    expect(recipients.find((r) => r.kind === 'channel')).toMatchObject({ name: 'TestTeam2022 / General', status: 'sent' });
  });

  it('waits for a time in the future, and cancelling it sends nothing', async () => {
    const sendAt = new Date(Date.now() + 60 * 60_000).toISOString();
    const before = h.connector.sentActivities.length;
    const res = await post({ agendaItemId: 'item-safer-streets', sendAt });
    const accepted = (await res.json()) as Status;
    expect(accepted).toMatchObject({ status: 'scheduled', counts: { total: 2, pending: 2 } });
    const cancel = await api(`/api/v1/notifications/${accepted.id}`, { method: 'DELETE' });
    expect(cancel.status).toBe(200);
    expect(((await cancel.json()) as Status).status).toBe('cancelled');
    const again = await api(`/api/v1/notifications/${accepted.id}`, { method: 'DELETE' });
    expect(again.status).toBe(200);
    await eventually(async () => (await h.withStore((s) => s.dueWork.get(`notification-${accepted.id}`))) === undefined);
    expect(h.connector.sentActivities.length).toBe(before);
    expect((await status(accepted.id)).status).toBe('cancelled');
  });

  it('makes a retried request with the same Idempotency-Key one notification', async () => {
    const body = { agendaItemId: 'item-csp-strategic-plan', audience: { memberIds: [DEMO_PEOPLE.leader.id] } };
    const first = (await (await post(body, { 'idempotency-key': 'retry-7f3a' })).json()) as Status;
    const second = (await (await post(body, { 'idempotency-key': 'retry-7f3a' })).json()) as Status;
    expect(second.id).toBe(first.id);
    await finished(first.id);
    expect(cardsTo(h.personalConversationId('leader'), 'Community Safety Partnership')).toHaveLength(1);
    expect((await post(body, { 'idempotency-key': 'has spaces' })).status).toBe(400);

    // The same key for another push is refused, saying so, rather than answered with the first as if it were this one.
    const other = await post({ ...body, message: 'Now with the appendix' }, { 'idempotency-key': 'retry-7f3a' });
    expect(other.status).toBe(409);
    expect(other.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(((await other.json()) as { detail: string }).detail).toBe(
      `This Idempotency-Key was already used for a different notification (${first.id}): its message differs. Repeat the same request to get that notification, or use a new key for a new one.`,
    );
    expect((await status(first.id)).counts.total).toBe(1);
  });

  it('lists notifications newest first, a page at a time, and answers 404 for one that does not exist', async () => {
    const seen: string[] = [];
    let continuation: string | undefined;
    do {
      const page = (await (await api(`/api/v1/notifications?pageSize=2${continuation ? `&continuation=${encodeURIComponent(continuation)}` : ''}`)).json()) as {
        notifications: Array<{ id: string; createdAt: string }>;
        continuation?: string;
      };
      expect(page.notifications.length).toBeLessThanOrEqual(2);
      seen.push(...page.notifications.map((n) => n.createdAt));
      continuation = page.continuation;
    } while (continuation);
    expect(seen.length).toBeGreaterThanOrEqual(5);
    expect([...seen].sort().reverse()).toEqual(seen);
    expect((await api('/api/v1/notifications?pageSize=0')).status).toBe(400);
    const missing = await api('/api/v1/notifications/n-missing');
    expect(missing.status).toBe(404);
    expect((await api('/api/v1/notifications/n-missing', { method: 'DELETE' })).status).toBe(404);
  });

  interface DeliveryPage {
    deliveries: Array<{ key: string; memberId?: string; name: string; role?: string; seat?: string; status: string; state: string; attempts: number; at: string; unreachable?: { reason: string; why: string; advice: string } }>;
    continuation?: string;
  }
  const allDeliveries = async (id: string, pageSize: number) => {
    const seen: DeliveryPage['deliveries'] = [];
    let continuation: string | undefined;
    do {
      const res = await api(`/api/v1/notifications/${id}/deliveries?pageSize=${pageSize}${continuation ? `&continuation=${encodeURIComponent(continuation)}` : ''}`);
      expect(res.status).toBe(200);
      const page = (await res.json()) as DeliveryPage;
      expect(page.deliveries.length).toBeLessThanOrEqual(pageSize);
      seen.push(...page.deliveries);
      continuation = page.continuation;
    } while (continuation);
    return seen;
  };

  it('shows each recipient\'s delivery a page at a time: role and seat, state in words, and why those not reached were not', async () => {
    const res = await post({ meetingId: DEMO_IDS.nextCabinet, audience: { committeeIds: [DEMO_IDS.cabinet], memberIds: [DEMO_PEOPLE.councillor.id] } });
    const done = await finished(((await res.json()) as Status).id);
    const deliveries = await allDeliveries(done.id, 2);
    expect(deliveries.map((d) => [d.memberId, d.status]).sort()).toEqual(
      [[DEMO_PEOPLE.councillor.id, 'unreachable'], [DEMO_PEOPLE.housing.id, 'sent'], [DEMO_PEOPLE.leader.id, 'sent']].sort(),
    );
    const byMember = new Map(deliveries.map((d) => [d.memberId, d]));
    expect(byMember.get(DEMO_PEOPLE.leader.id)).toMatchObject({ name: 'Cllr Joe Orson', role: 'councillor', seat: expect.any(String), state: 'delivered to their Teams chat', attempts: 1 });
    expect(byMember.get(DEMO_PEOPLE.councillor.id)).toMatchObject({
      name: 'Cllr Margaret Glancy', role: 'councillor', state: 'cannot be reached: has not opened the bot',
      unreachable: { reason: 'no-chat', why: 'has not opened the bot', advice: expect.stringMatching(/ask them to open Cabinet bot in Teams/) },
    });
    // She sits on Full Council, not on Cabinet, whose notification this is: no seat to show.
    expect(byMember.get(DEMO_PEOPLE.councillor.id)!.seat).toBeUndefined();
    expect(deliveries.every((d) => !Number.isNaN(Date.parse(d.at)))).toBe(true);
  });

  it('shows a notification\'s recorded recipients, each waiting to be sent, before it is prepared', async () => {
    const res = await post({ agendaItemId: 'item-safer-streets', sendAt: new Date(Date.now() + 60 * 60_000).toISOString() });
    const { id } = (await res.json()) as Status;
    const deliveries = await allDeliveries(id, 1);
    expect(deliveries.map((d) => [d.memberId, d.status, d.state, d.attempts]).sort()).toEqual(
      [[DEMO_PEOPLE.housing.id, 'pending', 'waiting to be sent', 0], [DEMO_PEOPLE.leader.id, 'pending', 'waiting to be sent', 0]].sort(),
    );
    expect((await api(`/api/v1/notifications/${id}`, { method: 'DELETE' })).status).toBe(200);
    expect((await api('/api/v1/notifications/n-missing/deliveries')).status).toBe(404);
    expect((await api(`/api/v1/notifications/${id}/deliveries?pageSize=0`)).status).toBe(400);
  });

  it('lists the notifications of a committee, or about an item or a meeting', async () => {
    const list = async (query: string) => {
      const res = await api(`/api/v1/notifications?pageSize=200&${query}`);
      expect(res.status).toBe(200);
      return ((await res.json()) as { notifications: Array<{ id: string; committeeId?: string; subject: { agendaItemId?: string; meetingId?: string } }> }).notifications;
    };
    const aboutSaferStreets = await list('agendaItemId=item-safer-streets');
    expect(aboutSaferStreets.length).toBeGreaterThanOrEqual(3);
    expect(aboutSaferStreets.every((n) => n.subject.agendaItemId === 'item-safer-streets')).toBe(true);
    const ofNextCabinet = await list(`meetingId=${DEMO_IDS.nextCabinet}`);
    expect(ofNextCabinet.length).toBeGreaterThan(aboutSaferStreets.length);
    expect(ofNextCabinet.every((n) => n.subject.meetingId === DEMO_IDS.nextCabinet)).toBe(true);
    expect((await list(`committeeId=${DEMO_IDS.cabinet}`)).length).toBeGreaterThanOrEqual(ofNextCabinet.length);
    expect(await list(`committeeId=${DEMO_IDS.council}`)).toEqual([]);
    expect((await api('/api/v1/notifications?agendaItem=item-safer-streets')).status).toBe(400);
  });

  interface Preview {
    kind: string;
    recipients: { total: number; members: number; channels: number };
    sendAt: string;
    sendsAt: string;
    heldBy: string;
    audiences: Array<{ audience: string; drawnFor: { memberId?: string; conversationId?: string; name: string }; text?: string; cards: Array<Record<string, unknown>> }>;
  }
  const preview = (body: unknown) => api('/api/v1/notifications/preview', { method: 'POST', body: JSON.stringify(body) });
  const storedNotifications = () => h.withStore(async (s) => (await s.notifications.listRecent(undefined, 200)).items.length);

  it('previews a push: the very words and card the outbox then sends, to how many, and when; storing and sending nothing', async () => {
    const body = { agendaItemId: 'item-land-disposal', audience: { memberIds: [DEMO_PEOPLE.leader.id] }, message: 'Part 2: please read before Thursday.' };
    const before = { stored: await storedNotifications(), sent: h.connector.sentActivities.length };
    const res = await preview(body);
    expect(res.status).toBe(200);
    const shown = (await res.json()) as Preview;
    expect(shown).toMatchObject({ kind: 'agenda-item', recipients: { total: 1, members: 1, channels: 0 }, heldBy: 'nothing' });
    expect(shown.audiences).toHaveLength(1);
    expect(shown.audiences[0]).toMatchObject({ audience: 'member', drawnFor: { memberId: DEMO_PEOPLE.leader.id, name: 'Cllr Joe Orson' } });
    expect(await storedNotifications()).toBe(before.stored);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(h.connector.sentActivities.length).toBe(before.sent);

    // Pushed for real, the leader's chat receives exactly what the preview showed.
    const pushed = (await (await post(body)).json()) as Status;
    await finished(pushed.id);
    const received = h.connector.sentActivities.slice(before.sent).filter((a) => (a.conversation as { id: string }).id === h.personalConversationId('leader'));
    expect(received).toHaveLength(1);
    expect(received[0]!.text).toBe(shown.audiences[0]!.text);
    expect(cardsIn(received)).toEqual(shown.audiences[0]!.cards);
  });

  it('previews a scheduled digest with a channel: one message per audience, held by its schedule', async () => {
    const sendAt = new Date(Date.now() + 2 * 86_400_000).toISOString();
    const res = await preview({ meetingId: DEMO_IDS.nextCabinet, audience: { committeeIds: [DEMO_IDS.cabinet] }, channelIds: ['19:cabinet-channel@thread.tacv2'], sendAt, urgent: true });
    expect(res.status).toBe(200);
    const shown = (await res.json()) as Preview;
    expect(shown).toMatchObject({ kind: 'meeting-digest', recipients: { total: 3, members: 2, channels: 1 }, sendAt, sendsAt: sendAt, heldBy: 'schedule' });
    expect(shown.audiences.map((a) => a.audience)).toEqual(['member', 'channel']);
    expect(shown.audiences[1]!.drawnFor).toEqual({ conversationId: '19:cabinet-channel@thread.tacv2', name: 'TestTeam2022 / General' });
    for (const a of shown.audiences) {
      expect(a.cards).toHaveLength(1);
      expect(a.cards[0]).toMatchObject({ type: 'AdaptiveCard' });
      expect(cardText(a.cards[0])).toContain('Cabinet');
    }
  });

  it('refuses a preview as the push would be refused', async () => {
    const exempt = await preview({ agendaItemId: 'item-land-disposal', channelIds: ['19:cabinet-channel@thread.tacv2'] });
    expect(exempt.status).toBe(422);
    expect((await preview({ agendaItemId: 'item-nope' })).status).toBe(404);
    expect((await preview({ message: 'neither' })).status).toBe(400);
  });
});
