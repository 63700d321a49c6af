import type { ActionData } from '../../cards';
import { remindAbout } from '../commands/remind';
import type { BotDeps, Turn } from '../turn';
import { postBelow, type InvokeAnswer } from './invoke-answer';

/**
 * The acknowledgement report's remind button: officers only (checked by the use case). Teams may deliver the
 * same invoke twice; reminders are not idempotent, so a repeat of the same press sends nothing more.
 */
export async function onRemindOutstanding(data: ActionData<'remindOutstanding'>, turn: Turn, deps: BotDeps): Promise<InvokeAnswer> {
  const press = `remind|${turn.conversationId}|${turn.activityId ?? `${turn.teamsUserId}|${data.agendaItemId}|${deps.now().toISOString()}`}`;
  if (!(await deps.store.activities.claim(press, deps.now().toISOString()))) {
    return postBelow('Those reminders are already on their way.');
  }
  const reply = await remindAbout(data, turn, deps);
  return postBelow(reply.text ?? 'Reminders on their way.');
}
