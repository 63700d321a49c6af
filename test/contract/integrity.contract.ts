import { StoredDocumentError } from '../../src/store/documents/stored-document-error';
import { cabinetJuly, communitySafetyItem } from './council-fixtures';
import type { CurrentStore } from './store.contract';

export const describeIntegrity = (current: CurrentStore): void => {
  describe('stored documents that are not valid', () => {
    it('are an error naming container, partition and id, never data: on a point read and in a query', async () => {
      const { store, writeRawDocument } = current();
      await store.agendaItems.create(communitySafetyItem);
      await writeRawDocument('business', {
        id: 'agendaItem:ai-hand-edited',
        pk: 'cabinet',
        type: 'agendaItem',
        ix: {},
        data: { ...communitySafetyItem, id: 'ai-hand-edited', title: 42, createdAt: 'last Tuesday' },
      });

      const read = store.agendaItems.get('cabinet', 'ai-hand-edited');
      await expect(read).rejects.toBeInstanceOf(StoredDocumentError);
      await expect(store.agendaItems.get('cabinet', 'ai-hand-edited')).rejects.toThrow(
        'Stored document "agendaItem:ai-hand-edited" in container "business" (partition "cabinet") is not a valid agenda item: ' +
          'title: Expected string, received number; createdAt: Invalid datetime',
      );
      await expect(store.agendaItems.listByMeeting('cabinet', cabinetJuly.id)).rejects.toThrow(/agendaItem:ai-hand-edited/);
      await expect(store.agendaItems.findById('ai-hand-edited')).rejects.toBeInstanceOf(StoredDocumentError);
      // The valid neighbour is still served.
      expect((await store.agendaItems.get('cabinet', communitySafetyItem.id))?.value).toEqual(communitySafetyItem);
    });

    it('include a document whose data belongs elsewhere, or that has no data at all', async () => {
      const { store, writeRawDocument } = current();
      await writeRawDocument('members', { id: 'member:cllr-a', pk: 'cllr-a', type: 'member', ix: {}, data: { id: 'cllr-b', name: 'Cllr B', role: 'councillor', committees: [] } });
      await expect(store.members.get('cllr-a')).rejects.toThrow(
        'Stored document "member:cllr-a" in container "members" (partition "cllr-a") is not a valid member: its data belongs in document "member:cllr-b" of partition "cllr-b"',
      );
      await writeRawDocument('notifications', { id: 'notification:n-1', pk: 'n-1', type: 'notification', ix: {}, data: null });
      await expect(store.notifications.get('n-1')).rejects.toThrow(/"notification:n-1" in container "notifications".*it has no data object/);
    });
  });

  describe('readiness', () => {
    it('answers ping while open and rejects with a reason once closed', async () => {
      const { store } = current();
      await expect(store.ping()).resolves.toBeUndefined();
      await store.close();
      await expect(store.ping()).rejects.toThrow(/closed/);
      await store.close(); // closing twice is harmless
    });
  });
};
