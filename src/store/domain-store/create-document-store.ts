import type { DocumentDatabase } from '../documents/document-collection';
import type { Store } from '../port';
import { acknowledgementStore } from './acknowledgement-store';
import { activityLedger } from './activity-ledger';
import { auditLog } from './audit-log';
import { actionPlanStore } from './action-plan-store';
import { agendaItemStore } from './agenda-item-store';
import { ChangeMarker } from './change-marker';
import { committeeStore } from './committee-store';
import { conversationStore } from './conversation-store';
import { decisionStore } from './decision-store';
import type { DocumentKind } from './document-kind';
import {
  acknowledgementKind, auditEntryKind, actionPlanKind, actionUpdateKind, activityClaimKind, agendaItemKind, changeMarkerKind, committeeKind, conversationKind,
  decisionKind, deliveryKind, dueWorkKind, leaseKind, meetingKind, memberKind, notificationKind, syncedMeetingKind, syncRunKind,
} from './document-kinds';
import { dueWorkStore } from './due-work-store';
import { leaseStore } from './lease-store';
import { meetingStore } from './meeting-store';
import { memberStore } from './member-store';
import { notificationStore } from './notification-store';
import { syncStore } from './sync-store';
import { TypedDocuments } from './typed-documents';

/** The one implementation of the Store port; each adapter supplies only its DocumentDatabase. */
export const createDocumentStore = (database: DocumentDatabase): Store => {
  const marker = new ChangeMarker(new TypedDocuments(changeMarkerKind, database.collection(changeMarkerKind.container)));
  // Every kind gets the marker: those with a marker part (agenda items and decisions: business; members and
  // committees: roster; action plans, when one is created: plans) move it after each such write.
  const typed = <T>(kind: DocumentKind<T>): TypedDocuments<T> => new TypedDocuments(kind, database.collection(kind.container), marker);
  return {
    committees: committeeStore(typed(committeeKind)),
    members: memberStore(typed(memberKind)),
    meetings: meetingStore(typed(meetingKind)),
    agendaItems: agendaItemStore(typed(agendaItemKind)),
    decisions: decisionStore(typed(decisionKind)),
    acknowledgements: acknowledgementStore(typed(acknowledgementKind)),
    conversations: conversationStore(typed(conversationKind)),
    actionPlans: actionPlanStore(typed(actionPlanKind), typed(actionUpdateKind)),
    notifications: notificationStore(typed(notificationKind), typed(deliveryKind)),
    dueWork: dueWorkStore(typed(dueWorkKind)),
    leases: leaseStore(typed(leaseKind)),
    sync: syncStore(typed(syncedMeetingKind), typed(syncRunKind)),
    activities: activityLedger(typed(activityClaimKind)),
    audit: auditLog(typed(auditEntryKind)),
    // One point read of the marker document that every agenda item and decision write moves (its business part).
    changeMarker: async () => (await marker.current()).business,
    changeMarkers: () => marker.current(),
    ping: () => database.ping(),
    close: () => database.close(),
  };
};
