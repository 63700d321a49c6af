import type { Outcome, OutcomeStatus } from '../domain';

/** The statuses an import can work out from a page, in lifecycle order; the rest come from events after import. */
const IMPORT_ORDER: readonly OutcomeStatus[] = ['scheduled', 'made', 'call-in-open', 'effective'];

const sameOutcome = (a: Outcome, b: Outcome): boolean => a.number === b.number && a.verb === b.verb && a.target === b.target;

/**
 * On a re-import, an outcome keeps what happened to it since the first import (called in, decided by Council,
 * linked to Council's meeting) unless the page now moves it further along the import's own path
 * (made -> call-in-open once the notice is published). A changed verb makes it a different outcome.
 */
export function carryOutcomeStatus(imported: Outcome, previous: readonly Outcome[]): Outcome {
  const before = previous.find((p) => sameOutcome(p, imported));
  if (!before) return imported;
  const from = IMPORT_ORDER.indexOf(before.status);
  const to = IMPORT_ORDER.indexOf(imported.status);
  const advances = from >= 0 && to > from;
  if (advances) return { ...imported, ...(before.councilMeetingId ? { councilMeetingId: before.councilMeetingId } : {}) };
  return {
    ...imported,
    status: before.status,
    ...(before.statusSince ? { statusSince: before.statusSince } : {}),
    ...(before.councilMeetingId ? { councilMeetingId: before.councilMeetingId } : {}),
    ...(before.councilDecisionId ? { councilDecisionId: before.councilDecisionId } : {}),
  };
}
