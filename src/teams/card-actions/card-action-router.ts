import { isVerb, parseActionData, Verbs, type Verb } from '../../cards';
import { DomainError } from '../../domain';
import type { BotDeps, Turn } from '../turn';
import { onAcknowledge } from './acknowledge';
import { onCancelNotification, onNotificationProgress, onSendNotification } from './notifications';
import type { InvokeAnswer } from './invoke-answer';
import { onRefreshActionPlan } from './refresh-action-plan';
import { onRefreshItem } from './refresh-item';
import { onRemindOutstanding } from './remind-outstanding';
import { onShowHelp } from './show-help';
import { onBackToDecision, onCreateActionPlan, onStartActionPlan } from './start-action-plan';
import { onUpdateAction } from './update-action';
import { onViewActionPlan } from './view-action-plan';
import { onViewDecision } from './view-decision';
import { onViewItem } from './view-item';

type Handler = (data: unknown, turn: Turn, deps: BotDeps) => Promise<InvokeAnswer>;

/** One handler per named verb. Card data is validated per verb and carries locators only, never identity. */
const handlers: Record<Verb, Handler> = {
  [Verbs.acknowledge]: (data, turn, deps) => onAcknowledge(parseActionData(Verbs.acknowledge, data), turn, deps),
  [Verbs.refreshItem]: (data, turn, deps) => onRefreshItem(parseActionData(Verbs.refreshItem, data), turn, deps),
  [Verbs.viewItem]: (data, turn, deps) => onViewItem(parseActionData(Verbs.viewItem, data), turn, deps),
  [Verbs.viewDecision]: (data, turn, deps) => onViewDecision(parseActionData(Verbs.viewDecision, data), turn, deps),
  [Verbs.viewActionPlan]: (data, turn, deps) => onViewActionPlan(parseActionData(Verbs.viewActionPlan, data), turn, deps),
  [Verbs.refreshActionPlan]: (data, turn, deps) => onRefreshActionPlan(parseActionData(Verbs.refreshActionPlan, data), turn, deps),
  [Verbs.updateAction]: (data, turn, deps) => onUpdateAction(data, turn, deps),
  [Verbs.startActionPlan]: (data, turn, deps) => onStartActionPlan(parseActionData(Verbs.startActionPlan, data), turn, deps),
  [Verbs.createActionPlan]: (data, turn, deps) => onCreateActionPlan(data, turn, deps),
  [Verbs.backToDecision]: (data, turn, deps) => onBackToDecision(parseActionData(Verbs.backToDecision, data), turn, deps),
  [Verbs.remindOutstanding]: (data, turn, deps) => onRemindOutstanding(parseActionData(Verbs.remindOutstanding, data), turn, deps),
  [Verbs.showHelp]: (_data, turn) => onShowHelp(turn),
  [Verbs.sendNotification]: (data, turn, deps) => onSendNotification(parseActionData(Verbs.sendNotification, data), turn, deps),
  [Verbs.notificationProgress]: (data, turn, deps) => onNotificationProgress(parseActionData(Verbs.notificationProgress, data), turn, deps),
  [Verbs.cancelNotification]: (data, turn, deps) => onCancelNotification(parseActionData(Verbs.cancelNotification, data), turn, deps),
};

export function runCardAction(verb: string | undefined, data: unknown, turn: Turn, deps: BotDeps): Promise<InvokeAnswer> {
  if (!isVerb(verb)) {
    throw new DomainError('invalid', `This card's button ("${verb ?? 'no verb'}") is not one this bot knows. The card may be out of date: ask again for a fresh one.`);
  }
  return handlers[verb](data ?? {}, turn, deps);
}
