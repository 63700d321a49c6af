import { DomainError, isOfficer, sitsOn, type Acknowledgement, type Viewer } from '../../domain';
import type { ConversationDeps } from './conversation-deps';
import { loadItemDetails, type ItemDetails } from './item-details';

export interface AcknowledgeResult {
  readonly details: ItemDetails;
  readonly acknowledgement: Acknowledgement;
  /** False when the member had already acknowledged: the first record stands, never edited. */
  readonly recorded: boolean;
}

/**
 * Records that a member has read an item. The member is the one Teams authenticated (the viewer), never
 * anyone named in card data; one record per member per item, so a second press answers the first record.
 */
export async function acknowledgeItem(
  locator: { committeeId: string; agendaItemId: string },
  viewer: Viewer,
  via: Acknowledgement['via'],
  deps: ConversationDeps,
): Promise<AcknowledgeResult> {
  const member = viewer.member;
  if (!member) {
    throw new DomainError('forbidden', 'You are not on the council roster yet, so your acknowledgement cannot be recorded. Ask democratic services to add you.');
  }
  const details = await loadItemDetails(locator, viewer, deps, { acknowledgement: false });
  if (!sitsOn(member, details.item.committeeId) && !isOfficer(member)) {
    throw new DomainError('forbidden', `Only members of ${details.committee.name} acknowledge its papers.`);
  }
  const result = await deps.store.acknowledgements.create({
    agendaItemId: details.item.id,
    committeeId: details.item.committeeId,
    memberId: member.id,
    acknowledgedAt: deps.now().toISOString(),
    via,
  });
  const acknowledgement = result.created ? result.record.value : result.existing.value;
  return { details: { ...details, acknowledgement }, acknowledgement, recorded: result.created };
}
