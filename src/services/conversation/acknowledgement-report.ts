import { DomainError, isOfficer, isWithdrawn, sittingCouncillors, type Acknowledgement, type Member, type Viewer } from '../../domain';
import type { ConversationDeps } from './conversation-deps';
import { loadItemDetails, type ItemDetails } from './item-details';

export interface AcknowledgementReport {
  readonly details: ItemDetails;
  /** The councillors sitting on the item's committee (former members are not): who should have read it. */
  readonly audience: readonly Member[];
  readonly acknowledgements: readonly Acknowledgement[];
  readonly outstanding: readonly Member[];
}

/** Officers only: who of the committee has acknowledged an item, and who has not. */
export async function acknowledgementReport(locator: { committeeId: string; agendaItemId: string }, viewer: Viewer, deps: ConversationDeps): Promise<AcknowledgementReport> {
  requireOfficer(viewer);
  const details = await loadItemDetails(locator, viewer, deps);
  const [members, acknowledgements] = await Promise.all([
    deps.store.members.listByCommittee(details.item.committeeId),
    deps.store.acknowledgements.listByAgendaItem(details.item.id),
  ]);
  const audience = sittingCouncillors(members, details.item.committeeId);
  const done = new Set(acknowledgements.map((a) => a.memberId));
  // A withdrawn item is nobody's to read, so nobody is outstanding (and nobody is reminded of it).
  const outstanding = isWithdrawn(details.item) ? [] : audience.filter((m) => !done.has(m.id));
  return { details, audience, acknowledgements, outstanding };
}

export function requireOfficer(viewer: Viewer): void {
  if (!isOfficer(viewer.member)) {
    throw new DomainError('forbidden', 'Only officers can see who has read the papers or send reminders. Ask democratic services if you need this.');
  }
}
