import type { DocumentDatabase } from '../documents/document-collection';
import type { Store } from '../port';
import { acknowledgementStore } from './acknowledgement-store';
import { activityLedger } from './activity-ledger';
import { auditLog } from './audit-log';
import { actionPlanStore } from './action-plan-store';
import { agendaItemStore } from './agenda-item-store';
import { changeMarker } from './change-marker';
import { committeeStore } from './committee-store';
import { conversationStore } from './conversation-store';
import { decisionStore } from './decision-store';
import type { DocumentKind } from './document-kind';
import {
  acknowledgementKind, auditEntryKind, actionPlanKind, actionUpdateKind, activityClaimKind, agendaItemKind, committeeKind, conversationKind,
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
  const typed = <T>(kind: DocumentKind<T>): TypedDocuments<T> => new TypedDocuments(kind, database.collection(kind.container));
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
    // Agenda items and decisions share the business container, so one aggregate query covers both.
    changeMarker: changeMarker(database.collection('business'), [agendaItemKind, decisionKind]),
    ping: () => database.ping(),
    close: () => database.close(),
  };
};
