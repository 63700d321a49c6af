/**
 * The storage contract: every adapter of the Store port must pass this suite, unchanged. Each test gets a fresh,
 * empty store from `open` and disposes of it afterwards.
 */
import type { ContainerName, DocumentEnvelope } from '../../src/store/documents/document-collection';
import type { Store } from '../../src/store/port';
import { describeBusinessRecords } from './business-records.contract';
import { describeIntegrity } from './integrity.contract';
import { describeMemberRecords } from './member-records.contract';
import { describeNotifications } from './notifications.contract';
import { describeActionPlans } from './action-plans.contract';
import { describeActivities } from './activities.contract';
import { describeChangeMarker } from './change-marker.contract';
import { describeSyncRecords } from './sync-records.contract';
import { describeAuditLog } from './audit-log.contract';

export interface StoreUnderTest {
  readonly store: Store;
  /** Writes a document past the domain layer, as a hand edit or a half-done migration would. */
  writeRawDocument(container: ContainerName, document: DocumentEnvelope): Promise<void>;
  /**
   * Another Store on the same data, as a second instance of the bot (or the officer CLI) would open it: its own
   * connection or client. Closed by dispose.
   */
  openSecondStore(): Promise<Store>;
  /** Releases everything the store holds (files, clients); the store may already be closed. */
  dispose(): Promise<void>;
}

export type CurrentStore = () => StoreUnderTest;

export const describeStoreContract = (name: string, open: () => Promise<StoreUnderTest>): void => {
  describe(`Store contract: ${name}`, () => {
    let current: StoreUnderTest | undefined;
    beforeEach(async () => {
      current = await open();
    });
    afterEach(async () => {
      await current?.dispose();
      current = undefined;
    });
    const get: CurrentStore = () => {
      if (current === undefined) throw new Error('no store open');
      return current;
    };
    describeBusinessRecords(get);
    describeMemberRecords(get);
    describeActionPlans(get);
    describeNotifications(get);
    describeIntegrity(get);
    describeActivities(get);
    describeChangeMarker(get);
    describeSyncRecords(get);
    describeAuditLog(get);
  });
};
