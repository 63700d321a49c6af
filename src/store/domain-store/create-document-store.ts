import type { DocumentDatabase } from '../documents/document-collection';
import type { Store } from '../port';
import { acknowledgementStore } from './acknowledgement-store';
import { actionPlanStore } from './action-plan-store';
import { agendaItemStore } from './agenda-item-store';
import { committeeStore } from './committee-store';
import { conversationStore } from './conversation-store';
import { decisionStore } from './decision-store';
import type { DocumentKind } from './document-kind';
import {
  acknowledgementKind, actionPlanKind, actionUpdateKind, agendaItemKind, committeeKind, conversationKind, decisionKind,
  deliveryKind, meetingKind, memberKind, notificationKind,
} from './document-kinds';
import { meetingStore } from './meeting-store';
import { memberStore } from './member-store';
import { notificationStore } from './notification-store';
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
    ping: () => database.ping(),
    close: () => database.close(),
  };
};
