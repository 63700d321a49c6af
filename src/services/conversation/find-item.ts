import type { Viewer } from '../../domain';
import { askQuestion } from './ask-question';
import type { ConversationDeps } from './conversation-deps';
import { detailsOf, type ItemDetails } from './item-details';
import { committeesOf } from './meeting-agenda';
import { mayView } from '../../domain';

export type ItemAnswer = { readonly kind: 'found'; readonly details: ItemDetails } | { readonly kind: 'nothing-found'; readonly asked: string };

/**
 * "item 6": that number on the next agenda of my committees; "item community safety": the best match by words.
 */
export async function findItem(request: { number: string } | { query: string }, viewer: Viewer, deps: ConversationDeps): Promise<ItemAnswer> {
  const { store } = deps;
  if ('number' in request) {
    // Each committee's next meeting, soonest first: committees are listed by name, and the next agenda is the soonest.
    const nextMeetings = (
      await Promise.all((await committeesOf(viewer, store)).map((committee) => store.meetings.listUpcoming(committee.id, deps.now(), 1)))
    )
      .flat()
      .sort((a, b) => a.startsAt.localeCompare(b.startsAt));
    for (const meeting of nextMeetings) {
      const item = (await store.agendaItems.listByMeeting(meeting.committeeId, meeting.id)).find((i) => i.number?.toLowerCase() === request.number.toLowerCase());
      if (item && mayView(viewer, item)) return { kind: 'found', details: await detailsOf(item, viewer, store) };
    }
    return { kind: 'nothing-found', asked: `item ${request.number}` };
  }
  for (const result of (await askQuestion(request.query, viewer, deps)).results) {
    if (!result.itemId) continue;
    const item = (await store.agendaItems.get(result.committeeId, result.itemId))?.value;
    if (item && mayView(viewer, item)) return { kind: 'found', details: await detailsOf(item, viewer, store) };
  }
  return { kind: 'nothing-found', asked: request.query };
}
