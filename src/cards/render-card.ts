import { renderAcknowledgementReportCard, type AcknowledgementReportView } from './acknowledgement-report-card';
import { renderActionPlanCard, type ActionPlanView } from './action-plan-card';
import { renderActionPlanFormCard, type ActionPlanFormView } from './action-plan-form-card';
import { renderAgendaItemCard, type AgendaItemView } from './agenda-item-card';
import { renderDecisionCard, type DecisionView } from './decision-card';
import { renderErrorCard, type ErrorView } from './error-card';
import { renderHelpCard, type HelpView } from './help-card';
import { renderLinkPreviewCard, type LinkPreviewView } from './link-preview-card';
import { renderMeetingDigestCard, type MeetingDigestView } from './meeting-digest-card';
import { renderNotificationConfirmCard, type NotificationConfirmView } from './notification-confirm-card';
import { renderNotificationProgressCard, type NotificationProgressView } from './notification-progress-card';
import { renderSearchResultsCard, type SearchResultsView } from './search-results-card';
import type { AdaptiveCard, CardName } from './templates';

/** Each card's view model, by template name. */
export interface CardViews {
  'agenda-item': AgendaItemView;
  'meeting-digest': MeetingDigestView;
  decision: DecisionView;
  'action-plan': ActionPlanView;
  'action-plan-form': ActionPlanFormView;
  'acknowledgement-report': AcknowledgementReportView;
  'search-results': SearchResultsView;
  'link-preview': LinkPreviewView;
  help: HelpView;
  error: ErrorView;
  'notification-confirm': NotificationConfirmView;
  'notification-progress': NotificationProgressView;
}

const renderers: { readonly [N in CardName]: (view: CardViews[N]) => AdaptiveCard } = {
  'agenda-item': renderAgendaItemCard,
  'meeting-digest': renderMeetingDigestCard,
  decision: renderDecisionCard,
  'action-plan': renderActionPlanCard,
  'action-plan-form': renderActionPlanFormCard,
  'acknowledgement-report': renderAcknowledgementReportCard,
  'search-results': renderSearchResultsCard,
  'link-preview': renderLinkPreviewCard,
  help: renderHelpCard,
  error: renderErrorCard,
  'notification-confirm': renderNotificationConfirmCard,
  'notification-progress': renderNotificationProgressCard,
};

/** Renders any card by name: for the gallery and for code that picks the card at run time. */
export const renderCard = <N extends CardName>(name: N, view: CardViews[N]): AdaptiveCard => renderers[name](view);
