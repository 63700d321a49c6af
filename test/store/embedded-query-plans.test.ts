import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ContainerName, DocumentDatabase } from '../../src/store/documents/document-collection';
import type { DocumentQuery } from '../../src/store/documents/document-query';
import { createDocumentStore } from '../../src/store/domain-store/create-document-store';
import { openSqliteDocumentDatabase, type SqliteDocumentDatabase } from '../../src/store/embedded';
import type { Store } from '../../src/store/port';

/**
 * The embedded store's hot paths must be served by an index, not a scan of the table. The queries are the ones the
 * Store really issues (recorded), so a change in either the Store or the schema that loses an index fails here.
 */
describe('embedded store query plans', () => {
  let dataDir: string;
  let sqlite: SqliteDocumentDatabase;
  let store: Store;
  let recorded: { container: ContainerName; query: DocumentQuery }[];

  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'cabinet-plans-'));
    sqlite = openSqliteDocumentDatabase({ dataDir });
    recorded = [];
    const recording: DocumentDatabase = {
      ...sqlite,
      collection: (name) => {
        const inner = sqlite.collection(name);
        return {
          ...inner,
          query: (query) => {
            recorded.push({ container: name, query });
            return inner.query(query);
          },
        };
      },
    };
    store = createDocumentStore(recording);
  });
  afterEach(async () => {
    await sqlite.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const planOf = async (call: (s: Store) => Promise<unknown>): Promise<string> => {
    recorded = [];
    await call(store);
    expect(recorded).toHaveLength(1);
    const [{ container, query }] = recorded as [{ container: ContainerName; query: DocumentQuery }];
    return sqlite.queryPlan(container, query).join(' | ');
  };

  it.each<[string, string, (s: Store) => Promise<unknown>]>([
    ['who is this Teams user', 'documents_by_aad_object_id', (s) => s.members.findByAadObjectId('6f1c2a7e-3b9d-4c5e-8a21-0d4e5f6a7b8c')],
    ['member by email', 'documents_by_email', (s) => s.members.findByEmail('alan.pearson@councillors.example.gov.uk')],
    ['where to reach a member', 'documents_by_member', (s) => s.conversations.listByMember('cllr-alan-pearson')],
    ['officer acknowledgement report', 'documents_by_agenda_item', (s) => s.acknowledgements.listByAgendaItem('ai-community-safety-strategy')],
    ["a member's acknowledgements", 'documents_by_partition_and_status', (s) => s.acknowledgements.listByMember('cllr-alan-pearson')],
    ["what is left to send of a notification", 'documents_waiting', (s) => s.notifications.listWaitingDeliveries('n-1', new Date(), 50)],
    ['due-work poll', 'documents_waiting', (s) => s.dueWork.listEarliest(20)],
    ["the audit log, a period newest first", 'documents_audit_by_time', (s) => s.audit.list({ from: new Date('2026-11-01T00:00:00Z'), to: new Date() })],
    ['the audit log, newest first', 'documents_audit_by_time', (s) => s.audit.list({})],
    ["a Teams user's chats, to link them to the roster", 'documents_by_aad_object_id', (s) => s.conversations.listByAadObjectId('6f1c2a7e-3b9d-4c5e-8a21-0d4e5f6a7b8c')],
    ['agenda of a meeting', 'documents_by_partition_and_status', (s) => s.agendaItems.listByMeeting('cabinet', 'cabinet-2021-07-14')],
    ['next meetings', 'documents_by_partition_and_status', (s) => s.meetings.listUpcoming('cabinet', new Date(), 5)],
    ['item by id alone', 'documents_by_id', (s) => s.agendaItems.findById('ai-community-safety-strategy')],
    ['recent decisions', 'documents_by_decided_on', (s) => s.decisions.listDecidedSince('2021-07-01')],
    ['search index rebuild', 'documents_by_id', (s) => s.agendaItems.listAll(undefined, 50)],
  ])('%s uses %s', async (_name, index, call) => {
    const plan = await planOf(call);
    expect(plan).toContain(`USING INDEX ${index} `);
    expect(plan).not.toMatch(/\bSCAN documents\b/);
  });

  it('the change marker is one point read of one document, and no query or aggregate', async () => {
    const calls: unknown[][] = [];
    const recording: DocumentDatabase = {
      ...sqlite,
      collection: (name) => {
        const inner = sqlite.collection(name);
        return {
          ...inner,
          read: (pk, id) => (calls.push(['read', name, pk, id]), inner.read(pk, id)),
          query: (q) => (calls.push(['query', name]), inner.query(q)),
          count: (q) => (calls.push(['count', name]), inner.count(q)),
          tally: (types, sumOf) => (calls.push(['tally', name]), inner.tally(types, sumOf)),
        };
      },
    };
    await createDocumentStore(recording).changeMarker();
    expect(calls).toEqual([['read', 'work', 'changeMarker', 'changeMarker:changeMarker']]);
  });

  it("a notification's counts by status are answered from documents_by_partition_and_status alone (no table rows read)", async () => {
    const counts: unknown[] = [];
    const recording: DocumentDatabase = {
      ...sqlite,
      collection: (name) => {
        const inner = sqlite.collection(name);
        return { ...inner, count: (query) => (counts.push([name, query]), inner.count(query)) };
      },
    };
    await createDocumentStore(recording).notifications.countDeliveries('n-1');
    expect(counts).toHaveLength(7);
    for (const [container, query] of counts as Array<[ContainerName, Parameters<SqliteDocumentDatabase['countPlan']>[1]]>) {
      const plan = sqlite.countPlan(container, query).join(' | ');
      expect(plan).toContain('USING COVERING INDEX documents_by_partition_and_status ');
    }
  });

  it('pruning expired activity claims uses key_value_documents_expiry', () => {
    const plan = sqlite.prunePlan('activities').join(' | ');
    expect(plan).toContain('USING INDEX key_value_documents_expiry (container=? AND updated_at<?)');
    expect(plan).not.toMatch(/\bSCAN documents\b/);
  });

  it('re-import by source uses the source indexes, one lookup per key', async () => {
    recorded = [];
    await store.agendaItems.findBySource({ url: 'https://democracy.example.gov.uk/ieIssueDetails.aspx?IId=31542', externalId: '31542' });
    const plans = recorded.map(({ container, query }) => sqlite.queryPlan(container, query).join(' | '));
    expect(plans).toEqual([
      expect.stringContaining('USING INDEX documents_by_source_external_id '),
      expect.stringContaining('USING INDEX documents_by_source_url '),
    ]);
  });
});
