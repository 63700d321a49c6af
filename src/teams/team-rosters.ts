import { z } from 'zod';
import { classifyAnswer, type BotConnectorClient, type ConnectorResult } from './bot-connector-client';

/** A member of a team as Teams lists them: what opening a one-to-one chat with them needs. */
export interface TeamsAccount {
  /** Their Teams id ("29:..."), the member of the new conversation. */
  readonly id: string;
  readonly name?: string;
  readonly tenantId?: string;
}

/** Where to ask for a team's roster: the team, the Bot Connector address of its channel, and the budget key. */
export interface TeamAddress {
  readonly teamId: string;
  readonly serviceUrl: string;
  /** The team's channel conversation: roster reads are spaced and counted with that conversation's requests. */
  readonly conversationKey: string;
}

/** What a team's roster says of one member. */
export type RosterAnswer =
  | { readonly kind: 'found'; readonly account: TeamsAccount }
  /** The whole roster has been read and they are not on it. */
  | { readonly kind: 'absent' }
  /** The team will not give its roster (the bot was removed, forbidden, not found): try another team. */
  | { readonly kind: 'refused'; readonly detail: string }
  /** Throttled, or a fault that may pass: the delivery is tried again later, and the reading resumes where it stopped. */
  | { readonly kind: 'retry'; readonly result: Extract<ConnectorResult, { kind: 'throttled' | 'fault' }> };

export interface TeamRostersOptions {
  /** How long a roster is taken as current. A member added to the team since is found once it is read again. */
  readonly ttlMs?: number;
  /** Members remembered over all teams; the rosters read longest ago are dropped first beyond this. */
  readonly maxMembers?: number;
  /** Members asked for per page (Teams answers at most 500). */
  readonly pageSize?: number;
  readonly now?: () => number;
}

const DEFAULTS = { ttlMs: 5 * 60_000, maxMembers: 50_000, pageSize: 500 };

/** One page of `GET /v3/conversations/{teamId}/pagedmembers`, read as far as the bot needs it. */
const RosterPage = z.object({
  members: z
    .array(
      z.object({
        id: z.string().min(1),
        // Teams names the Entra object id aadObjectId here; some of its answers call it objectId.
        aadObjectId: z.string().optional(),
        objectId: z.string().optional(),
        name: z.string().optional(),
        tenantId: z.string().optional(),
      }),
    )
    .default([]),
  continuationToken: z.string().nullish(),
});

interface Roster {
  readonly startedAtMs: number;
  /** Members read so far, by lower-case Entra object id (Teams and the roster may write a GUID in either case). */
  readonly byObjectId: Map<string, TeamsAccount>;
  continuation?: string;
  complete: boolean;
  refused?: string;
  /** The page being read now: every look-up waiting for this team shares it. */
  reading?: Promise<RosterAnswer | undefined>;
}

/**
 * Teams' rosters of the teams the bot is in, read a page at a time when a member with no chat must be found, and
 * remembered for a few minutes. Looking each member up on their own costs a request each, spaced 2 s apart on the
 * team's conversation: an hour and more for a first notification to 2,000 members. A page answers 500 at once.
 * A look-up reads only as many pages as it needs; the next one carries on from there. Every page goes through the
 * connector budget like any other request. Kept in this process only: a roster is a cache, never a record.
 */
export class TeamRosters {
  /** In the order they were started: the first is the oldest, dropped first when memory runs short. */
  private readonly rosters = new Map<string, Roster>();
  private remembered = 0;
  private readonly options: Required<TeamRostersOptions>;

  constructor(
    private readonly connector: BotConnectorClient,
    options: TeamRostersOptions = {},
  ) {
    this.options = { ...DEFAULTS, now: Date.now, ...options };
  }

  async find(team: TeamAddress, aadObjectId: string): Promise<RosterAnswer> {
    const key = aadObjectId.toLowerCase();
    for (;;) {
      const roster = this.current(team.teamId);
      const account = roster.byObjectId.get(key);
      if (account) return { kind: 'found', account };
      if (roster.refused !== undefined) return { kind: 'refused', detail: roster.refused };
      if (roster.complete) return { kind: 'absent' };
      roster.reading ??= this.readPage(roster, team).finally(() => (roster.reading = undefined));
      const stopped = await roster.reading;
      if (stopped) return stopped;
    }
  }

  /** The team's roster while it is current, else a fresh one to read again. */
  private current(teamId: string): Roster {
    const now = this.options.now();
    const existing = this.rosters.get(teamId);
    if (existing && now - existing.startedAtMs < this.options.ttlMs) return existing;
    if (existing) this.drop(teamId, existing);
    const fresh: Roster = { startedAtMs: now, byObjectId: new Map(), complete: false };
    this.rosters.set(teamId, fresh);
    return fresh;
  }

  /** Reads the roster's next page; answers why it stopped when the team refused or the request must be retried. */
  private async readPage(roster: Roster, team: TeamAddress): Promise<RosterAnswer | undefined> {
    const query = `pageSize=${this.options.pageSize}${roster.continuation ? `&continuationToken=${encodeURIComponent(roster.continuation)}` : ''}`;
    const answer = await this.connector.call('GET', team.serviceUrl, `/v3/conversations/${encodeURIComponent(team.teamId)}/pagedmembers?${query}`, team.conversationKey);
    const outcome = classifyAnswer(answer);
    if (outcome.kind === 'throttled' || outcome.kind === 'fault') return { kind: 'retry', result: outcome };
    if (outcome.kind !== 'sent') {
      // Remembered like a roster, so the members after this one do not ask again.
      roster.refused = outcome.detail;
      return { kind: 'refused', detail: outcome.detail };
    }
    const page = RosterPage.safeParse((answer as { body: unknown }).body);
    if (!page.success) return { kind: 'retry', result: { kind: 'fault', detail: `Teams answered a roster page the bot cannot read: ${page.error.issues[0]?.message ?? ''}` } };
    let added = 0;
    for (const m of page.data.members) {
      const objectId = (m.aadObjectId ?? m.objectId)?.toLowerCase();
      if (!objectId || roster.byObjectId.has(objectId)) continue;
      roster.byObjectId.set(objectId, { id: m.id, ...(m.name ? { name: m.name } : {}), ...(m.tenantId ? { tenantId: m.tenantId } : {}) });
      added += 1;
    }
    const next = page.data.continuationToken ?? undefined;
    // The same token twice would read the same page for ever.
    if (next && next !== roster.continuation) roster.continuation = next;
    else roster.complete = true;
    if (this.rosters.get(team.teamId) === roster) {
      this.remembered += added;
      this.trim(team.teamId);
    }
    return undefined;
  }

  /** Drops the rosters read longest ago until what is remembered fits, keeping the one being read now. */
  private trim(keep: string): void {
    for (const [teamId, roster] of this.rosters) {
      if (this.remembered <= this.options.maxMembers) return;
      if (teamId !== keep) this.drop(teamId, roster);
    }
  }

  private drop(teamId: string, roster: Roster): void {
    this.rosters.delete(teamId);
    this.remembered -= roster.byObjectId.size;
  }
}
