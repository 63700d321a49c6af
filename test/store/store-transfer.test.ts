import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { DocumentDatabase } from '../../src/store/documents/document-collection';
import { createDocumentStore } from '../../src/store/domain-store/create-document-store';
import { openSqliteDocumentDatabase } from '../../src/store/embedded';
import { exportDocuments } from '../../src/store/transfer/export-documents';
import { countStore, importDocuments } from '../../src/store/transfer/import-documents';
import { knownKinds } from '../../src/store/transfer/known-kinds';
import { startCosmosServer, type CosmosTestServer } from '../support/cosmos-server';
import { fillEveryKind } from './support/every-kind';

const ROOT = path.resolve(__dirname, '../..');

/** An export held in memory: the lines `store export` would write. */
async function exportLines(database: DocumentDatabase): Promise<string[]> {
  const lines: string[] = [];
  await exportDocuments(database, async (line) => void lines.push(line), { from: 'embedded', now: new Date('2026-03-02T10:00:00.000Z') });
  return lines;
}
const source = (lines: readonly string[]) => () => (async function* () {
  yield* lines;
})();

/** The documents of an export, as parsed values in a stable order (the adapters scan in different orders). */
const documentsOf = (lines: readonly string[]): unknown[] =>
  lines
    .map((l) => JSON.parse(l) as { container?: string; document?: { pk: string; id: string } })
    .filter((l) => l.document !== undefined)
    .sort((a, b) => `${a.container}|${a.document!.pk}|${a.document!.id}`.localeCompare(`${b.container}|${b.document!.pk}|${b.document!.id}`));

