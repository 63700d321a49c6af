import type { Store } from '../../../src/store/port';
import {
  acknowledgement, actionUpdate, alanPearson, andrewCotton, cabinet, cabinetJuly, communitySafetyDecision, communitySafetyItem,
  communitySafetyPlan, conversation, delivery, fullCouncil, notification, ronanHolmes, sarahWhitcombe, scrutiny,
} from '../../contract/council-fixtures';

/**
 * A store holding at least one record of every kind the Store port writes, with history: an agenda item and a decision
 * replaced after their import (write counts of 2 and a change history), an action plan with its updates, a delivery
 * per member, handled-activity claims. What a store moved between adapters must carry over, unchanged.
 */
export async function fillEveryKind(store: Store): Promise<void> {
  for (const committee of [cabinet, fullCouncil, scrutiny]) await store.committees.create(committee);
  for (const member of [alanPearson, ronanHolmes, sarahWhitcombe, andrewCotton]) await store.members.create(member);
  await store.meetings.create(cabinetJuly);
  const item = await store.agendaItems.create(communitySafetyItem);
  if (!item.created) throw new Error('fixture item existed');
  await store.agendaItems.replace(
    {
      ...communitySafetyItem,
      title: 'Approval of the Community Safety Partnership Strategic Plan 2021-24',
      history: [{ at: '2021-07-02T10:00:00.000Z', by: 'helen-marsh', changes: [{ field: 'title', from: communitySafetyItem.title, to: 'Approval of the Community Safety Partnership Strategic Plan 2021-24' }] }],
    },
    item.record.etag,
  );
  const decision = await store.decisions.create(communitySafetyDecision);
  if (!decision.created) throw new Error('fixture decision existed');
  await store.decisions.replace({ ...communitySafetyDecision, publishedOn: '2021-07-16' }, decision.record.etag);
  await store.acknowledgements.create(acknowledgement(alanPearson.id, communitySafetyItem.id, '2021-07-08T10:32:00.000Z'));
  await store.acknowledgements.create(acknowledgement(ronanHolmes.id, communitySafetyItem.id, '2021-07-09T08:05:00.000Z'));
  await store.actionPlans.create(communitySafetyPlan);
  await store.actionPlans.appendUpdate(actionUpdate('upd-1', '2021-08-01T09:00:00.000Z', 20));
  await store.actionPlans.appendUpdate(actionUpdate('upd-2', '2021-09-01T09:00:00.000Z', 45));
  await store.conversations.upsert(conversation('a:1personal-cllr-alan-pearson', alanPearson.id, '2021-07-01T09:00:00.000Z'));
  await store.conversations.upsert(conversation('19:cabinet-channel@thread.tacv2', undefined, '2021-07-01T09:00:00.000Z'));
  await store.notifications.create(notification({ id: 'n-1', sendAt: '2021-07-07T09:00:00.000Z' }));
  for (const member of [alanPearson, ronanHolmes]) await store.notifications.createDelivery(delivery('n-1', member));
  await store.dueWork.create({ id: 'notification-n-1', kind: 'notification', notificationId: 'n-1', dueAt: '2021-07-07T09:00:00.000Z', failures: 0, updatedAt: '2021-07-06T09:00:00.000Z' });
  await store.leases.acquire('outbox-sender', 'instance-a', new Date('2021-07-07T09:00:00.000Z'), 15_000);
  await store.sync.putMeeting({
    committeeId: 'cabinet', modernGovMeetingId: '2841', meetingId: 'mtg-2841', contentHash: 'c'.repeat(64), agendaPublished: true,
    decisionPagesImported: ['17241'], syncedAt: '2021-07-07T09:00:00.000Z',
  });
  await store.sync.putRun({
    committeeId: 'cabinet', modernGovCommitteeId: '133', startedAt: '2021-07-07T09:00:00.000Z', finishedAt: '2021-07-07T09:00:04.000Z',
    dryRun: false, meetingsSeen: 1, imported: 1, unchanged: 0, failed: [], membershipProposals: [],
  });
  await store.activities.claim('a:1personal-cllr-alan-pearson|1:activity-1', new Date().toISOString());
  await store.activities.claim('welcome|cllr-alan-pearson', new Date().toISOString());
  await store.audit.append({
    id: 'a-2021-07-07-view', at: '2021-07-07T10:00:00.000Z', action: 'exempt.viewed', requestId: 'req-1',
    actor: { id: '6f1c2a7e-3b9d-4c5e-8a21-0d4e5f6a7b8c', name: 'Cllr Alan Pearson', memberId: 'cllr-alan-pearson', via: 'teams' },
    target: { kind: 'agendaItem', id: 'ai-community-safety-strategy', label: 'Community Safety Strategy' }, details: { committeeId: 'cabinet' },
  });
}
