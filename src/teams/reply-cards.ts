import {
  buildAcknowledgementReportView, buildActionPlanFormView, buildActionPlanView, renderActionPlanFormCard, type TypedPlan, buildAgendaItemView, buildDecisionView, buildHelpView, buildMeetingDigestView,
  buildSearchResultsView, renderAcknowledgementReportCard, renderActionPlanCard, renderAgendaItemCard, renderDecisionCard,
  renderHelpCard, renderMeetingDigestCard, renderSearchResultsCard, type AdaptiveCard, type FoundInput, type PlanView, type SearchHit,
  type TypedUpdate,
} from '../cards';
import { isOfficer, mayViewRestrictedPapers, type Member, type Viewer } from '../domain';
import type { AcknowledgementReport } from '../services/conversation/acknowledgement-report';
import type { ItemDetails } from '../services/conversation/item-details';
import type { MeetingAgenda } from '../services/conversation/meeting-agenda';
import type { ActionPlanFormDetails } from '../services/conversation/open-action-plan-form';
import type { DecisionDetails } from '../services/conversation/open-decision';
import type { ActionPlanDetails } from '../services/conversation/open-action-plan';

/** Service results as cards, for one viewer. The only place the Teams adapter turns answers into cards. */

/**
 * Who sees a card decides whose state it may carry. `viewer`: only the person acting (a card action's answer, which
 * Teams shows to whoever pressed; a personal chat). `conversation`: posted where others read it too; in a channel or
 * group chat it then carries nobody's own state ("Acknowledged by you", update forms), and its `refresh` gives each
 * reader their own view: Teams refreshes it for everyone in a chat of up to 60, and for the listed users above that.
 */
export type Audience = 'viewer' | 'conversation';

const seenByOthers = (viewer: Viewer, audience: Audience): boolean => audience === 'conversation' && viewer.where !== 'personal';

export interface CardOptions {
  readonly audience: Audience;
  /** Teams user ids the card is sent to: automatic refresh for them, whatever the chat's size. */
  readonly recipientUserIds?: readonly string[];
  readonly now: Date;
  /** When the card answers a question: why it matched, and the filters applied. */
  readonly found?: FoundInput;
}

export const agendaItemCard = (details: ItemDetails, viewer: Viewer, options: CardOptions): AdaptiveCard =>
  renderAgendaItemCard(
    buildAgendaItemView({
      ...details,
      acknowledgement: seenByOthers(viewer, options.audience) ? undefined : details.acknowledgement,
      showRestrictedDocuments: mayViewRestrictedPapers(viewer, details.item.committeeId),
      recipientUserIds: options.recipientUserIds,
      now: options.now,
      ...(options.found ? { found: options.found } : {}),
    }),
  );

/**
 * "Start action plan" is offered to an officer in their own chat only: a card in a channel or group chat is read by
 * members too, who must never see it (the verb refuses them anyway).
 */
export const decisionCard = (details: Pick<DecisionDetails, 'decision' | 'statuses' | 'actionPlan'>, viewer: Viewer, found?: FoundInput): AdaptiveCard =>
  renderDecisionCard(buildDecisionView({
    ...details,
    showRestrictedDocuments: mayViewRestrictedPapers(viewer, details.decision.committeeId),
    mayStartActionPlan: viewer.where === 'personal' && isOfficer(viewer.member),
    ...(found ? { found } : {}),
  }));

/** The "Start action plan" form, fresh or as the officer typed it with why it was refused. */
export const actionPlanFormCard = (details: ActionPlanFormDetails, refused?: { readonly typed: TypedPlan; readonly problems: readonly string[] }): AdaptiveCard =>
  renderActionPlanFormCard(buildActionPlanFormView({ ...details, ...(refused ?? {}) }));

/** In a channel or group chat the digest is everyone's: it leaves out the asker's own acknowledgements. */
export const meetingDigestCard = (agenda: MeetingAgenda, viewer: Viewer): AdaptiveCard =>
  renderMeetingDigestCard(buildMeetingDigestView({ ...agenda, myAcknowledgements: viewer.where === 'personal' ? agenda.myAcknowledgements : undefined }));

export const actionPlanCard = (
  details: ActionPlanDetails,
  viewer: Viewer,
  options: CardOptions & { readonly view?: PlanView; readonly typed?: TypedUpdate },
): AdaptiveCard =>
  renderActionPlanCard(
    buildActionPlanView({
      ...details,
      ...(options.view ? { view: options.view } : {}),
      ...(options.typed ? { typed: options.typed } : {}),
      viewer: seenByOthers(viewer, options.audience) ? undefined : viewer.member,
      recipientUserIds: options.recipientUserIds,
      now: options.now,
    }),
  );

export const acknowledgementReportCard = (report: AcknowledgementReport, now: Date): AdaptiveCard =>
  renderAcknowledgementReportCard(
    buildAcknowledgementReportView({ item: report.details.item, committee: report.details.committee, meeting: report.details.meeting, audience: report.audience, acknowledgements: report.acknowledgements, now }),
  );

export const searchResultsCard = (query: string, hits: readonly SearchHit[], list?: { heading: string; noun: string }): AdaptiveCard =>
  renderSearchResultsCard(buildSearchResultsView({ query, hits, ...list }));

export const helpCard = (member?: Member): AdaptiveCard =>
  renderHelpCard(buildHelpView({ member }));
