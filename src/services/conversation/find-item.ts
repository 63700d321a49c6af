import { mayView, type AgendaItem, type Viewer } from '../../domain';
import { shownItem } from '../audit/exempt-views';
import { askQuestion } from './ask-question';
import { askerFor } from './asker';
import type { ConversationDeps } from './conversation-deps';
import { detailsOf, type ItemDetails } from './item-details';
import { committeesOf } from './meeting-agenda';
import { itemNaming, type ItemNaming } from './name-item';

export type ItemAnswer = { readonly kind: 'found'; readonly details: ItemDetails } | { readonly kind: 'nothing-found'; readonly asked: string };

export interface FindItemOptions {
  /** Of the items the words match, one of a coming meeting first (officers' report, remind and notify are about
   *  what members still have to read, not what was decided long ago). */
  readonly preferUpcoming?: boolean;
}

/** How many of the best matches by words are looked at for one of a coming meeting. */
const UPCOMING_CANDIDATES = 5;

/**
 * "item 6", "6": that number on the next agenda of my committees; "item community safety": the item named by its id
 * or by words of its title, else the best match by words. Every item command names items this way (name-item.ts).
 */
export async function findItem(request: ItemNaming, viewer: Viewer, deps: ConversationDeps, options: FindItemOptions = {}): Promise<ItemAnswer> {
  const { store } = deps;
  const naming = 'number' in request ? request : itemNaming(request.query);
  if ('number' in naming) {
    // Each committee's next meeting, soonest first: committees are listed by name, and the next agenda is the soonest.
    const nextMeetings = (
      await Promise.all((await committeesOf(viewer, store)).map((committee) => store.meetings.listUpcoming(committee.id, deps.now(), 1)))
    )
      .flat()
      .sort((a, b) => a.startsAt.localeCompare(b.startsAt));
    for (const meeting of nextMeetings) {
      const item = (await store.agendaItems.listByMeeting(meeting.committeeId, meeting.id)).find((i) => i.number?.toLowerCase() === naming.number.toLowerCase());
      if (item && mayView(viewer, item)) return found(item, viewer, deps);
    }
    return { kind: 'nothing-found', asked: `item ${naming.number}` };
  }
  const candidates: AgendaItem[] = [];
  const named = await deps.search.itemNamed(naming.query, askerFor(viewer));
  if (named) {
    const committeeIds = named.committeeId ? [named.committeeId] : (await store.committees.list()).map((c) => c.id);
    for (const committeeId of committeeIds) {
      const item = (await store.agendaItems.get(committeeId, named.itemId))?.value;
      if (item && mayView(viewer, item)) {
        candidates.push(item);
        break;
      }
    }
  }
  for (const result of (await askQuestion(naming.query, viewer, deps)).results) {
    if (candidates.length >= UPCOMING_CANDIDATES || (candidates.length > 0 && !options.preferUpcoming)) break;
    if (!result.itemId || candidates.some((c) => c.id === result.itemId)) continue;
    const item = (await store.agendaItems.get(result.committeeId, result.itemId))?.value;
    if (item && mayView(viewer, item)) candidates.push(item);
  }
  if (candidates.length === 0) return { kind: 'nothing-found', asked: naming.query };
  const chosen = options.preferUpcoming ? ((await firstUpcoming(candidates, deps)) ?? candidates[0]!) : candidates[0]!;
  return found(chosen, viewer, deps);
}

async function found(item: AgendaItem, viewer: Viewer, deps: ConversationDeps): Promise<ItemAnswer> {
  const details = await detailsOf(item, viewer, deps.store);
  await deps.views.shown(viewer, [shownItem(item)]);
  return { kind: 'found', details };
}

async function firstUpcoming(items: readonly AgendaItem[], deps: ConversationDeps): Promise<AgendaItem | undefined> {
  const now = deps.now().toISOString();
  for (const item of items) {
    const meeting = item.meetingId ? (await deps.store.meetings.get(item.committeeId, item.meetingId))?.value : undefined;
    if (meeting && meeting.startsAt >= now && meeting.status !== 'cancelled') return item;
  }
  return undefined;
}
