import { Writable } from 'node:stream';
import pino from 'pino';
import { seedDemoCouncil } from '../../src/services/demo/seed-demo-council';
import { DEMO_PEOPLE } from '../../src/services/demo/demo-council';
import { createEmbeddedStore } from '../../src/store/embedded';
import type { Store } from '../../src/store/port';
import { postActivity, teamsActivity } from './activities';
import { TestBotConnector } from './bot-connector';
import { startTestApp, type TestApp } from './start-test-app';
import type { AppOptions } from '../../src/app';

export type DemoPerson = keyof typeof DEMO_PEOPLE;

/**
 * The bot on a seeded demo council, a Bot Connector that records what it sends, and helpers that post
 * Teams-shaped activities (from the fixtures in test/fixtures/teams-activities) as a given demo person.
 */
export class ConversationHarness {
  app!: TestApp;
  connector!: TestBotConnector;
  /** What the app logged (info and above), as JSON lines: work that goes on after a turn says so here. */
  readonly logLines: Array<{ msg: string; [key: string]: unknown }> = [];
  private sequence = 0;

  /**
   * `env` goes to the app's configuration (OFFICER_API_TOKEN, say), or is made from the connector's address;
   * `extra` adds to the demo council (a seed function), or sets the app's options (a Graph credential, quicker polling).
   */
  async start(
    env: Record<string, string> | ((connectorUrl: string) => Record<string, string>) = {},
    extra: ((store: Store) => Promise<unknown>) | (Omit<AppOptions, 'botCredentialsFactory'> & { seed?: (store: Store) => Promise<unknown> }) = {},
  ): Promise<this> {
    const { seed, ...options } = typeof extra === 'function' ? { seed: extra } : extra;
    this.connector = await new TestBotConnector().start();
    const lines = new Writable({
      write: (chunk: Buffer, _encoding, done) => {
        this.logLines.push(JSON.parse(chunk.toString('utf8')) as { msg: string });
        done();
      },
    });
    this.app = await startTestApp(typeof env === 'function' ? env(this.connector.url) : env, {
      ...options,
      seed: async (store) => {
        await seedDemoCouncil(store, new Date());
        await seed?.(store);
      },
      logger: pino({ level: 'info' }, lines),
    });
    return this;
  }

  /** Waits for the app to log `msg` (a line after the first `after` lines): the signal that work after a turn has ended. */
  async logged(msg: string, after = 0): Promise<{ msg: string; [key: string]: unknown }> {
    return eventually(async () => this.logLines.slice(after).find((l) => l.msg === msg));
  }

  async stop(): Promise<void> {
    await this.app.stop();
    await this.connector.stop();
  }

  /** A second handle on the same store file, to check what the bot recorded. */
  async withStore<T>(read: (store: Store) => Promise<T>): Promise<T> {
    const store = createEmbeddedStore({ dataDir: this.app.dataDir });
    try {
      return await read(store);
    } finally {
      await store.close();
    }
  }

  personalConversationId(person: DemoPerson): string {
    return `a:personal-chat-of-${DEMO_PEOPLE[person].id}`;
  }

  /** A Teams activity from a fixture, re-addressed to this connector, from a demo person in their personal chat. */
  activity(fixture: string, person: DemoPerson, overrides: Record<string, unknown> = {}): Record<string, unknown> {
    const base = teamsActivity(fixture);
    this.sequence += 1;
    return {
      ...base,
      id: `${String(base.id ?? 'activity')}-${this.sequence}`,
      serviceUrl: this.connector.url,
      from: { id: `29:${DEMO_PEOPLE[person].id}`, aadObjectId: DEMO_PEOPLE[person].aadObjectId, name: DEMO_PEOPLE[person].id },
      conversation: { ...(base.conversation as object), conversationType: 'personal', id: this.personalConversationId(person) },
      ...overrides,
    };
  }

  message(person: DemoPerson, text: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
    return this.activity('04_message_personal', person, { text, attachments: [], ...overrides });
  }

  /**
   * Posts an activity and returns the HTTP answer and the activities the bot sent because of it. The answer to
   * /api/messages is the signal that the turn has ended: the adapter answers once the turn's handler, and every
   * send it awaited, is done, so what the turn sent is all recorded by then. (Work a turn leaves running, such as
   * reminders, says when it is done in the log: see `logged`.)
   */
  async post(activity: Record<string, unknown>): Promise<{ status: number; body: string; sent: Array<Record<string, unknown>> }> {
    return this.postTo(this.app, activity);
  }

  /** The same as post, to another instance of the app (one sharing this store, say). */
  async postTo(app: TestApp, activity: Record<string, unknown>): Promise<{ status: number; body: string; sent: Array<Record<string, unknown>> }> {
    const before = this.connector.sentActivities.length;
    const res = await postActivity(app.url, activity);
    return { ...res, sent: this.connector.sentActivities.slice(before) };
  }

  /** A second instance of the app on this harness's store (its data folder): stop it before the harness. */
  startInstance(env: Record<string, string> = {}): Promise<TestApp> {
    return startTestApp(env, { dataDir: this.app.dataDir });
  }

  /** A card's Action.Execute as Teams sends it (`adaptiveCard/action` with a verb and its data). */
  cardAction(person: DemoPerson, verb: string, data: Record<string, unknown>, overrides: Record<string, unknown> = {}): Record<string, unknown> {
    return this.activity('06b_invoke_adaptiveCard_action_with_verb', person, {
      value: { action: { type: 'Action.Execute', id: verb, verb, data }, trigger: 'manual' },
      ...overrides,
    });
  }

  /** Installs the bot in a person's personal chat; `serviceUrl` sends that chat's traffic to another connector. */
  install(person: DemoPerson, serviceUrl?: string): Promise<{ status: number; body: string; sent: Array<Record<string, unknown>> }> {
    return this.post(this.activity('01_installationUpdate_add_personal', person, serviceUrl ? { serviceUrl } : {}));
  }
}

/** The invoke response's body: `{ statusCode, type, value }` for card actions, `{ composeExtension }` for the extension. */
export const invokeBody = <T = { statusCode: number; type: string; value: unknown }>(res: { body: string }): T => JSON.parse(res.body) as T;

/** Polls until `check` returns something other than undefined or false, or fails after `timeoutMs`. */
export async function eventually<T>(check: () => Promise<T | undefined | false>, timeoutMs = 5000, everyMs = 50): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > until) throw new Error(`nothing after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/** The text a person would read on an Adaptive Card (every `text` value, in order). */
export function cardText(card: unknown): string {
  const texts: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        if ((key === 'text' || key === 'title' || key === 'value') && typeof value === 'string') texts.push(value);
        else walk(value);
      }
    }
  };
  walk(card);
  return texts.join(' ');
}

export function cardsIn(activities: Array<Record<string, unknown>>): Array<Record<string, unknown>> {
  return activities.flatMap((a) => ((a.attachments as Array<{ contentType: string; content: Record<string, unknown> }> | undefined) ?? [])
    .filter((att) => att.contentType === 'application/vnd.microsoft.card.adaptive')
    .map((att) => att.content));
}
