import type { ActionData } from '../../cards';
import { remindAbout } from '../commands/remind';
import type { BotDeps, Turn } from '../turn';
import { postBelow, type InvokeAnswer } from './invoke-answer';

/** The acknowledgement report's remind button: officers only (checked by the use case). */
export async function onRemindOutstanding(data: ActionData<'remindOutstanding'>, turn: Turn, deps: BotDeps): Promise<InvokeAnswer> {
  const reply = await remindAbout(data, turn, deps);
  return postBelow(reply.text ?? 'Reminders on their way.');
}
