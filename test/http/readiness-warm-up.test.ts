import Database from 'better-sqlite3';
import path from 'node:path';
import { Writable } from 'node:stream';
import pino from 'pino';
import { seedDemoCouncil } from '../../src/services/demo/seed-demo-council';
import { TestBotConnector } from '../support/bot-connector';
import { cardsIn, cardText, ConversationHarness } from '../support/conversation-harness';
import { startTestApp } from '../support/start-test-app';

/** Every JSON log line the app writes. */
class LogLines extends Writable {
  readonly lines: Array<Record<string, unknown>> = [];
  override _write(chunk: Buffer, _enc: string, done: () => void): void {
    for (const line of chunk.toString('utf8').split('\n')) if (line.trim()) this.lines.push(JSON.parse(line) as Record<string, unknown>);
    done();
  }
}

/**
 * /readyz says ready only once the bot has run one status answer's code path in process (src/teams/warm-up.ts), so the
 * first real question is no slower than the tenth; the warm-up reads the store only and sends nothing to Teams.
 */
describe('/readyz waits for the warm-up', () => {
  const h = new ConversationHarness();
  const logs = new LogLines();
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });

  beforeAll(async () => {
    h.connector = await new TestBotConnector().start();
    h.app = await startTestApp({}, { seed: (store) => seedDemoCouncil(store, new Date()), holdWarmUp: held, logger: pino({ level: 'info' }, logs) });
  });
  afterAll(async () => {
    release();
    await h.app?.stop();
    await h.connector?.stop();
  });

  const readyz = async (): Promise<{ status: number; body: Record<string, unknown> }> => {
    const res = await fetch(`${h.app.url}/readyz`);
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };
  /** What a warm-up might write if it were a real turn: everything but the outbox's and the sender's own records. */
  const written = (): unknown[] => {
    const db = new Database(path.join(h.app.dataDir, 'cabinet.db'), { readonly: true, fileMustExist: true });
    try {
      return db.prepare(
        `SELECT container, pk, id, etag FROM documents WHERE container NOT IN ('work', 'notifications')
         UNION ALL SELECT container, pk, id, etag FROM key_value_documents ORDER BY container, pk, id`,
      ).all();
    } finally {
      db.close();
    }
  };

  it('answers 503 "warming up" once the index is built and the warm-up has not run, 200 once it has; nothing written, nothing sent', async () => {
    // The index builds in a worker: until then 503 for that; then 503 for the warm-up, however long it is held.
    let notReady = await readyz();
    for (const until = Date.now() + 15_000; Date.now() < until && !String(notReady.body.detail).includes('warming up'); ) {
      await new Promise((r) => setTimeout(r, 100));
      notReady = await readyz();
    }
    expect(notReady).toEqual({ status: 503, body: expect.objectContaining({ title: 'Not ready', detail: expect.stringContaining('still warming up') }) });
    await new Promise((r) => setTimeout(r, 600));
    expect((await readyz()).status).toBe(503);
    expect(logs.lines.filter((l) => l.msg === 'warmed up: status answers run in process')).toEqual([]);

    const before = written();
    release();
    let ready = await readyz();
    for (const until = Date.now() + 5000; Date.now() < until && ready.status !== 200; ) {
      await new Promise((r) => setTimeout(r, 50));
      ready = await readyz();
    }
    expect(ready).toEqual({ status: 200, body: { status: 'ready' } });
    // It drew status answers' cards (as nobody and as a member of every committee who exists only in the warm-up),
    // expanded the three templates a status answer uses, and asked each question again as a real turn, whose replies
    // went to the warm-up's own loopback server.
    const warmed = logs.lines.filter((l) => l.msg === 'warmed up: status answers run in process');
    expect(warmed).toHaveLength(1);
    expect(warmed[0]?.replies).toBeGreaterThanOrEqual(Number(warmed[0]?.questions));
    expect(warmed[0]?.questions).toBeGreaterThanOrEqual(1); // the words alone, then titles near them: at most 8
    expect(warmed[0]?.questions).toBeLessThanOrEqual(8);
    expect(warmed[0]?.cards).toBeGreaterThanOrEqual(4);
    expect(written()).toEqual(before); // no activity claimed, no audit entry, no chat or member recorded
    expect(h.connector.calls).toEqual([]); // nothing sent to Teams
    // The turn's own lines are below warn: nothing of it in the log but the warm-up's line.
    expect(logs.lines.filter((l) => l.warmUp === true)).toEqual([]);

    // Ready means a real question is answered as before.
    const answer = await h.post(h.message('housing', 'status community safety'));
    expect(cardText(cardsIn(answer.sent)[0])).toContain('Community Safety');
    expect(logs.lines.filter((l) => l.msg === 'warmed up: status answers run in process')).toHaveLength(1);
  }, 30_000);
});
