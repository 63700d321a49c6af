import type { Outcome, OutcomeStatus } from '../domain';

/** The statuses an import can work out from a page, in lifecycle order; the rest come from events after import. */
const IMPORT_ORDER: readonly OutcomeStatus[] = ['scheduled', 'made', 'call-in-open', 'effective'];

/** Outcomes are the same one when number, verb and target agree. */
const outcomeKey = (o: Outcome): string => `${o.number}|${o.verb}|${o.target ?? ''}`;

/**
 * On a re-import, an outcome keeps what happened to it since the first import (called in, decided by Council,
 * linked to Council's meeting) unless the page now moves it further along the import's own path
 * (made -> call-in-open once the notice is published). A changed verb makes it a different outcome.
 */
export function carryOutcomeStatuses(imported: readonly Outcome[], previous: readonly Outcome[]): Outcome[] {
  // Indexed once, first outcome of each key kept: a look-up per outcome keeps a page of thousands of outcomes linear.
  const byKey = new Map<string, Outcome>();
  for (const p of previous) if (!byKey.has(outcomeKey(p))) byKey.set(outcomeKey(p), p);
  return imported.map((outcome) => carryOutcomeStatus(outcome, byKey.get(outcomeKey(outcome))));
}

function carryOutcomeStatus(imported: Outcome, before: Outcome | undefined): Outcome {
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
