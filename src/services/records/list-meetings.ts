import type { Meeting } from '../../domain';
import type { MeetingFilter, Page, Store } from '../../store/port';

/** The officer's list of meetings: soonest first, filtered by committee and period, a page at a time. */
export async function listMeetings(
  filter: MeetingFilter,
  paging: { readonly continuation?: string; readonly pageSize: number },
  store: Pick<Store, 'meetings'>,
): Promise<Page<Meeting>> {
  return store.meetings.listPage(filter, paging.continuation, paging.pageSize);
}
