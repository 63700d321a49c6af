import { describeOutcomeStatus, mayView, type AgendaItem, type Committee, type Decision, type Meeting, type StatusDescription, type Viewer } from '../../domain';
import type { ResultListing } from '../search';

/** How many working days call-in runs for a committee the index knows without one (the usual period). */
const DEFAULT_CALL_IN_WORKING_DAYS = 5;

/**
 * A hit as a result list shows it: what the list line needs (title, committee, when, where it stands), and the
 * locators to open or share it. A FoundHit (the whole records) is one too; a hit listed from the search index holds
 * these fields and no more.
 */
export type ListedHit =
  | {
      readonly kind: 'agenda-item';
      readonly item: Pick<AgendaItem, 'id' | 'committeeId' | 'title' | 'exempt'> & Partial<Pick<AgendaItem, 'number' | 'withdrawnAt'>>;
      readonly committee: Pick<Committee, 'name'>;
      readonly meeting?: Pick<Meeting, 'startsAt' | 'status'>;
    }
  | {
      readonly kind: 'decision';
      readonly decision: Pick<Decision, 'id' | 'committeeId' | 'title'> & Partial<Pick<Decision, 'decidedOn'>>;
      readonly committee: Pick<Committee, 'name'>;
      /** The status most worth showing in a one-line list: the first outcome still in progress. */
      readonly status?: StatusDescription;
    };

/**
 * A search result as a list shows it, from what the index holds (no store read); undefined when the viewer may not
 * see it (exempt business: only to those entitled, in a personal chat) or the index no longer has its committee.
 * A decision's status is worked out as of `today` (yyyy-mm-dd, London), as a status answer's is.
 */
export const listedHit = ({ facts, committee, meetings }: ResultListing, viewer: Viewer, today: string): ListedHit | undefined => {
  if (!committee || !mayView(viewer, facts)) return undefined;
  const { listing } = facts;
  if (listing.kind === 'agenda-item') {
    const meeting = facts.meetingId !== undefined ? meetings.get(facts.meetingId) : undefined;
    return {
      kind: 'agenda-item',
      item: { id: facts.recordId, committeeId: facts.committeeId, title: facts.title, exempt: facts.exempt, ...listing.item },
      committee: { name: committee.name },
      ...(meeting ? { meeting } : {}),
    };
  }
  const decision = {
    ...listing.decision,
    ...(facts.decidedOn !== undefined ? { decidedOn: facts.decidedOn } : {}),
    ...(facts.publishedOn !== undefined ? { publishedOn: facts.publishedOn } : {}),
    ...(listing.decision.sourceKind !== undefined ? { source: { kind: listing.decision.sourceKind } } : {}),
  };
  // In the order of their numbers, as a decision's statuses are listed (decision-statuses.ts).
  const statuses = [...listing.outcomes].sort((a, b) => a.number - b.number).map((outcome) => {
    const councilMeeting = outcome.councilMeetingId !== undefined ? meetings.get(outcome.councilMeetingId) : undefined;
    return describeOutcomeStatus(outcome, decision, {
      today,
      callInWorkingDays: committee.callInWorkingDays ?? DEFAULT_CALL_IN_WORKING_DAYS,
      ...(councilMeeting ? { councilMeeting } : {}),
    });
  });
  const status = statuses.find((s) => !s.final) ?? statuses[0];
  return {
    kind: 'decision',
    decision: { id: facts.recordId, committeeId: facts.committeeId, title: facts.title, ...(facts.decidedOn !== undefined ? { decidedOn: facts.decidedOn } : {}) },
    committee: { name: committee.name },
    ...(status ? { status } : {}),
  };
};
