import { copyFileSync, existsSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { DomainError } from '../../src/domain';
import { createEmbeddedStore, databaseFile, storeMarkerFile } from '../../src/store/embedded';
import type { Store } from '../../src/store/port';
import { cabinet, communitySafetyItem } from '../contract/council-fixtures';

describe('embedded store (SQLite specifics)', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = join(mkdtempSync(join(tmpdir(), 'cabinet-embedded-')), 'data', 'nested');
  });
  afterEach(() => rmSync(join(dataDir, '..', '..'), { recursive: true, force: true }));

  it('keeps one file, cabinet.db, in the data directory it creates, with a write-ahead log', async () => {
    const store = createEmbeddedStore({ dataDir });
    await store.committees.create(cabinet);
    expect(databaseFile({ dataDir })).toBe(join(dataDir, 'cabinet.db'));
    expect(existsSync(join(dataDir, 'cabinet.db'))).toBe(true);
    expect(existsSync(join(dataDir, 'cabinet.db-wal'))).toBe(true);
    await store.close();
  });

  it('lets two instances on one file (bot and officer CLI) see each other and guards edits with ETags', async () => {
    const bot = createEmbeddedStore({ dataDir });
    const cli = createEmbeddedStore({ dataDir });
    try {
      await bot.agendaItems.create(communitySafetyItem);
      const seenByCli = await cli.agendaItems.get('cabinet', communitySafetyItem.id);
      const seenByBot = await bot.agendaItems.get('cabinet', communitySafetyItem.id);
      if (seenByCli === undefined || seenByBot === undefined) throw new Error('not shared');
      expect(seenByCli).toEqual(seenByBot);

      await cli.agendaItems.replace({ ...seenByCli.value, number: '6' }, seenByCli.etag);
      await expect(bot.agendaItems.replace({ ...seenByBot.value, number: '7' }, seenByBot.etag)).rejects.toMatchObject({ code: 'conflict' });
      expect((await bot.agendaItems.get('cabinet', communitySafetyItem.id))?.value.number).toBe('6');
    } finally {
      await bot.close();
      await cli.close();
    }
  });

  it('reopens what it wrote', async () => {
    const first = createEmbeddedStore({ dataDir });
    await first.committees.create(cabinet);
    await first.close();
    const second = createEmbeddedStore({ dataDir });
    expect((await second.committees.get('cabinet'))?.value).toEqual(cabinet);
    await second.close();
  });

  describe('when its file is deleted or replaced while it runs (issue 9)', () => {
    const file = () => join(dataDir, 'cabinet.db');
    const acknowledge = (store: Store, memberId: string) => store.acknowledgements.create({
      agendaItemId: communitySafetyItem.id, committeeId: 'cabinet', memberId, acknowledgedAt: '2021-06-17T09:00:00.000Z', via: { channel: 'teams' },
    });
    const removeFiles = () => { for (const f of [file(), `${file()}-wal`, `${file()}-shm`]) rmSync(f, { force: true }); };

    it('fails ping and refuses every write with unavailable once the file is deleted, and stays so', async () => {
      const store = createEmbeddedStore({ dataDir });
      try {
        await store.committees.create(cabinet);
        const work = await store.dueWork.create({ id: 'notification-n-1', kind: 'notification', notificationId: 'n-1', dueAt: '2021-07-07T09:00:00.000Z', failures: 0, updatedAt: '2021-07-06T09:00:00.000Z' });
        await store.ping();
        removeFiles();
        await expect(store.ping()).rejects.toThrow(`The embedded store's file ${file()} was deleted while the bot was running`);
        await expect(acknowledge(store, 'cllr-a')).rejects.toMatchObject({ code: 'unavailable', message: expect.stringContaining('Writes are refused until an operator restores the file and restarts the bot') });
        await expect(store.committees.replace({ ...cabinet, name: 'The Cabinet' }, 'any')).rejects.toMatchObject({ code: 'unavailable' });
        await expect(store.activities.claim('turn|1', '2021-06-17T09:00:00.000Z')).rejects.toMatchObject({ code: 'unavailable' });
        // A delete is a write too: "removed" must never be answered for a file that is no longer the store.
        await expect(store.dueWork.remove(work.created ? work.record : work.existing)).rejects.toMatchObject({ code: 'unavailable' });
        // A new store at the path (another process started afresh) is not this connection's file either.
        const other = createEmbeddedStore({ dataDir: join(dataDir, '..', 'elsewhere') });
        await other.close();
        copyFileSync(join(dataDir, '..', 'elsewhere', 'cabinet.db'), file());
        await expect(acknowledge(store, 'cllr-b')).rejects.toMatchObject({ code: 'unavailable' });
      } finally {
        await store.close();
      }
    });

    it('refuses writes when the file was replaced by another (a restore over it), though a file is at the path', async () => {
      const store = createEmbeddedStore({ dataDir });
      try {
        await store.committees.create(cabinet);
        await store.close();
        const reopened = createEmbeddedStore({ dataDir });
        copyFileSync(file(), `${file()}.copy`);
        renameSync(`${file()}.copy`, file());
        await expect(reopened.ping()).rejects.toThrow('was replaced by another file');
        await expect(acknowledge(reopened, 'cllr-a')).rejects.toMatchObject({ code: 'unavailable' });
        await reopened.close();
      } finally {
        await store.close();
      }
    });

    it('refuses to open, naming the file and what to do, when the store is expected (its marker is there) but missing', async () => {
      const store = createEmbeddedStore({ dataDir });
      await acknowledge(store, 'cllr-a');
      await store.close();
      expect(existsSync(storeMarkerFile({ dataDir }))).toBe(true);
      removeFiles();
      let error: unknown;
      try {
        createEmbeddedStore({ dataDir });
      } catch (e) {
        error = e;
      }
      expect(error).toMatchObject({
        code: 'unavailable',
        message: expect.stringContaining(`The embedded store ${file()} is missing, but ${file()}.expected says one was created here. Restore`),
      });
      expect(existsSync(file())).toBe(false); // nothing was created in its place
      // The operator's way out: remove the marker to begin again with an empty store.
      rmSync(storeMarkerFile({ dataDir }));
      const fresh = createEmbeddedStore({ dataDir });
      expect(await fresh.committees.list()).toEqual([]);
      await fresh.close();
    });

    it('says when it created a new, empty store, and only then', async () => {
      const created: string[] = [];
      const first = createEmbeddedStore({ dataDir, onNewStore: (f) => created.push(f) });
      await first.close();
      const again = createEmbeddedStore({ dataDir, onNewStore: (f) => created.push(f) });
      await again.close();
      expect(created).toEqual([file()]);
    });
  });

  it('answers unavailable, not a crash, when used after close', async () => {
    const store = createEmbeddedStore({ dataDir });
    await store.close();
    const error = await store.committees.get('cabinet').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: 'unavailable' });
  });

  describe('handled activities expire after two days (Cosmos DB does this with defaultTtl)', () => {
    const DAY_MS = 24 * 60 * 60 * 1000;
    /** Pretends the activity claims were written `ageMs` ago, as if the bot had been running that long. */
    const age = (ageMs: number): void => {
      const db = new Database(databaseFile({ dataDir }));
      try {
        db.prepare(`UPDATE key_value_documents SET updated_at = ? WHERE container = 'activities'`).run(new Date(Date.now() - ageMs).toISOString());
      } finally {
        db.close();
      }
    };
    const activityRows = (): number => {
      const db = new Database(databaseFile({ dataDir }), { readonly: true });
      try {
        return (db.prepare(`SELECT COUNT(*) AS n FROM key_value_documents WHERE container = 'activities'`).get() as { n: number }).n;
      } finally {
        db.close();
      }
    };
    const at = '2021-07-14T17:05:12.345Z';

    it('prunes claims older than two days during a claim, and keeps younger ones', async () => {
      const first = createEmbeddedStore({ dataDir });
      expect(await first.activities.claim('old|1', at)).toBe(true);
      expect(await first.activities.claim('old|2', at)).toBe(true);
      await first.close();
      age(2 * DAY_MS + 60_000);

      const later = createEmbeddedStore({ dataDir });
      try {
        expect(await later.activities.claim('young|1', at)).toBe(true); // this claim prunes the two old ones
        expect(activityRows()).toBe(1);
        expect(await later.activities.claim('old|1', at)).toBe(true);
        expect(await later.activities.claim('young|1', at)).toBe(false);
      } finally {
        await later.close();
      }
    });

    it('keeps a claim younger than two days', async () => {
      const first = createEmbeddedStore({ dataDir });
      expect(await first.activities.claim('recent|1', at)).toBe(true);
      await first.close();
      age(2 * DAY_MS - 60_000);

      const later = createEmbeddedStore({ dataDir });
      try {
        expect(await later.activities.claim('recent|2', at)).toBe(true);
        expect(await later.activities.claim('recent|1', at)).toBe(false);
        expect(activityRows()).toBe(2);
      } finally {
        await later.close();
      }
    });

    it('prunes at most once an hour per open store, so a claim is normally one insert', async () => {
      const store = createEmbeddedStore({ dataDir });
      try {
        expect(await store.activities.claim('a|1', at)).toBe(true); // pruned here (nothing to prune)
        age(3 * DAY_MS);
        expect(await store.activities.claim('a|2', at)).toBe(true); // within the hour: no prune
        expect(activityRows()).toBe(2);
        expect(await store.activities.claim('a|1', at)).toBe(false);
      } finally {
        await store.close();
      }
    });
  });

  it('refuses a continuation token it did not issue', async () => {
    const store = createEmbeddedStore({ dataDir });
    try {
      await expect(store.agendaItems.listAll('not-a-token', 10)).rejects.toMatchObject({
        code: 'invalid',
        message: 'The continuation token is not one this store issued',
      });
    } finally {
      await store.close();
    }
  });
});