describe('moving a store (cabinet-bot store export / import)', () => {
  const dirs: string[] = [];
  const databases: DocumentDatabase[] = [];
  const embedded = (): { database: DocumentDatabase; dataDir: string } => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'cabinet-transfer-'));
    dirs.push(dataDir);
    const database = openSqliteDocumentDatabase({ dataDir });
    databases.push(database);
    return { database, dataDir };
  };
  afterAll(async () => {
    for (const d of databases) await d.close();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  let full: DocumentDatabase;
  let lines: string[];
  beforeAll(async () => {
    full = embedded().database;
    await fillEveryKind(createDocumentStore(full));
    lines = await exportLines(full);
  });

  it('exports every kind of record, with its history, between a header and a trailer that counts each kind', () => {
    expect(JSON.parse(lines[0]!)).toEqual({ format: 'cabinet-bot-store-export', version: 1, exportedAt: '2026-03-02T10:00:00.000Z', from: 'embedded' });
    const trailer = JSON.parse(lines[lines.length - 1]!) as { end: true; documents: number; counts: Record<string, number> };
    expect(trailer.documents).toBe(lines.length - 2);
    expect(trailer.counts).toEqual({
      'activities/activity': 2, 'business/actionPlan': 1, 'business/actionUpdate': 2, 'business/agendaItem': 1, 'business/committee': 3,
      'business/decision': 1, 'business/meeting': 1, 'conversations/conversation': 2, 'members/ack': 2, 'members/member': 4,
      'notifications/delivery': 2, 'notifications/notification': 1, 'work/changeMarker': 1, 'work/dueWork': 1, 'work/lease': 1,
      'work/syncRun': 1, 'work/syncedMeeting': 1, 'audit/auditEntry': 1,
    });
    // Every kind the store knows is in the export, so the round trip below covers every kind.
    expect(Object.keys(trailer.counts).map((k) => k.split('/')[1]).sort()).toEqual([...knownKinds().keys()].sort());
    const item = documentsOf(lines).find((d) => (d as { document: { type: string } }).document.type === 'agendaItem') as {
      document: { data: { history: unknown[] } };
    };
    expect(item.document.data.history).toHaveLength(1);
  });

  it('knows every kind of document the store declares (each is exported from domain-store/document-kinds.ts)', () => {
    const folder = path.join(ROOT, 'src/store/domain-store');
    const declared = readdirSync(folder)
      .filter((f) => f.endsWith('.ts'))
      .flatMap((f) => [...readFileSync(path.join(folder, f), 'utf8').matchAll(/export const (\w+)\s*:\s*DocumentKind</g)].map((m) => `${f}: ${m[1]}`));
    expect(declared.length).toBeGreaterThanOrEqual(12);
    expect(declared.filter((d) => !d.startsWith('document-kinds.ts: '))).toEqual([]);
  });

  it('imports into an empty store, then again changing nothing; every count matches', async () => {
    const { database } = embedded();
    const first = await importDocuments(database, source(lines), { dryRun: false });
    expect(first.problems).toEqual([]);
    for (const k of first.kinds) expect(k).toEqual({ kind: k.kind, inFile: k.inFile, created: k.inFile, alreadyThere: 0, different: 0, inStoreAfter: k.inFile });
    const again = await importDocuments(database, source(lines), { dryRun: false });
    for (const k of again.kinds) expect(k).toEqual({ kind: k.kind, inFile: k.inFile, created: 0, alreadyThere: k.inFile, different: 0, inStoreAfter: k.inFile });
    expect(documentsOf(await exportLines(database))).toEqual(documentsOf(lines));
  });

  it('never overwrites a document the store holds with other content: it is left as it was, and reported', async () => {
    const { database } = embedded();
    const member = { id: 'member:andrew-cotton', pk: 'andrew-cotton', type: 'member', ix: { committeeIds: [] }, data: { id: 'andrew-cotton', name: 'Andrew Cotton (retired)', role: 'officer', committees: [] } };
    await database.collection('members').upsert(member);
    const report = await importDocuments(database, source(lines), { dryRun: false });
    expect(report.different).toEqual([{ container: 'members', pk: 'andrew-cotton', id: 'member:andrew-cotton' }]);
    expect(report.kinds.find((k) => k.kind === 'members/member')).toEqual({ kind: 'members/member', inFile: 4, created: 3, alreadyThere: 0, different: 1, inStoreAfter: 4 });
    expect((await database.collection('members').read('andrew-cotton', 'member:andrew-cotton'))?.body).toEqual(member);
  });

  it('a dry run checks and counts, writing nothing', async () => {
    const { database } = embedded();
    const report = await importDocuments(database, source(lines), { dryRun: true });
    expect(report.problems).toEqual([]);
    expect(report.kinds.reduce((n, k) => n + k.inFile, 0)).toBe(lines.length - 2);
    expect(await countStore(database)).toEqual(new Map());
  });

  describe('refuses a file that is not a complete, valid export, writing nothing', () => {
    const documentLine = (type: string) => lines.findIndex((l) => l.includes(`"type":"${type}"`));
    const edited = (index: number, edit: (line: Record<string, unknown>) => unknown): string[] =>
      lines.map((l, i) => (i === index ? JSON.stringify(edit(JSON.parse(l) as Record<string, unknown>)) : l));
    const withDocument = (type: string, edit: (document: Record<string, unknown>) => Record<string, unknown>): string[] =>
      edited(documentLine(type), (line) => ({ ...line, document: edit(line.document as Record<string, unknown>) }));

    it.each([
      ['cut off (no trailer)', () => lines.slice(0, -1), /^the file has no trailer line: it is cut off/],
      ['one document short of its trailer', () => lines.filter((_, i) => i !== documentLine('ack')), /^the documents in the file .* are not the ones its trailer counts/],
      ['a header that is not ours', () => edited(0, (h) => ({ ...h, format: 'something-else' })), /^line 1: is not a Cabinet bot store export header/],
      ['a line that is not JSON', () => lines.map((l, i) => (i === 3 ? '{"container": "busi' : l)), /^line 4: is not JSON$/],
      ['a record its kind\'s schema refuses', () => withDocument('agendaItem', (d) => ({ ...d, data: { ...(d.data as object), title: 42 } })), /is not a valid agenda item: title: Expected string, received number$/],
      ['a kind this version does not know', () => withDocument('meeting', (d) => ({ ...d, type: 'hologram' })), /is of type "hologram", which this version of Cabinet bot does not know/],
      ['a record whose data belongs in another partition', () => withDocument('ack', (d) => ({ ...d, pk: 'cllr-someone-else' })), /its data belongs in document "ack:.*" of partition "(cllr-alan-pearson|cllr-ronan-holmes)"/],
      ['a record in the wrong container', () => edited(documentLine('delivery'), (l) => ({ ...l, container: 'business' })), /a delivery belongs in container "notifications", not "business"/],
    ])('%s', async (_name, make, expected) => {
      const { database } = embedded();
      const report = await importDocuments(database, source(make()), { dryRun: false });
      expect(report.problems).toEqual(expect.arrayContaining([expect.stringMatching(expected)]));
      expect(await countStore(database)).toEqual(new Map());
    });
  });

  describe('embedded -> Cosmos DB -> embedded, through the command line', () => {
    let cosmos: CosmosTestServer;
    beforeAll(async () => {
      cosmos = await startCosmosServer();
    });
    afterAll(() => cosmos.stop());

    /** The officer CLI as a child process, with only the environment given. */
    const cli = (args: string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> =>
      new Promise((resolve, reject) => {
        const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
          cwd: ROOT,
          env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? tmpdir(), LOG_LEVEL: 'silent', ...env },
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
        child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
        child.once('error', reject);
        child.once('close', (code) => resolve({ code, stdout, stderr }));
      });

    it('moves every document, nothing lost or changed, counts per kind matching at every step; importing again changes nothing', async () => {
      const work = mkdtempSync(path.join(tmpdir(), 'cabinet-move-'));
      dirs.push(work);
      const from = embedded();
      await fillEveryKind(createDocumentStore(from.database));
      const to = embedded();
      const onEmbedded = (dataDir: string) => ({ DATA_DIR: dataDir });
      const onCosmos = { STORE: 'cosmos', COSMOS_ENDPOINT: cosmos.endpoint, COSMOS_KEY: cosmos.key, COSMOS_DATABASE: 'cabinet-moved' };
      const file = (name: string) => path.join(work, name);

      const exported = await cli(['store', 'export', file('from-embedded.jsonl')], onEmbedded(from.dataDir));
      expect(exported).toMatchObject({ code: 0, stderr: '' });
      expect(exported.stdout).toMatch(/^Exported 28 documents from the embedded store to .*from-embedded\.jsonl:\n {2}activities\/activity +2\n/);

      const intoCosmos = await cli(['store', 'import', file('from-embedded.jsonl')], onCosmos);
      expect(intoCosmos).toMatchObject({ code: 0, stderr: '' });
      expect(intoCosmos.stdout).toContain('  business/agendaItem                 1        1              0          0             1\n');
      expect(intoCosmos.stdout).toMatch(/All 28 documents of the file are in the store, as in the file\.\n$/);

      expect(await cli(['store', 'export', file('from-cosmos.jsonl')], onCosmos)).toMatchObject({ code: 0, stderr: '' });
      const intoEmbedded = await cli(['store', 'import', file('from-cosmos.jsonl')], onEmbedded(to.dataDir));
      expect(intoEmbedded).toMatchObject({ code: 0, stderr: '' });
      expect(await cli(['store', 'export', file('back-in-embedded.jsonl')], onEmbedded(to.dataDir))).toMatchObject({ code: 0 });

      const read = (name: string) => readFileSync(file(name), 'utf8').trimEnd().split('\n');
      const [original, viaCosmos, back] = [read('from-embedded.jsonl'), read('from-cosmos.jsonl'), read('back-in-embedded.jsonl')];
      expect(documentsOf(viaCosmos)).toEqual(documentsOf(original));
      expect(documentsOf(back)).toEqual(documentsOf(original));
      const countsOf = (file: string[]) => (JSON.parse(file[file.length - 1]!) as { counts: unknown }).counts;
      expect(countsOf(viaCosmos)).toEqual(countsOf(original));
      expect(countsOf(back)).toEqual(countsOf(original));

      // Read through the Store port, the moved store answers as the original did, write counts included.
      const [a, b] = [createDocumentStore(from.database), createDocumentStore(to.database)];
      expect(await b.changeMarker()).toBe(await a.changeMarker());
      expect(await b.acknowledgements.listByAgendaItem('ai-community-safety-strategy')).toEqual(await a.acknowledgements.listByAgendaItem('ai-community-safety-strategy'));
      expect(await b.actionPlans.listUpdates('cabinet', 'plan-community-safety')).toEqual(await a.actionPlans.listUpdates('cabinet', 'plan-community-safety'));

      const twice = await cli(['store', 'import', file('from-embedded.jsonl')], onCosmos);
      expect(twice.code).toBe(0);
      expect(twice.stdout).toContain('  business/agendaItem                 1        0              1          0             1\n');
    }, 120_000);
  });
});
