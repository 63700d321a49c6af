import { z } from 'zod';
import {
  ActionPlan, ActionUpdate, AgendaItem, Committee, CommitteeSyncRun, Decision, Meeting, Member, Notification, Outcome, OutcomeStatus, Rag,
} from '../domain';
import './contract';

/**
 * The domain's records as the officer API answers them, each a named component of the OpenAPI document: the domain's
 * own schemas, named here (`.openapi` names a copy, the domain's schema is left as it is), and the views the use cases
 * build around them. Answers of one resource alone are defined in its route file.
 */
export const CommitteeAnswer = Committee.openapi('Committee');
export const MemberAnswer = Member.openapi('Member');
export const MeetingAnswer = Meeting.openapi('Meeting');
export const AgendaItemAnswer = AgendaItem.openapi('AgendaItem');
export const DecisionAnswer = Decision.openapi('Decision');
export const ActionPlanAnswer = ActionPlan.openapi('ActionPlan');
export const ActionUpdateAnswer = ActionUpdate.openapi('ActionUpdate');
export const NotificationAnswer = Notification.openapi('Notification');
export const CommitteeSyncRunAnswer = CommitteeSyncRun.openapi('CommitteeSyncRun');
export const RagAnswer = Rag.openapi('Rag');

/** domain/status-description.ts: what a status answer always says. */
export const StatusDescriptionAnswer = z
  .object({
    status: OutcomeStatus,
    label: z.string().min(1),
    since: z.string().optional(),
    next: z.string().optional(),
    nextOn: z.string().optional(),
    final: z.boolean(),
  })
  .strict()
  .openapi('StatusDescription');

/** services/records/decision-view.ts CallInCountdown: while an outcome's call-in period is open. */
export const CallInCountdownAnswer = z
  .object({
    deadline: z.string().openapi({ description: 'The last day it may be called in (yyyy-mm-dd, London).' }),
    closesAt: z.string().openapi({ description: 'When the period closes: 17:00 London time on the deadline.' }),
    workingDaysLeft: z.number().int().min(0).openapi({ description: 'Working days after today up to the deadline (weekends and bank holidays not counted); 0 on the deadline day.' }),
  })
  .strict()
  .openapi('CallInCountdown');

/** services/records/decision-view.ts: a decision with each outcome's status as of today, and its call-in countdown while open. */
export const DecisionViewAnswer = Decision.extend({ outcomes: z.array(Outcome.extend({ current: StatusDescriptionAnswer, callIn: CallInCountdownAnswer.optional() })) }).openapi('DecisionView');
