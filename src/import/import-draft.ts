import type { AgendaItem, Decision, DecisionType, DocumentLink, Source } from '../domain';
import type { ImportWarning } from './import-warning';
import type { ParsedOutcome } from './outcome-line';
import type { SourceKey } from './source-keys';

/**
 * What a page says, in the domain's words but before it is placed: no committee, ids or history yet.
 * The import use case finds the committee and meeting, the records an earlier import stored, and then
 * builds the records to store.
 */

/** The agenda item fields a page provides. Fields a page does not have are left out, so that a re-import from
 *  a thinner source (the web service has no summary) never blanks what a richer one (the item page) stored. */
export type AgendaItemFields = Partial<Pick<AgendaItem,
  'number' | 'summary' | 'portfolioHolder' | 'leadOfficer' | 'documents' | 'forDecision' | 'exemptReason' | 'minutes'>> &
  Pick<AgendaItem, 'title' | 'titleAsPublished' | 'exempt'>;

export interface AgendaItemDraft {
  readonly key: SourceKey;
  readonly sourceKind: Source['kind'];
  readonly fields: AgendaItemFields;
  /** Where in the page, for messages: "agenda item 6 (ModernGov id 17241)". */
  readonly where: string;
}

export type DecisionFields = Pick<Decision,
  'title' | 'decisionMaker' | 'reasons' | 'alternatives' | 'minutes' | 'discussionPoints' | 'documents' | 'exempt'> &
  Partial<Pick<Decision, 'subjectToCallIn' | 'purpose' | 'publishedStatus' | 'decidedOn' | 'publishedOn'>> & {
    readonly type: DecisionType;
  };

export interface DecisionDraft {
  readonly key: SourceKey;
  readonly sourceKind: Source['kind'];
  readonly fields: DecisionFields;
  /** Outcomes as printed; their status depends on the committee and dates, so it is set when placed. */
  readonly outcomes: (ParsedOutcome & { readonly verb: NonNullable<ParsedOutcome['verb']> })[];
  /** ModernGov's meeting id of "Decided at meeting:", to link the meeting where it was imported. */
  readonly modernGovMeetingId?: string;
}

export interface MeetingDraft {
  readonly key: SourceKey;
  readonly modernGovId: string;
  /** yyyy-mm-dd and HH:MM, Europe/London. */
  readonly date?: string;
  readonly time?: string;
  readonly venue?: string;
  /** ModernGov says the meeting is cancelled or postponed; absent, it goes ahead. */
  readonly state?: 'cancelled' | 'postponed';
  /** ModernGov says whether its agenda is published; absent when the page does not say. */
  readonly agendaPublished?: boolean;
}

export interface ImportDraft {
  /** Which kind of page it was, for messages. */
  /** 'meeting-xml-decision': one item's decision from GetMeeting's own text, when its decision page cannot be had. */
  readonly pageKind: 'agenda-item-text' | 'decision-details' | 'meeting-xml' | 'meeting-xml-decision';
  /** The names the page gives its decision maker or committee, most telling first ("Cabinet"). */
  readonly committeeNames: string[];
  /** ModernGov's committee id (CId, committeeid), matched against Committee.externalId. */
  readonly modernGovCommitteeId?: string;
  readonly meeting?: MeetingDraft;
  readonly agendaItems: AgendaItemDraft[];
  readonly decision?: DecisionDraft;
  readonly warnings: ImportWarning[];
}

/** Keeps a document's URL only when it is absolute; DocumentLink requires a URL or none. */
export const documentLink = (d: { title: string; url?: string | undefined; restricted?: boolean; publishedOn?: string | undefined }): DocumentLink => ({
  title: d.title,
  ...(d.url ? { url: d.url } : {}),
  restricted: d.restricted ?? false,
  ...(d.publishedOn ? { publishedOn: d.publishedOn } : {}),
});
