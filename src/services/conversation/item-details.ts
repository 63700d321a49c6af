import { DomainError, mayView, notFound, type Acknowledgement, type AgendaItem, type Committee, type Decision, type Meeting, type Viewer } from '../../domain';
import type { Store } from '../../store/port';
import { shownItem } from '../audit/exempt-views';
import type { ConversationDeps } from './conversation-deps';

/** Everything an agenda item card shows, for one viewer. */
export interface ItemDetails {
  readonly item: AgendaItem;
  readonly committee: Committee;
  readonly meeting?: Meeting;
  readonly decision?: Decision;
  /**
   * The id of the decision's action plan, if it has one: the card's "Action plan" button is all it shows of the plan,
   * so the plan itself is not read (on Cosmos DB a turn then pays no request for it while the instance knows which
   * plan the decision has: store/mirrored-store.ts). The button's verb reads the plan fresh.
   */
  readonly actionPlanId?: string;
  /** The viewer's own acknowledgement, if they have made one. */
  readonly acknowledgement?: Acknowledgement;
}

/** Loads an item by its locator and checks the viewer may see it (exempt items only to those entitled). */
export async function loadItemDetails(
  locator: { committeeId: string; agendaItemId: string },
  viewer: Viewer,
  deps: Pick<ConversationDeps, 'store' | 'views'>,
  options: DetailsOptions = {},
): Promise<ItemDetails> {
  const { store } = deps;
  const item = (await store.agendaItems.get(locator.committeeId, locator.agendaItemId))?.value;
  if (!item) throw notFound('Agenda item', locator.agendaItemId);
  if (!mayView(viewer, item)) {
    throw new DomainError('forbidden', 'This item is exempt (confidential). It is shown only to members of the committee, in a personal chat with the bot.');
  }
  const details = await detailsOf(item, viewer, store, options);
  await deps.views.shown(viewer, [shownItem(item)]);
  return details;
}

export interface DetailsOptions {
  /**
   * Read the viewer's own acknowledgement (default true). The acknowledge verb leaves it out: its create answers the
   * existing record on a second press, so reading it first would be one more request for nothing.
   */
  readonly acknowledgement?: boolean;
}

/** Everything the card shows, each read once and at once (on Cosmos DB each read is a request: docs/STORE.md). */
export async function detailsOf(item: AgendaItem, viewer: Viewer, store: Store, options: DetailsOptions = {}): Promise<ItemDetails> {
  const [committee, meeting, decision, acknowledgement] = await Promise.all([
    store.committees.get(item.committeeId),
    item.meetingId ? store.meetings.get(item.committeeId, item.meetingId) : undefined,
    store.decisions.findByAgendaItem(item.committeeId, item.id),
    viewer.member && options.acknowledgement !== false ? store.acknowledgements.get(viewer.member.id, item.id) : undefined,
  ]);
  if (!committee) throw notFound('Committee', item.committeeId);
  const actionPlanId = decision ? await store.actionPlans.idByDecision(item.committeeId, decision.value.id) : undefined;
  return { item, committee: committee.value, meeting: meeting?.value, decision: decision?.value, actionPlanId, acknowledgement };
}
