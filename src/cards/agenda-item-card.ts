import type { Acknowledgement, AgendaItem, Committee, Decision, DecisionType, Meeting } from '../domain';
import { formatDateTime, formatWhen } from './format-date';
import { userSpecificRefresh } from './refresh';
import { renderTemplate, type AdaptiveCard } from './templates';
import { documentViews, type DocumentView } from './documents';
import { buildFoundView, type FoundInput, type FoundView } from './found-passage';
import { itemStandingText, meetingStatusText } from './status-text';
import { clip, firstOf, plural, safeUrl } from './text';

export interface AgendaItemView extends FoundView {
  readonly committeeId: string;
  readonly agendaItemId: string;
  readonly committeeName: string;
  /** "Wed 16 June 2021, 6.30pm"; empty when the item is not yet on a meeting. */
  readonly meetingWhen: string;
  readonly venue: string;
  /** "🚫 This meeting has been cancelled."; '' for a meeting that goes ahead. */
  readonly meetingStatusText: string;
  /** "✖️ Withdrawn from the agenda" (then there is nothing to acknowledge); '' for an item on it. */
  readonly withdrawnText: string;
  /** "Item 5"; empty when the agenda gives no number. */
  readonly itemLabel: string;
  readonly title: string;
  /** "Non-key decision · For decision". */
  readonly tagsText: string;
  readonly exempt: boolean;
  readonly exemptText: string;
  readonly exemptReason: string;
  readonly summary: string;
  readonly portfolioHolder: string;
  /** "Andrew Cotton, Director for Housing and Communities". */
  readonly leadOfficer: string;
  readonly recommendations: readonly { readonly number: string; readonly text: string }[];
  readonly documents: readonly DocumentView[];
  /** "1 restricted paper is not shown here." */
  readonly restrictedText: string;
  /** With no papers listed, what is true: "No papers published yet." before the meeting, "No papers are recorded
   *  here for this item." once it has met or decided. */
  readonly noPapersText: string;
  /** The item's page on the council website (ModernGov), http(s) only, for its papers when none are listed; ''. */
  readonly papersUrl: string;
  readonly decisionId: string;
  readonly actionPlanId: string;
  /** This viewer's own state: the card is user-specific once refreshed. */
  readonly acknowledged: boolean;
  /** "Acknowledged by you, 10.32am". */
  readonly acknowledgedText: string;
  /** Teams user ids (MRIs) of everyone the card is sent to: they get their own view through `refresh`. */
  readonly recipientUserIds: readonly string[];
}

export interface AgendaItemCardInput {
  readonly item: AgendaItem;
  readonly committee: Committee;
  readonly meeting?: Meeting;
  /** The decision on the item, once made: gives key or non-key and the "View decision" button. */
  readonly decision?: Decision;
  /** Key or non-key where known before the decision (from the forward plan); the decision's own type wins. */
  readonly decisionType?: DecisionType;
  /** The id of the decision's action plan, if it has one: the card's "Action plan" button. */
  readonly actionPlanId?: string;
  /** The viewer's own acknowledgement, when the card is rendered for one person. */
  readonly acknowledgement?: Acknowledgement;
  /** Restricted papers are listed only where the audience is the committee itself. */
  readonly showRestrictedDocuments?: boolean;
  readonly recipientUserIds?: readonly string[];
  readonly now: Date;
  /** When the card answers a search: why it matched and the filters applied. */
  readonly found?: FoundInput;
}

// Budgets that keep the card under the size limit with the longest imported text.
const LIMITS = { title: 300, summary: 1500, recommendation: 500, recommendations: 10, documents: 10, documentTitle: 150, person: 150 };

const decisionTypeLabels: Record<DecisionType, string> = { key: 'Key decision', 'non-key': 'Non-key decision', unknown: '' };

export const EXEMPT_TEXT = 'Exempt: confidential (Part 2, Schedule 12A to the Local Government Act 1972). Do not share.';

export const buildAgendaItemView = (input: AgendaItemCardInput): AgendaItemView => {
  const { item, committee, meeting, decision, acknowledgement, now } = input;
  const type = decision?.type ?? input.decisionType ?? 'unknown';
  const tags = [decisionTypeLabels[type], item.forDecision ? 'For decision' : 'For information'].filter((t) => t !== '');
  const { documents, restrictedCount } = documentViews(item.documents, {
    showRestricted: input.showRestrictedDocuments ?? false,
    max: LIMITS.documents,
    titleMax: LIMITS.documentTitle,
  });
  const officer = item.leadOfficer ? [item.leadOfficer.name, item.leadOfficer.role].filter(Boolean).join(', ') : '';
  return {
    committeeId: item.committeeId,
    agendaItemId: item.id,
    committeeName: committee.name,
    meetingWhen: meeting ? formatDateTime(meeting.startsAt) : '',
    venue: meeting?.venue ? clip(meeting.venue, LIMITS.person) : '',
    meetingStatusText: meetingStatusText(meeting),
    withdrawnText: itemStandingText(item),
    itemLabel: item.number ? `Item ${item.number}` : '',
    title: clip(item.title, LIMITS.title),
    tagsText: tags.join(' · '),
    exempt: item.exempt,
    exemptText: item.exempt ? EXEMPT_TEXT : '',
    exemptReason: item.exempt && item.exemptReason ? clip(item.exemptReason, LIMITS.person) : '',
    summary: clip(item.summary, LIMITS.summary),
    portfolioHolder: item.portfolioHolder ? clip(item.portfolioHolder, LIMITS.person) : '',
    leadOfficer: clip(officer, LIMITS.person),
    recommendations: firstOf(item.recommendations, LIMITS.recommendations).shown.map((text, i) => ({
      number: String(i + 1),
      text: clip(text, LIMITS.recommendation),
    })),
    documents,
    restrictedText: restrictedCount > 0 ? `${plural(restrictedCount, 'restricted paper')} not shown here.` : '',
    noPapersText: decision || (meeting && meeting.startsAt <= now.toISOString()) ? 'No papers are recorded here for this item.' : 'No papers published yet.',
    papersUrl: documents.length === 0 ? (safeUrl(item.source?.url) ?? safeUrl(decision?.source?.url) ?? safeUrl(meeting?.source?.url) ?? '') : '',
    decisionId: decision?.id ?? '',
    actionPlanId: input.actionPlanId ?? '',
    acknowledged: acknowledgement !== undefined,
    acknowledgedText: acknowledgement ? `Acknowledged by you, ${formatWhen(acknowledgement.acknowledgedAt, now)}` : '',
    recipientUserIds: input.recipientUserIds ?? [],
    ...buildFoundView(input.found),
  };
};

export const renderAgendaItemCard = (view: AgendaItemView): AdaptiveCard => ({
  ...renderTemplate('agenda-item', view),
  refresh: userSpecificRefresh(view.recipientUserIds, { committeeId: view.committeeId, agendaItemId: view.agendaItemId }),
});
