import pino from 'pino';
import type { ConversationRecord, Member } from '../../src/domain';
import type { ConnectorBudget } from '../../src/services/messenger';
import { createBotAuthentication } from '../../src/teams/bot-adapter';
import { BotConnectorClient } from '../../src/teams/bot-connector-client';
import { TeamsMessenger } from '../../src/teams/teams-messenger';
import type { TeamRostersOptions } from '../../src/teams/team-rosters';
import { TestBotConnector } from '../support/bot-connector';

/** Every request the messenger makes is asked of the budget: this one lets each go at once, and notes its key. */
class RecordingBudget implements ConnectorBudget {
  readonly keys: string[] = [];
  readonly throttles: Array<number | undefined> = [];
  schedule<T>(conversationKey: string, request: () => Promise<T>): Promise<T> {
    this.keys.push(conversationKey);
    return request();
  }
  throttled(retryAfterMs?: number): void {
    this.throttles.push(retryAfterMs);
  }
}

const objectId = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const member = (n: number, aadObjectId = objectId(n)): Member => ({ id: `cllr-${n}`, name: `Cllr ${n}`, role: 'councillor', aadObjectId, committees: [] });

describe('TeamsMessenger: opening a chat with a member who never opened the bot', () => {
  let connector: TestBotConnector;
  let budget: RecordingBudget;
  beforeEach(async () => {
    connector = await new TestBotConnector().start();
    // 1,201 members: three pages of Teams' 500.
    for (let n = 0; n <= 1200; n += 1) connector.addMember({ id: `29:member-${n}`, aadObjectId: objectId(n), name: `Member ${n}`, tenantId: 'tenant-1' });
    budget = new RecordingBudget();
  });
  afterEach(() => connector.stop());

  const messengerWith = (rosters: TeamRostersOptions = {}) =>
    new TeamsMessenger(new BotConnectorClient(createBotAuthentication({ appType: 'SingleTenant' }), budget, { appId: '', timeoutMs: 5000 }), pino({ level: 'silent' }), {
      defaultServiceUrl: connector.url,
      rosters,
    });
  const channelOf = (team: string): ConversationRecord => ({
    id: `19:general-of-${team}@thread.tacv2`,
    kind: 'channel',
    teamId: `19:${team}@thread.tacv2`,
    tenantId: 'tenant-1',
    reference: { serviceUrl: connector.url, channelId: 'msteams', bot: { id: '28:cabinet-bot' }, conversation: { id: `19:general-of-${team}@thread.tacv2`, conversationType: 'channel' } },
    reachable: true,
    updatedAt: '2026-01-01T00:00:00.000Z',
  });
  const rosterReads = () => connector.calls.filter((c) => c.method === 'GET' && c.path.includes('/pagedmembers'));
  const created = () => connector.calls.filter((c) => c.method === 'POST' && c.path === '/v3/conversations');

  it('reads a team\'s roster a page at a time, once for all its members, and opens each chat with the Teams id it gives', async () => {
    const messenger = messengerWith();
    const cabinet = channelOf('cabinet');
    // The roster's copy of the object id may differ in case from Teams': GUIDs are compared without it.
    const members = [member(0), member(700), member(1200, objectId(1200).toUpperCase())];
    const opened = await Promise.all(members.map((m) => messenger.openPersonalChat(m, [cabinet])));

    expect(opened.map((o) => o.ok && o.conversation.reference)).toEqual(
      [0, 700, 1200].map((n) => expect.objectContaining({ user: expect.objectContaining({ id: `29:member-${n}` }), conversation: expect.objectContaining({ tenantId: 'tenant-1' }) })),
    );
    expect(created().map((c) => c.body.members)).toEqual(expect.arrayContaining([[{ id: '29:member-0' }], [{ id: '29:member-700' }], [{ id: '29:member-1200' }]]));
    // Three pages for three members spread over them, never one request per member.
    const reads = rosterReads();
    expect(reads).toHaveLength(3);
    expect(reads.map((c) => decodeURIComponent(c.path.split('?')[0]!))).toEqual(Array(3).fill('/v3/conversations/19:cabinet@thread.tacv2/pagedmembers'));
    expect(reads.every((c) => c.path.includes('pageSize=500'))).toBe(true);
    expect(connector.calls.filter((c) => c.method === 'GET' && c.path.includes('/members/'))).toEqual([]);
    // Each page is counted against Teams' limits, on the team's channel conversation.
    expect(budget.keys.filter((k) => k === cabinet.id)).toHaveLength(3);

    // Another member of the team a moment later: the roster is remembered.
    expect((await messenger.openPersonalChat(member(42), [cabinet])).ok).toBe(true);
    expect(rosterReads()).toHaveLength(3);
  });

  it('a member on no team\'s roster cannot be reached, and members after them do not read the roster again', async () => {
    const messenger = messengerWith();
    const outsiders = [member(5000), member(5001)];
    for (const m of outsiders) {
      expect(await messenger.openPersonalChat(m, [channelOf('cabinet')])).toEqual({ ok: false, result: { kind: 'unreachable', reason: 'no-chat' } });
    }
    expect(rosterReads()).toHaveLength(3);
    expect(created()).toEqual([]);
  });

  it('passes over a team that will not give its roster, and asks it no more', async () => {
    const messenger = messengerWith();
    connector.failNext(403, { body: { error: { code: 'BotNotInConversationRoster', message: 'The bot is not part of the conversation roster.' } } });
    const [scrutiny, cabinet] = [channelOf('scrutiny'), channelOf('cabinet')];
    const first = await messenger.openPersonalChat(member(3), [scrutiny, cabinet]);
    expect(first.ok && first.conversation.reference).toMatchObject({ user: { id: '29:member-3' } });
    await messenger.openPersonalChat(member(4), [scrutiny, cabinet]);
    const teamsAsked = rosterReads().map((c) => decodeURIComponent(c.path).split('/')[3]);
    expect(teamsAsked).toEqual(['19:scrutiny@thread.tacv2', '19:cabinet@thread.tacv2']);
  });

  it('gives throttling and faults back to be retried, and carries on reading where it stopped', async () => {
    const messenger = messengerWith();
    const cabinet = channelOf('cabinet');
    // The first page is read; the second is throttled, then fails with 503.
    await messenger.openPersonalChat(member(1), [cabinet]);
    connector.failNext(429, { headers: { 'retry-after': '2' } });
    expect(await messenger.openPersonalChat(member(900), [cabinet])).toMatchObject({ ok: false, result: { kind: 'throttled', retryAfterMs: 2000 } });
    expect(budget.throttles).toEqual([2000]);
    connector.failNext(503);
    expect(await messenger.openPersonalChat(member(900), [cabinet])).toMatchObject({ ok: false, result: { kind: 'fault' } });
    const opened = await messenger.openPersonalChat(member(900), [cabinet]);
    expect(opened.ok && opened.conversation.reference).toMatchObject({ user: { id: '29:member-900' } });
    // Page 1, then page 2 three times (throttled, failed, read): the first page is never read again.
    const pages = rosterReads().map((c) => new URL(c.path, 'http://x').searchParams.get('continuationToken'));
    expect(pages[0]).toBeNull();
    expect(pages.slice(1)).toEqual(Array(3).fill(pages[1]));
    expect(pages[1]).toMatch(/^\+\+\+\//);
  });

  it('remembers a roster for a few minutes only, and within a bound of members over all teams', async () => {
    let now = Date.parse('2026-11-03T10:00:00.000Z');
    const messenger = messengerWith({ ttlMs: 5 * 60_000, maxMembers: 1500, now: () => now });
    const [cabinet, scrutiny] = [channelOf('cabinet'), channelOf('scrutiny')];
    await messenger.openPersonalChat(member(1200), [cabinet]);
    expect(rosterReads()).toHaveLength(3);
    now += 4 * 60_000;
    await messenger.openPersonalChat(member(1199), [cabinet]);
    expect(rosterReads()).toHaveLength(3);
    now += 2 * 60_000;
    // Six minutes on: read again, from the first page (someone may have joined or left the team).
    await messenger.openPersonalChat(member(2), [cabinet]);
    expect(rosterReads()).toHaveLength(4);

    // Scrutiny's roster does not fit beside Cabinet's (1,201 each, 1,500 at most): Cabinet's is let go.
    await messenger.openPersonalChat(member(1200), [scrutiny]);
    expect(rosterReads()).toHaveLength(7);
    await messenger.openPersonalChat(member(3), [cabinet]);
    expect(rosterReads()).toHaveLength(8);
  });
});
