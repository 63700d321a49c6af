import type { ActionData } from '../../cards';
import { plannedNotificationId } from '../../services/notifications/notification-ids';
import { remindAbout } from '../commands/remind';
import type { BotDeps, Turn } from '../turn';
import type { InvokeAnswer } from './invoke-answer';

/**
 * The acknowledgement report's remind button: officers only (checked by the use case). Teams may deliver the same
 * invoke twice: the reminder's id is the press's, so a repeat is the same reminder, never a second one.
 */
export async function onRemindOutstanding(data: ActionData<'remindOutstanding'>, turn: Turn, deps: BotDeps): Promise<InvokeAnswer> {
  const press = `remind|${turn.conversationId}|${turn.activityId ?? `${turn.teamsUserId}|${data.agendaItemId}|${deps.now().toISOString()}`}`;
  const reply = await remindAbout(data, turn, deps, plannedNotificationId(press));
  return { kind: 'message', message: reply.text ?? 'Reminders on their way.', followUps: [], ...(reply.progressOf ? { progressOf: reply.progressOf } : {}) };
}
