import type { ActionPlan } from '../../src/domain';
import { actionUpdate, alanPearson, andrewCotton, communitySafetyDecision, communitySafetyPlan, ronanHolmes } from './council-fixtures';
import { anEtag, expectDomainError } from './expectations';
import type { CurrentStore } from './store.contract';

export const describeActionPlans = (current: CurrentStore): void => {
  describe('action plans', () => {
    const plan = communitySafetyPlan;
    const leisurePlan: ActionPlan = {
      id: 'plan-leisure',
      committeeId: 'council',
      decisionId: 'dec-council-leisure',
      title: 'Leisure Centre Contract mobilisation',
      actions: [{ id: 'act-l1', title: 'Appoint the operator', ownerMemberId: andrewCotton.id, dueOn: '2021-12-01', rag: 'at-risk', percentComplete: 50 }],
      createdAt: '2021-09-10T09:00:00.000Z',
      updatedAt: '2021-09-10T09:00:00.000Z',
    };

    it('creates once, reads, and finds the plan that follows a decision', async () => {
      const { store } = current();
      const created = await store.actionPlans.create(plan);
      expect(created).toEqual({ created: true, record: { value: plan, etag: anEtag } });
      expect(await store.actionPlans.create({ ...plan, title: 'x' })).toEqual({ created: false, existing: { value: plan, etag: anEtag } });
      expect(await store.actionPlans.get('cabinet', plan.id)).toEqual({ value: plan, etag: anEtag });
      expect(await store.actionPlans.findByDecision('cabinet', communitySafetyDecision.id)).toEqual({ value: plan, etag: anEtag });
      expect(await store.actionPlans.findByDecision('council', communitySafetyDecision.id)).toBeUndefined();
      expect(await store.actionPlans.idByDecision('cabinet', communitySafetyDecision.id)).toBe(plan.id);
      expect(await store.actionPlans.idByDecision('council', communitySafetyDecision.id)).toBeUndefined();
      expect(await store.actionPlans.idByDecision('cabinet', 'dec-without-plan')).toBeUndefined();
    });

    it('lists which plan follows which decision, every committee\'s (what a per-instance mirror of idByDecision loads)', async () => {
      const { store } = current();
      expect(await store.actionPlans.listDecisionLinks()).toEqual([]);
      for (const p of [plan, leisurePlan]) await store.actionPlans.create(p);
      const byId = (a: { actionPlanId: string }, b: { actionPlanId: string }) => (a.actionPlanId < b.actionPlanId ? -1 : 1);
      expect((await store.actionPlans.listDecisionLinks()).sort(byId)).toEqual([
        { committeeId: 'cabinet', decisionId: communitySafetyDecision.id, actionPlanId: plan.id },
        { committeeId: 'council', decisionId: leisurePlan.decisionId, actionPlanId: leisurePlan.id },
      ].sort(byId));
    });

    it('lists the plans of one committee by id', async () => {
      const { store } = current();
      const second: ActionPlan = { ...plan, id: 'plan-a-second', decisionId: 'dec-other' };
      for (const p of [plan, leisurePlan, second]) await store.actionPlans.create(p);
      expect(await store.actionPlans.listByCommittee('cabinet')).toEqual([second, plan].sort((x, y) => (x.id < y.id ? -1 : 1)));
      expect(await store.actionPlans.listByCommittee('council')).toEqual([leisurePlan]);
      expect(await store.actionPlans.listByCommittee('scrutiny')).toEqual([]);
    });

    it('finds a plan by its id alone, whatever its committee', async () => {
      const { store } = current();
      for (const p of [plan, leisurePlan]) await store.actionPlans.create(p);
      expect(await store.actionPlans.findById(leisurePlan.id)).toEqual({ value: leisurePlan, etag: anEtag });
      expect(await store.actionPlans.findById(plan.id)).toEqual({ value: plan, etag: anEtag });
      expect(await store.actionPlans.findById('plan-none')).toBeUndefined();
    });

    it('never loses a concurrent edit: the stale writer gets a conflict and the first edit stands', async () => {
      const { store } = current();
      await store.actionPlans.create(plan);
      const director = await store.actionPlans.get('cabinet', plan.id);
      const portfolioHolder = await store.actionPlans.get('cabinet', plan.id);
      if (director === undefined || portfolioHolder === undefined) throw new Error('not stored');

      const byDirector = {
        ...director.value,
        actions: director.value.actions.map((a) => (a.id === 'act-1' ? { ...a, percentComplete: 60, lastUpdateAt: '2021-09-01T09:00:00.000Z' } : a)),
        updatedAt: '2021-09-01T09:00:00.000Z',
      };
      const byPortfolioHolder = {
        ...portfolioHolder.value,
        actions: portfolioHolder.value.actions.map((a) => (a.id === 'act-2' ? { ...a, rag: 'at-risk' as const } : a)),
        updatedAt: '2021-09-01T09:00:01.000Z',
      };
      const saved = await store.actionPlans.replace(byDirector, director.etag);
      await expectDomainError(store.actionPlans.replace(byPortfolioHolder, portfolioHolder.etag), 'conflict');
      expect(await store.actionPlans.get('cabinet', plan.id)).toEqual({ value: byDirector, etag: saved.etag });

      // Reloading and reapplying is how the loser gets its edit in without undoing the first.
      const reloaded = await store.actionPlans.get('cabinet', plan.id);
      if (reloaded === undefined) throw new Error('gone');
      const merged = { ...reloaded.value, actions: reloaded.value.actions.map((a) => (a.id === 'act-2' ? { ...a, rag: 'at-risk' as const } : a)) };
      await store.actionPlans.replace(merged, reloaded.etag);
      expect((await store.actionPlans.get('cabinet', plan.id))?.value.actions.map((a) => [a.id, a.percentComplete, a.rag])).toEqual([
        ['act-1', 60, 'on-track'],
        ['act-2', 0, 'at-risk'],
      ]);
    });

    it('lists the plans holding an action owned by a member, across committees', async () => {
      const { store } = current();
      await store.actionPlans.create(plan);
      await store.actionPlans.create(leisurePlan);
      expect(await store.actionPlans.listByOwner(andrewCotton.id)).toEqual([plan, leisurePlan]);
      expect(await store.actionPlans.listByOwner(alanPearson.id)).toEqual([plan]);
      expect(await store.actionPlans.listByOwner(ronanHolmes.id)).toEqual([]);
    });

    it('lists the plans with an action not done that fell due before a day, across committees', async () => {
      const { store } = current();
      const finished: ActionPlan = {
        ...leisurePlan, id: 'plan-finished', actions: [{ ...leisurePlan.actions[0]!, id: 'act-f1', dueOn: '2021-08-01', rag: 'done', percentComplete: 100 }],
      };
      for (const p of [plan, leisurePlan, finished]) await store.actionPlans.create(p);
      const ids = async (today: string) => (await store.actionPlans.listWithOverdueActions(today)).map((p) => p.id).sort();
      expect(await ids('2021-10-31')).toEqual([]); // due today is not overdue yet
      expect(await ids('2021-11-01')).toEqual([plan.id]);
      expect(await ids('2021-12-02')).toEqual([plan.id, leisurePlan.id]);
      // Once the overdue action is done, the plan's next open action (July 2022) is not overdue.
      const current1 = await store.actionPlans.get('cabinet', plan.id);
      await store.actionPlans.replace({ ...plan, actions: plan.actions.map((a) => (a.id === 'act-1' ? { ...a, rag: 'done' as const, percentComplete: 100 } : a)) }, current1!.etag);
      expect(await ids('2021-12-02')).toEqual([leisurePlan.id]);
    });

    it('appends updates once each (the id is the idempotency key) and lists them in time order', async () => {
      const { store } = current();
      await store.actionPlans.create(plan);
      const june = actionUpdate('upd-2', '2021-09-30T15:00:00+01:00', 40);
      const may = actionUpdate('upd-1', '2021-08-31T09:00:00.000Z', 25);
      const first = await store.actionPlans.appendUpdate(june);
      expect(first).toEqual({ created: true, record: { value: june, etag: anEtag } });
      expect(await store.actionPlans.appendUpdate({ ...june, percentComplete: 99 })).toEqual({ created: false, existing: { value: june, etag: anEtag } });
      await store.actionPlans.appendUpdate(may);
      await store.actionPlans.appendUpdate({ ...actionUpdate('upd-other', '2021-08-01T09:00:00.000Z', 10), actionPlanId: 'plan-other' });
      expect(await store.actionPlans.listUpdates('cabinet', plan.id)).toEqual([may, june]);
      expect(await store.actionPlans.listUpdates('council', plan.id)).toEqual([]);
    });
  });
};
