import { buildActionPlanView, renderActionPlanCard } from '../../src/cards';
import { actionsOfType, allObjects, visibleTexts } from './support/card-checks';
import * as s from './fixtures/samples';

const input = { plan: s.actionPlan, committee: s.cabinet, decision: s.decision, members: s.members, updates: s.actionUpdates, now: s.now };

describe('action plan card', () => {
  const card = renderActionPlanCard(buildActionPlanView({ ...input, viewer: s.officer }));
  const texts = visibleTexts(card);

  it('refreshes to each reader\'s own card (refreshActionPlan), automatically for its recipients', () => {
    const shared = renderActionPlanCard(buildActionPlanView({ ...input, recipientUserIds: s.recipientUserIds }));
    expect(shared.refresh).toEqual({
      action: { type: 'Action.Execute', verb: 'refreshActionPlan', data: { committeeId: s.actionPlan.committeeId, actionPlanId: s.actionPlan.id } },
      userIds: s.recipientUserIds,
    });
    expect(card.refresh).not.toHaveProperty('userIds');
  });

  it('shows RAG by word and icon, in the default colour', () => {
    expect(texts).toEqual(expect.arrayContaining(['✅ Done', '🟢 On track', '🟠 At risk', '🔴 Off track']));
    const rag = allObjects(card).filter((o) => o.type === 'TextBlock' && o.text === '🔴 Off track');
    expect(rag[0]).not.toHaveProperty('color');
  });

  it('shows owner, due date, percent and the last update', () => {
    expect(texts).toEqual(
      expect.arrayContaining([
        '4 actions: 1 on track, 1 at risk, 1 off track, 1 done',
        '⚠️ 1 action is overdue.',
        'Owner: Aysha Rahman',
        'Due Fri 29 October 2021',
        '20% done',
        'Last update today at 9.45am by Aysha Rahman: Waiting for the county to confirm funding.',
        'Overdue: was due Fri 11 June 2021',
        'No updates yet',
      ]),
    );
  });

  it("gives each action an update form submitted with Action.Execute, prefilled with the action's state", () => {
    const saves = actionsOfType(card, 'Action.Execute').filter((a) => a.verb === 'updateAction');
    expect(saves.map((a) => a.data)).toEqual(
      // Each carries its action's version (the instant of its last update) as drawn, to tell a stale update.
      s.actionPlan.actions.map((a) => ({ committeeId: 'cabinet', actionPlanId: s.actionPlan.id, actionId: a.id, view: 'plan', version: a.lastUpdateAt ?? 'new' })),
    );
    const inputs = allObjects(card).filter((o) => typeof o.type === 'string' && o.type.startsWith('Input.'));
    expect(inputs.filter((i) => i.id === 'rag-a3' || i.id === 'percent-a3' || i.id === 'note-a3')).toEqual([
      expect.objectContaining({ type: 'Input.ChoiceSet', value: 'at-risk' }),
      expect.objectContaining({ type: 'Input.Number', value: 20, min: 0, max: 100 }),
      expect.objectContaining({ type: 'Input.Text', isMultiline: true }),
    ]);
  });

  it('gives forms only to action owners and officers', () => {
    const councillor = buildActionPlanView({ ...input, viewer: s.councillors[0] });
    expect(councillor.actions.map((a) => a.canUpdate)).toEqual([false, false, false, false]);
    // An action owner who is not an officer (a councillor leading a workstream) may update their own actions.
    const owner = buildActionPlanView({ ...input, viewer: { ...s.councillors[0]!, id: 'm-smith' } });
    expect(owner.actions.map((a) => a.canUpdate)).toEqual([true, false, true, false]);
  });
});
