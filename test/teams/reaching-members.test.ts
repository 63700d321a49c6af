import { DEMO_IDS, DEMO_PEOPLE } from '../../src/services/demo/demo-council';
import { cardsIn, cardText, ConversationHarness, eventually } from '../support/conversation-harness';
import { GraphStandIn } from '../support/graph-stand-in';

const TOKEN = 'reach-officer-token-12345';
const SAFER_STREETS = 'Safer Streets Fund';

interface Status {
  id: string;
  status: string;
  counts: { total: number; sent: number; unreachable: number };
  unreachable: Array<{ name: string; unreachable: { reason: string; advice: string; detail?: string } }>;
}

const api = (h: ConversationHarness) => ({
  push: async (body: unknown): Promise<Status> =>
    (await (
      await fetch(`${h.app.url}/api/v1/notifications`, { method: 'POST', headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' }, body: JSON.stringify(body) })
    ).json()) as Status,
  finished: (id: string) =>
    eventually(async () => {
      const s = (await (await fetch(`${h.app.url}/api/v1/notifications/${id}`, { headers: { authorization: `Bearer ${TOKEN}` } })).json()) as Status;
      return s.status === 'completed' ? s : undefined;
    }, 10_000),
  putMember: (body: Record<string, unknown>) =>
    fetch(`${h.app.url}/api/v1/members/${String(body.id)}`, { method: 'PUT', headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' }, body: JSON.stringify(body) }),
});

const cardsIn_ = (h: ConversationHarness, conversationId: string) =>
  h.connector.sentActivities.filter((a) => (a.conversation as { id: string }).id === conversationId && cardsIn([a]).some((c) => cardText(c).includes(SAFER_STREETS)));

/** How the outbox reaches members who have no chat with the bot it knows of. */
describe('reaching members', () => {
  describe('without Microsoft Graph', () => {
    const h = new ConversationHarness();
    beforeAll(() => h.start({ OFFICER_API_TOKEN: TOKEN }));
    afterAll(() => h.stop());

    it('links a chat opened before its owner was on the roster as soon as the roster learns their Entra object id, and notifications reach it', async () => {
      const newcomer = { aad: '7d2b9c1e-4f6a-4b8d-9e0f-1a2b3c4d5e6f', chat: 'a:personal-chat-of-newcomer' };
      // A councillor elected last week opens the bot before democratic services add them to the roster.
      await h.post(
        h.activity('01_installationUpdate_add_personal', 'housing', {
          from: { id: '29:newcomer', aadObjectId: newcomer.aad, name: 'Cllr Priya Shah' },
          conversation: { id: newcomer.chat, conversationType: 'personal', tenantId: 'tenant-1' },
        }),
      );
      expect((await h.withStore((s) => s.conversations.get(newcomer.chat)))?.value).toMatchObject({ kind: 'personal', aadObjectId: newcomer.aad, reachable: true });
      expect((await h.withStore((s) => s.conversations.get(newcomer.chat)))?.value.memberId).toBeUndefined();

      const put = await api(h).putMember({ id: 'cllr-priya-shah', name: 'Cllr Priya Shah', role: 'councillor', aadObjectId: newcomer.aad, committees: [{ committeeId: DEMO_IDS.cabinet }] });
      expect(put.status).toBe(201);
      expect((await h.withStore((s) => s.conversations.get(newcomer.chat)))?.value.memberId).toBe('cllr-priya-shah');

      const pushed = await api(h).push({ agendaItemId: 'item-safer-streets', audience: { memberIds: ['cllr-priya-shah'] } });
      expect((await api(h).finished(pushed.id)).counts).toMatchObject({ total: 1, sent: 1 });
      expect(cardsIn_(h, newcomer.chat)).toHaveLength(1);
    });

    it('keeps the chat a member writes from current, writing the record only when something changed', async () => {
      const chat = h.personalConversationId('councillor');
      const writes = async () => (await h.withStore((s) => s.conversations.get(chat)))?.etag;
      await h.post(h.message('councillor', 'help'));
      const first = await writes();
      expect((await h.withStore((s) => s.conversations.get(chat)))?.value).toMatchObject({ memberId: DEMO_PEOPLE.councillor.id, reachable: true });
      await h.post(h.message('councillor', 'agenda'));
      await h.post(h.message('councillor', 'pending'));
      expect(await writes()).toBe(first); // the same record: not rewritten on every turn
    });

    it('a member who blocked the bot and then writes to it again is reached by the next notification, within the minutes the chat is trusted', async () => {
      const chat = h.personalConversationId('housing');
      await h.install('housing');
      await h.post(h.message('housing', 'help')); // this instance now trusts the chat for 10 minutes
      h.connector.failNext(403, { body: { error: { code: 'ConversationBlockedByUser', message: 'User blocked the conversation with the bot.' } } });
      const refused = await api(h).finished((await api(h).push({ agendaItemId: 'item-safer-streets', audience: { memberIds: [DEMO_PEOPLE.housing.id] } })).id);
      expect(refused.counts).toMatchObject({ total: 1, sent: 0 });
      expect((await h.withStore((s) => s.conversations.get(chat)))?.value.reachable).toBe(false);

      // They unblock the bot and write to it: the chat is there again.
      await h.post(h.message('housing', 'pending'));
      expect((await h.withStore((s) => s.conversations.get(chat)))?.value.reachable).toBe(true);
      const reached = await api(h).finished((await api(h).push({ agendaItemId: 'item-safer-streets', audience: { memberIds: [DEMO_PEOPLE.housing.id] } })).id);
      expect(reached.counts).toMatchObject({ total: 1, sent: 1 });
    });

    it('a chat the bot was removed from is checked again at the next turn in it, not trusted from before the removal', async () => {
      const chat = h.personalConversationId('leader');
      await h.install('leader');
      await h.post(h.message('leader', 'help'));
      await h.post(h.activity('02_installationUpdate_remove_personal', 'leader'));
      expect((await h.withStore((s) => s.conversations.get(chat)))?.value.reachable).toBe(false);
      // A turn in the chat after the removal (Teams delivered it, so the chat works): recorded as reachable again.
      await h.post(h.message('leader', 'agenda'));
      expect((await h.withStore((s) => s.conversations.get(chat)))?.value.reachable).toBe(true);
    });

    it('opens a personal chat through a team the bot is in, for a member who never opened the bot', async () => {
      const h2 = new ConversationHarness();
      await h2.start({ OFFICER_API_TOKEN: TOKEN });
      try {
        // The bot is in the Cabinet members' team; Margaret Glancy is a member of that team, but has never opened the bot.
        await h2.post(h2.activity('01b_installationUpdate_add_team', 'director', { conversation: { id: '19:general@thread.tacv2', conversationType: 'channel', isGroup: true, tenantId: 'tenant-1' } }));
        h2.connector.addMember({ id: '29:glancy-in-teams', aadObjectId: DEMO_PEOPLE.councillor.aadObjectId, name: 'Margaret Glancy', tenantId: 'tenant-1' });
        const pushed = await api(h2).push({ agendaItemId: 'item-safer-streets', audience: { memberIds: [DEMO_PEOPLE.councillor.id] } });
        expect((await api(h2).finished(pushed.id)).counts).toMatchObject({ total: 1, sent: 1, unreachable: 0 });

        const calls = h2.connector.calls.map((c) => `${c.method} ${decodeURIComponent(c.path)}`);
        const teamId = '19:zFLSDFWsesfzcmKArqKJ-65aOXJz@sgf462H2wz41@thread.tacv2';
        // Found on the team's roster, read a page at a time (never a request per member).
        expect(calls).toContain(`GET /v3/conversations/${teamId}/pagedmembers?pageSize=500`);
        expect(calls.filter((c) => c.includes('/members/'))).toEqual([]);
        const create = h2.connector.calls.find((c) => c.method === 'POST' && c.path === '/v3/conversations')!;
        expect(create.body).toMatchObject({ isGroup: false, members: [{ id: '29:glancy-in-teams' }], tenantId: 'tenant-1', channelData: { tenant: { id: 'tenant-1' } } });
        const chat = await h2.withStore(async (s) => (await s.conversations.listByMember(DEMO_PEOPLE.councillor.id)).find((c) => c.kind === 'personal'));
        expect(chat).toMatchObject({ memberId: DEMO_PEOPLE.councillor.id, reachable: true, reference: { user: { id: '29:glancy-in-teams' } } });
        expect(cardsIn_(h2, chat!.id)).toHaveLength(1);
      } finally {
        await h2.stop();
      }
    });
  });

  describe('with Microsoft Graph (proactive installation)', () => {
    const graph = new GraphStandIn((userId) => `19:${userId}_bot@unq.gbl.spaces`);
    const h = new ConversationHarness();
    beforeAll(async () => {
      await graph.start();
      await h.start(
        (connectorUrl) => ({
          OFFICER_API_TOKEN: TOKEN,
          GRAPH_TEAMS_APP_ID: '5f0c8a5e-1d2b-4c3d-9e8f-7a6b5c4d3e2f',
          GRAPH_TENANT_ID: 'tenant-1',
          GRAPH_CLIENT_ID: 'graph-client',
          GRAPH_CLIENT_SECRET: 'graph-secret',
          GRAPH_BASE_URL: graph.url,
          // Chats the installation opens are addressed at Teams' endpoint: here, the connector stand-in.
          TEAMS_SERVICE_URL: connectorUrl,
        }),
        { graphCredential: graph.credential() },
      );
    });
    afterAll(async () => {
      await h.stop();
      await graph.stop();
    });

    it('installs the app for a member no team can reach, with the least-privilege permission\'s token, and sends to the chat it opened', async () => {
      // No team the bot is in has her: the app is installed for her, and the card goes to the chat that opened.
      const pushed = await api(h).push({ agendaItemId: 'item-safer-streets', audience: { memberIds: [DEMO_PEOPLE.councillor.id] } });
      expect((await api(h).finished(pushed.id)).counts).toMatchObject({ total: 1, sent: 1 });
      const install = graph.calls.find((c) => c.method === 'POST' && c.path.startsWith('/v1.0/'))!;
      expect(install.path).toBe(`/v1.0/users/${DEMO_PEOPLE.councillor.aadObjectId}/teamwork/installedApps`);
      expect(JSON.parse(install.body)).toEqual({ 'teamsApp@odata.bind': `${graph.url}/v1.0/appCatalogs/teamsApps/5f0c8a5e-1d2b-4c3d-9e8f-7a6b5c4d3e2f` });
      expect(install.authorization).toBe(`Bearer ${graph.token}`);
      const tokenRequest = graph.calls.find((c) => c.path.includes('/oauth2/v2.0/token'))!;
      expect(tokenRequest.body).toContain('grant_type=client_credentials');
      expect(decodeURIComponent(tokenRequest.body)).toContain(`scope=${new URL(graph.url).origin}/.default`);
      const chat = await h.withStore(async (s) => (await s.conversations.listByMember(DEMO_PEOPLE.councillor.id)).find((c) => c.kind === 'personal'));
      expect(chat).toMatchObject({ id: `19:${DEMO_PEOPLE.councillor.aadObjectId}_bot@unq.gbl.spaces`, memberId: DEMO_PEOPLE.councillor.id, reachable: true });
      expect(cardsIn_(h, chat!.id)).toHaveLength(1);
    });

    it('says why, and what to do, when Graph refuses (the permission is not granted)', async () => {
      graph.installAnswer = { status: 403, body: { error: { code: 'Forbidden', message: 'Missing role permissions on the request.' } } };
      const newcomer = '0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e';
      await api(h).putMember({ id: 'cllr-tom-reid', name: 'Cllr Tom Reid', role: 'councillor', aadObjectId: newcomer, committees: [{ committeeId: DEMO_IDS.cabinet }] });
      const done = await api(h).finished((await api(h).push({ agendaItemId: 'item-safer-streets', audience: { memberIds: ['cllr-tom-reid'] } })).id);
      expect(done.counts).toMatchObject({ total: 1, unreachable: 1 });
      expect(done.unreachable[0]).toMatchObject({
        name: 'Cllr Tom Reid',
        unreachable: { reason: 'install-failed', detail: 'Microsoft Graph answered 403 installing the app (Forbidden: Missing role permissions on the request.)', advice: expect.stringContaining('TeamsAppInstallation.ReadWriteSelfForUser.All') },
      });
    });
  });
});
