import { DomainError, isOfficer, mayView, sendableFrom, type Viewer } from '../../domain';
import type { NotificationDeps } from './notification-deps';
import { loadSubject, type LoadedSubject } from './notification-subject';
import { previewReach, type ReachPreview } from './member-reach';
import { resolveAudience } from './resolve-audience';

export interface PushPreview {
  readonly subject: Extract<LoadedSubject, { kind: 'item' | 'meeting' }>;
  readonly memberCount: number;
  readonly reach: ReachPreview;
  /** When it would go if sent now: later than now during quiet hours. */
  readonly sendsAt: Date;
}

/**
 * What an officer's push would do, before they press Send: to whom (the committee's councillors), who can be reached
 * in Teams, and when it would go. Refuses what the push itself would refuse (an exempt item's audience, nobody to
 * send to), so the officer learns it before pressing.
 */
export async function previewPush(target: { agendaItemId: string } | { meetingId: string }, viewer: Viewer, deps: NotificationDeps): Promise<PushPreview> {
  if (!isOfficer(viewer.member)) throw new DomainError('forbidden', 'Only democratic services officers can send notifications.');
  const subject = await loadSubject({ subject: target }, deps.store);
  if (subject.kind !== 'item' && subject.kind !== 'meeting') throw new DomainError('invalid', 'Only agenda items and meetings can be sent.');
  forbidUnlessVisible(viewer, subject);
  const audience = await resolveAudience(subject, { committeeIds: [], memberIds: [], channelIds: [] }, deps.store);
  return {
    subject,
    memberCount: audience.members.length,
    reach: await previewReach(audience.members, deps.store),
    sendsAt: sendableFrom(deps.now(), false, deps.quietHours),
  };
}

/**
 * Exempt business is handled only where it may be shown: an officer's confirmation or progress card names it, so in a
 * channel or group chat it is refused (the push itself goes to personal chats only, whoever asks).
 */
export function forbidUnlessVisible(viewer: Viewer, subject: LoadedSubject): void {
  const exempt = subject.kind === 'item' ? subject.item : subject.kind === 'decision' ? subject.decision : undefined;
  if (exempt && !mayView(viewer, exempt)) {
    throw new DomainError('forbidden', 'This item is exempt (confidential): send it and follow it from your personal chat with the bot, not here.');
  }
}
