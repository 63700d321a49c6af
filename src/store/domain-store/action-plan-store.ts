import type { ActionPlan, ActionUpdate } from '../../domain';
import type { ActionPlanStore } from '../port';
import type { TypedDocuments } from './typed-documents';

export const actionPlanStore = (
  plans: TypedDocuments<ActionPlan>,
  updates: TypedDocuments<ActionUpdate>,
): ActionPlanStore => {
  const findByDecision: ActionPlanStore['findByDecision'] = (committeeId, decisionId) =>
    plans.only({
      partitionKey: committeeId,
      where: [{ path: 'data.decisionId', op: '=', value: decisionId }],
    });
  return {
    create: (plan) => plans.create(plan),
    get: (committeeId, id) => plans.get(committeeId, id),
    findById: (id) => plans.only({ where: [{ path: 'id', op: '=', value: plans.documentId(id) }] }),
    findByDecision,
    idByDecision: async (committeeId, decisionId) => (await findByDecision(committeeId, decisionId))?.value.id,
    // Cross-partition, in the background only (the mirror's load). Whole plans are read: the document query has no
    // projection; a council has tens to hundreds of plans, and the load runs when a plan is created, not per turn.
    listDecisionLinks: async () =>
      (await plans.values({})).map((p) => ({ committeeId: p.committeeId, decisionId: p.decisionId, actionPlanId: p.id })),
    replace: (plan, etag) => plans.replace(plan, etag),
    listByCommittee: (committeeId) => plans.values({ partitionKey: committeeId, orderBy: { path: 'id', direction: 'asc' } }),
    // Cross-partition: an owner's actions follow decisions of any committee.
    listByOwner: (memberId) =>
      plans.values({
        where: [{ path: 'ix.ownerMemberIds', op: 'contains', value: memberId }],
      }),
    // Cross-partition, once a day (the overdue-actions sweep): only plans with an action not done that fell due before.
    listWithOverdueActions: (today) =>
      plans.values({ where: [{ path: 'ix.earliestOpenDueOn', op: '<', value: today }] }),
    appendUpdate: (update) => updates.create(update),
    listUpdates: (committeeId, actionPlanId) =>
      updates.values({
        partitionKey: committeeId,
        where: [{ path: 'data.actionPlanId', op: '=', value: actionPlanId }],
        orderBy: { path: 'ix.atMs', direction: 'asc' },
      }),
  };
};
