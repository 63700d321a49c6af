import type { ConversationRecord, NoticeChange, Viewer } from '../../domain';
import type { ItemDetails } from '../conversation/item-details';
import type { MeetingAgenda } from '../conversation/meeting-agenda';
import type { ActionPlanDetails } from '../conversation/open-action-plan';
import type { DecisionDetails } from '../conversation/open-decision';
import type { NotificationReport } from './notification-report';

/**
 * What a notification says to one recipient, in the domain's terms: which card, drawn for whom, and why it is being
 * sent. The Teams adapter turns it into words and an Adaptive Card (src/teams/notification-messages.ts); a card is
 * drawn for its viewer, so a member sees their own acknowledgement state and a channel sees nobody's.
 */
export type OutgoingMessage =
  | {
      readonly kind: 'agenda-item';
      /** pushed: an officer sent it; added: it joined an agenda already published; reminder: not acknowledged yet. */
      readonly reason: 'pushed' | 'added' | 'reminder';
      readonly details: ItemDetails;
      readonly viewer: Viewer;
      readonly note?: string;
    }
  | {
      readonly kind: 'meeting-digest';
      /** reminder: only the items this member still has to read are listed. */
      readonly reason: 'pushed' | 'published' | 'reminder';
      readonly agenda: MeetingAgenda;
      readonly viewer: Viewer;
      readonly note?: string;
    }
  | {
      readonly kind: 'decision';
      readonly reason: 'published' | 'call-in-ended';
      readonly details: DecisionDetails;
      readonly viewer: Viewer;
      /** For call-in-ended: when the period closed, and whether a call-in had been recorded by then. */
      readonly callIn?: { readonly closedAt: string; readonly calledIn: boolean };
    }
  /** An owner's overdue actions: each plan narrowed to their overdue actions. */
  | { readonly kind: 'overdue-actions'; readonly plans: readonly ActionPlanDetails[]; readonly viewer: Viewer; readonly now: Date }
  /** A short message pointing at a card that was just redrawn (supplementary papers, a cancellation, a new date). */
  | {
      readonly kind: 'notice';
      readonly change: NoticeChange;
      readonly committeeName: string;
      /** The item whose papers changed. */
      readonly itemTitle?: string;
    }
  /** The officer's progress card for a notification they sent. */
  | { readonly kind: 'progress'; readonly report: NotificationReport; readonly now: Date };

/** An outgoing message as the channel gets it: words (plain text) and Adaptive Cards (JSON). */
export interface RenderedMessage {
  readonly text?: string;
  readonly cards: readonly object[];
}

/**
 * Draws an outgoing message as the Messenger would send it into `chat` (a member's personal chat, a channel; none
 * known yet: as it would be drawn once one is opened). Implemented by the Teams adapter
 * (teams/notification-messages.ts), wired in the composition root, so a preview shows the very card the outbox sends.
 */
export type RenderMessage = (message: OutgoingMessage, chat?: ConversationRecord) => RenderedMessage;
