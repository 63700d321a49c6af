import type { ActionPlan, Decision, DecisionType, Outcome, StatusDescription } from '../domain';
import { EXEMPT_TEXT } from './agenda-item-card';
import { documentViews, type DocumentView } from './documents';
import { buildFoundView, type FoundInput, type FoundView } from './found-passage';
import { formatDayDate } from './format-date';
import { formatStatus } from './status-text';
import { renderTemplate, type AdaptiveCard } from './templates';
import { clip, firstOf, plural, safeUrl } from './text';

export interface OutcomeView {
  readonly number: string;
  /** "NOTED", "RECOMMENDED to Council". */
  readonly verb: string;
  readonly text: string;
  readonly statusHeadline: string;
  readonly statusNext: string;
}

export interface DecisionView extends FoundView {
  readonly committeeId: string;
  readonly decisionId: string;
  readonly agendaItemId: string;
  readonly actionPlanId: string;
  /** An officer, in their own chat, looking at a decision with no plan yet: offered "Start action plan". */
  readonly canStartActionPlan: boolean;
  readonly title: string;
  readonly decisionMaker: string;
  /** "Decided Wed 16 June 2021 · Published Thu 17 June 2021". */
  readonly datesText: string;
  /** "Non-key decision · Subject to call-in". */
  readonly tagsText: string;
  readonly exempt: boolean;
  readonly exemptText: string;
  /** "Decisions (2)". */
  readonly outcomesHeading: string;
  readonly outcomes: readonly OutcomeView[];
  readonly moreOutcomesText: string;
  readonly reasons: readonly string[];
  readonly documents: readonly DocumentView[];
  readonly sourceUrl: string;
}

export interface DecisionCardInput {
  readonly decision: Decision;
  /** Each outcome's status, keyed by outcome number, as computed by domain/decision-status.ts. */
  readonly statuses: Readonly<Record<number, StatusDescription>>;
  readonly actionPlan?: ActionPlan;
  /** Whether the viewer may start the decision's action plan here (an officer, where only they see the card). */
  readonly mayStartActionPlan?: boolean;
  readonly showRestrictedDocuments?: boolean;
  /** When the card answers a search: why it matched and the filters applied. */
  readonly found?: FoundInput;
}

// Fifteen outcomes of the longest text, with reasons, must still fit in 28 KB.
const LIMITS = { title: 300, outcomes: 15, outcomeText: 400, reasons: 4, reason: 500, documents: 5, documentTitle: 150, maker: 150 };

const typeLabels: Record<DecisionType, string> = { key: 'Key decision', 'non-key': 'Non-key decision', unknown: '' };

const callInText = (d: Decision): string => {
  if (d.urgent) return 'Urgent: not subject to call-in';
  if (d.subjectToCallIn === true) return 'Subject to call-in';
  if (d.subjectToCallIn === false) return 'Not subject to call-in';
  return '';
};

const verbOf = (o: Outcome): string => (o.target ? `${o.verb} to ${o.target}` : o.verb);

export const buildDecisionView = (input: DecisionCardInput): DecisionView => {
  const { decision, statuses } = input;
  const { shown, moreCount } = firstOf(decision.outcomes, LIMITS.outcomes);
  const outcomes = shown.map((o): OutcomeView => {
    const status = statuses[o.number];
    // The status is the caller's to compute; showing a guessed one would misinform scrutiny members.
    if (!status) throw new Error(`no status given for outcome ${o.number} of decision ${decision.id}`);
    const text = formatStatus(status);
    return {
      number: String(o.number),
      verb: verbOf(o),
      text: clip(o.text, LIMITS.outcomeText),
      statusHeadline: text.headline,
      statusNext: text.next,
    };
  });
  const dates = [
    decision.decidedOn ? `Decided ${formatDayDate(decision.decidedOn)}` : '',
    decision.publishedOn ? `Published ${formatDayDate(decision.publishedOn)}` : '',
  ].filter((t) => t !== '');
  const { documents } = documentViews(decision.documents, {
    showRestricted: input.showRestrictedDocuments ?? false,
    max: LIMITS.documents,
    titleMax: LIMITS.documentTitle,
  });
  return {
    committeeId: decision.committeeId,
    decisionId: decision.id,
    agendaItemId: decision.agendaItemId ?? '',
    actionPlanId: input.actionPlan?.id ?? '',
    canStartActionPlan: input.actionPlan === undefined && (input.mayStartActionPlan ?? false),
    title: clip(decision.title, LIMITS.title),
    decisionMaker: clip(decision.decisionMaker, LIMITS.maker),
    datesText: dates.join(' · '),
    tagsText: [typeLabels[decision.type], callInText(decision)].filter((t) => t !== '').join(' · '),
    exempt: decision.exempt,
    exemptText: decision.exempt ? EXEMPT_TEXT : '',
    outcomesHeading: decision.outcomes.length > 0 ? `Decisions (${decision.outcomes.length})` : 'Decisions',
    outcomes,
    moreOutcomesText: moreCount > 0 ? `${plural(moreCount, 'more decision')} not shown: see the council's website.` : '',
    reasons: firstOf(decision.reasons, LIMITS.reasons).shown.map((r) => clip(r, LIMITS.reason)),
    documents,
    sourceUrl: safeUrl(decision.source?.url) ?? '',
    ...buildFoundView(input.found),
  };
};

export const renderDecisionCard = (view: DecisionView): AdaptiveCard => renderTemplate('decision', view);
