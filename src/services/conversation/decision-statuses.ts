import { describeOutcomeStatus, type Committee, type Decision, type StatusDescription } from '../../domain';
import type { Store } from '../../store/port';

/**
 * The status of every outcome of a decision, described as a status answer must be: what it is, since when,
 * what comes next and when. A recommendation to Council looks up Full Council's meeting for its date.
 */
export async function describeDecisionStatuses(
  decision: Decision,
  committee: Committee,
  store: Pick<Store, 'committees' | 'meetings'>,
  today: string,
): Promise<Record<number, StatusDescription>> {
  const council = decision.outcomes.some((o) => o.councilMeetingId)
    ? (await store.committees.list()).find((c) => c.kind === 'council')
    : undefined;
  const statuses: Record<number, StatusDescription> = {};
  for (const outcome of decision.outcomes) {
    const councilMeeting = council && outcome.councilMeetingId ? (await store.meetings.get(council.id, outcome.councilMeetingId))?.value : undefined;
    statuses[outcome.number] = describeOutcomeStatus(outcome, decision, {
      today,
      callInWorkingDays: committee.callInWorkingDays,
      councilMeeting,
    });
  }
  return statuses;
}
