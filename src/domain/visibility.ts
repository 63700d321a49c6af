import type { ConversationKind } from './conversation';
import type { Member } from './member';
import { isOfficer, sitsOn } from './member';

/**
 * Who is looking, and where. Identity comes from the authenticated Teams activity; the conversation kind
 * matters because exempt business never goes to channels or group chats, whoever asks there.
 */
export interface Viewer {
  /** The roster member, when the Teams user is linked to one. */
  readonly member?: Member;
  readonly where: ConversationKind;
  /**
   * Who Teams authenticated for this turn (`from.aadObjectId`, never card data) and the request it came in: what the
   * audit log records when exempt business is shown. Absent where nobody is looking (the outbox drawing a card).
   */
  readonly identity?: { readonly aadObjectId: string; readonly name?: string; readonly requestId?: string };
}

/** Exempt (Part 2) items: only in a personal chat, only to officers, admins and members of the committee. */
export const mayView = (viewer: Viewer, subject: { readonly exempt: boolean; readonly committeeId: string }): boolean => {
  if (!subject.exempt) return true;
  if (viewer.where !== 'personal' || !viewer.member) return false;
  return isEntitledToExempt(viewer.member, subject.committeeId);
};

/** Exempt business of a committee belongs to its members, officers and admins, wherever they are asking from. */
export const isEntitledToExempt = (person: Pick<Member, 'role' | 'committees' | 'endsOn'>, committeeId: string, at: Date = new Date()): boolean =>
  isOfficer(person, at) || sitsOn(person, committeeId, at);

/** Whether restricted papers may be listed to this viewer for this committee's business. */
export const mayViewRestrictedPapers = (viewer: Viewer, committeeId: string): boolean =>
  mayView(viewer, { exempt: true, committeeId });
