import {
  buildAcknowledgementReportView, buildActionPlanView, buildAgendaItemView, buildDecisionView, buildHelpView, buildMeetingDigestView,
  buildSearchResultsView, renderAcknowledgementReportCard, renderActionPlanCard, renderAgendaItemCard, renderDecisionCard,
  renderHelpCard, renderMeetingDigestCard, renderSearchResultsCard, type AdaptiveCard, type HelpExample, type SearchHit,
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

export const meetingDigestCard = (agenda: MeetingAgenda): AdaptiveCard => renderMeetingDigestCard(buildMeetingDigestView(agenda));

export const actionPlanCard = (details: ActionPlanDetails, viewer: Viewer, now: Date): AdaptiveCard =>
  renderActionPlanCard(buildActionPlanView({ ...details, viewer: viewer.member, now }));

export const acknowledgementReportCard = (report: AcknowledgementReport, now: Date): AdaptiveCard =>
  renderAcknowledgementReportCard(
    buildAcknowledgementReportView({ item: report.details.item, committee: report.details.committee, meeting: report.details.meeting, audience: report.audience, acknowledgements: report.acknowledgements, now }),
  );

export const searchResultsCard = (query: string, hits: readonly SearchHit[]): AdaptiveCard => renderSearchResultsCard(buildSearchResultsView({ query, hits }));

/** The chat commands, as the help card lists them (the manifest's command list says the same). */
export const COMMAND_EXAMPLES: readonly HelpExample[] = [
  { text: 'status community safety strategy', meaning: 'where a decision has got to, and what happens next' },
  { text: 'agenda', meaning: 'the next meetings of your committees and their items' },
  { text: "what's on Cabinet next week", meaning: 'one committee, one week' },
  { text: 'item 6', meaning: 'an agenda item by its number (or by words)' },
  { text: 'decisions', meaning: 'decisions of the last 30 days' },
  { text: 'pending', meaning: 'items waiting for your acknowledgement' },
  { text: 'actions', meaning: 'actions you own, overdue first' },
];

export const OFFICER_COMMAND_EXAMPLES: readonly HelpExample[] = [
  { text: 'report community safety', meaning: 'who has and has not acknowledged an item' },
  { text: 'remind community safety', meaning: 'remind those who have not acknowledged it' },
];

export const helpCard = (member?: Member): AdaptiveCard =>
  renderHelpCard(buildHelpView({ member, examples: COMMAND_EXAMPLES, officerExamples: OFFICER_COMMAND_EXAMPLES }));
