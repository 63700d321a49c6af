import {
  buildAcknowledgementReportView, buildActionPlanView, buildAgendaItemView, buildDecisionView, buildHelpView, buildMeetingDigestView,
  buildSearchResultsView, renderAcknowledgementReportCard, renderActionPlanCard, renderAgendaItemCard, renderDecisionCard,
  renderHelpCard, renderMeetingDigestCard, renderSearchResultsCard, type AdaptiveCard, type SearchHit,
} from '../cards';
import { mayViewRestrictedPapers, type Member, type Viewer } from '../domain';
import type { AcknowledgementReport } from '../services/conversation/acknowledgement-report';
import type { ItemDetails } from '../services/conversation/item-details';
import type { MeetingAgenda } from '../services/conversation/meeting-agenda';
import type { DecisionDetails } from '../services/conversation/open-decision';
import type { ActionPlanDetails } from '../services/conversation/open-action-plan';

/** Service results as cards, for one viewer. The only place the Teams adapter turns answers into cards. */

export const agendaItemCard = (details: ItemDetails, viewer: Viewer, options: { recipientUserIds?: readonly string[]; now: Date }): AdaptiveCard =>
  renderAgendaItemCard(
    buildAgendaItemView({
      ...details,
      showRestrictedDocuments: mayViewRestrictedPapers(viewer, details.item.committeeId),
      recipientUserIds: options.recipientUserIds,
      now: options.now,
    }),
  );

export const decisionCard = (details: Pick<DecisionDetails, 'decision' | 'statuses' | 'actionPlan'>, viewer: Viewer): AdaptiveCard =>
  renderDecisionCard(buildDecisionView({ ...details, showRestrictedDocuments: mayViewRestrictedPapers(viewer, details.decision.committeeId) }));

/** In a channel or group chat the digest is everyone's: it leaves out the asker's own acknowledgements. */
export const meetingDigestCard = (agenda: MeetingAgenda, viewer: Viewer): AdaptiveCard =>
  renderMeetingDigestCard(buildMeetingDigestView({ ...agenda, myAcknowledgements: viewer.where === 'personal' ? agenda.myAcknowledgements : undefined }));

export const actionPlanCard = (details: ActionPlanDetails, viewer: Viewer, now: Date): AdaptiveCard =>
  renderActionPlanCard(buildActionPlanView({ ...details, viewer: viewer.member, now }));

export const acknowledgementReportCard = (report: AcknowledgementReport, now: Date): AdaptiveCard =>
  renderAcknowledgementReportCard(
    buildAcknowledgementReportView({ item: report.details.item, committee: report.details.committee, meeting: report.details.meeting, audience: report.audience, acknowledgements: report.acknowledgements, now }),
  );

export const searchResultsCard = (query: string, hits: readonly SearchHit[]): AdaptiveCard => renderSearchResultsCard(buildSearchResultsView({ query, hits }));

export const helpCard = (member?: Member): AdaptiveCard =>
  renderHelpCard(buildHelpView({ member }));
