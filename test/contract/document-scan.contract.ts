/**
 * The document layer's `scan`: every document of a container, of every type, in pages. Both adapters run this suite
 * (embedded-documents.contract.test.ts, cosmos-documents.contract.test.ts); moving a store between them relies on it.
 */
import type { ContainerName, DocumentDatabase, DocumentEnvelope, StoredDocument } from '../../src/store/documents/document-collection';

export interface DocumentsUnderTest {
  /** A fresh, empty database. */
  readonly database: DocumentDatabase;
  dispose(): Promise<void>;
}

const envelope = (type: string, pk: string, key: string, data: Record<string, unknown> = {}): DocumentEnvelope => ({
  id: `${type}:${key}`, pk, type, ix: { n: key.length, tags: ['a', key] }, data: { key, ...data },
});

/** Reads every page of a container's scan, checking that each page keeps to its size. */
const scanAll = async (database: DocumentDatabase, container: ContainerName, size: number): Promise<{ documents: StoredDocument[]; pages: number }> => {
  const documents: StoredDocument[] = [];
  let continuation: string | undefined;
  let pages = 0;
  do {
    const page = await database.collection(container).scan({ size, ...(continuation !== undefined ? { continuation } : {}) });
    expect(page.documents.length).toBeLessThanOrEqual(size);
    documents.push(...page.documents);
    continuation = page.continuation;
    pages += 1;
    if (pages > 1000) throw new Error('the scan never ended');
  } while (continuation !== undefined);
  return { documents, pages };
};

const key = (d: { pk: string; id: string }) => `${d.pk}|${d.id}`;

export const describeDocumentScanContract = (name: string, open: () => Promise<DocumentsUnderTest>): void => {
  describe(`document layer scan: ${name}`, () => {
    let current: DocumentsUnderTest | undefined;
    beforeEach(async () => {
      current = await open();
    });
    afterEach(async () => {
      await current?.dispose();
      current = undefined;
    });
    const db = () => {
      if (current === undefined) throw new Error('no database open');
      return current.database;
    };

    it('answers an empty container with one empty page and no continuation', async () => {
      expect(await db().collection('members').scan({ size: 10 })).toEqual({ documents: [] });
    });

    it('returns every document of every type and partition exactly once, body as written, in pages of at most the size', async () => {
      const written = [
        ...Array.from({ length: 7 }, (_, i) => envelope('committee', `c${i}`, `c${i}`)),
        ...Array.from({ length: 9 }, (_, i) => envelope('meeting', `c${i % 3}`, `m${i}`, { startsAt: `2026-0${(i % 9) + 1}-01T10:00:00Z` })),
        ...Array.from({ length: 5 }, (_, i) => envelope('agendaItem', 'c1', `item-${i}`, { title: `Item ${i}`, nested: { list: [i, { deep: true }] } })),
      ];
      for (const d of written) await db().collection('business').upsert(d);
      // Another container's documents are not part of this one's scan.
      await db().collection('members').upsert(envelope('member', 'm1', 'm1'));

      for (const size of [1, 4, 21, 100]) {
        const { documents, pages } = await scanAll(db(), 'business', size);
        expect(documents.map(key).sort()).toEqual(written.map(key).sort());
        expect(new Set(documents.map(key)).size).toBe(written.length);
        if (size === 4) expect(pages).toBeGreaterThanOrEqual(6);
        for (const d of documents) {
          expect(d.container).toBe('business');
          expect(typeof d.etag).toBe('string');
          expect(Object.keys(d.body).filter((k) => k.startsWith('_'))).toEqual([]);
          expect(d.body).toEqual(written.find((w) => key(w) === key(d)));
        }
      }
      expect((await scanAll(db(), 'members', 10)).documents.map(key)).toEqual(['m1|member:m1']);
    });

    it('refuses a page size that is not a positive whole number', async () => {
      await expect(db().collection('business').scan({ size: 0 })).rejects.toThrow('A scan page size must be a positive whole number, not 0');
    });
  });
};
