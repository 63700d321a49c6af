import { buildAgendaItemView, renderAgendaItemCard, EXEMPT_TEXT } from '../../src/cards';
import { actionsOfType, visibleTexts } from './support/card-checks';
import * as s from './fixtures/samples';

const base = { item: s.item, committee: s.cabinet, meeting: s.meeting, now: s.now };

describe('agenda item card', () => {
  const card = renderAgendaItemCard(
    buildAgendaItemView({ ...base, decision: s.decision, actionPlanId: s.actionPlan.id, recipientUserIds: s.recipientUserIds }),
  );
  const texts = visibleTexts(card);

  it('shows the committee, the meeting the British way, the item and its people', () => {
    expect(texts).toEqual(
      expect.arrayContaining([
        'Cabinet',
        'Wed 16 June 2021, 6.30pm',
        'Item 5',
        'Approval of the Community Safety Partnership Strategic Plan',
        'Non-key decision · For decision',
        'Portfolio Holder for Housing and Communities',
        'Andrew Cotton, Director for Housing and Communities',
      ]),
    );
    expect(texts).toContain(s.item.summary);
  });

  it.each([
    ['cancelled', '🚫 This meeting has been cancelled.'],
    ['postponed', '⏸️ This meeting has been postponed: a new date will follow.'],
  ] as const)('says in words when its meeting is %s, and nothing of the kind when it goes ahead', (status, words) => {
    expect(visibleTexts(renderAgendaItemCard(buildAgendaItemView({ ...base, meeting: { ...s.meeting, status } })))).toContain(words);
    expect(texts.join(' ')).not.toMatch(/cancelled|postponed/);
  });

  it('numbers the recommendations', () => {
    expect(texts).toEqual(expect.arrayContaining(['1.', s.item.recommendations[0], '2.', s.item.recommendations[1]]));
  });

  it('links the papers and leaves restricted ones out, saying so', () => {
    const links = actionsOfType(card, 'Action.OpenUrl').map((a) => a.url);
    expect(links).toEqual([s.item.documents[0]!.url, s.item.documents[1]!.url]);
    expect(texts).toContain('📄 Appendix A: Community Safety Strategy 2021-24');
    expect(texts).toContain('🔒 1 restricted paper not shown here.');
    expect(JSON.stringify(card)).not.toContain('Equality impact assessment');
  });

  it('offers Acknowledge, View decision and Action plan with locators only', () => {
    expect(card.actions).toEqual([
      expect.objectContaining({ type: 'Action.Execute', title: 'Acknowledge', verb: 'acknowledge', data: { committeeId: 'cabinet', agendaItemId: s.item.id } }),
      expect.objectContaining({ title: 'View decision', verb: 'viewDecision', data: { committeeId: 'cabinet', decisionId: s.decision.id } }),
      expect.objectContaining({ title: 'Action plan', verb: 'viewActionPlan', data: { committeeId: 'cabinet', actionPlanId: s.actionPlan.id } }),
    ]);
  });

  it('refreshes for each recipient so everyone sees their own state', () => {
    expect(card.refresh).toEqual({
      action: { type: 'Action.Execute', verb: 'refreshItem', data: { committeeId: 'cabinet', agendaItemId: s.item.id } },
      userIds: s.recipientUserIds,
    });
  });

  it('shows a member their own acknowledgement instead of the button', () => {
    const mine = renderAgendaItemCard(buildAgendaItemView({ ...base, acknowledgement: { ...s.myAcknowledgement, acknowledgedAt: '2021-06-17T09:32:00Z' } }));
    expect(visibleTexts(mine)).toContain('✅ Acknowledged by you, today at 10.32am');
    expect(mine.actions).toEqual([]);
  });

  it('leaves out what is not there: no meeting, number, papers, decision or plan', () => {
    const bare = renderAgendaItemCard(buildAgendaItemView({ item: { ...s.item, number: undefined, documents: [], portfolioHolder: undefined }, committee: s.cabinet, now: s.now }));
    const t = visibleTexts(bare);
    expect(t).not.toContain('Item 5');
    expect(t).not.toContain('Portfolio holder');
    expect(t).toContain('No papers published yet.');
    expect((bare.actions as { verb: string }[]).map((a) => a.verb)).toEqual(['acknowledge']);
  });

  it('says what is true of an item already decided with no papers listed: not recorded here, and the council website when known', () => {
    const decided = renderAgendaItemCard(
      buildAgendaItemView({ ...base, item: { ...s.item, documents: [], source: { kind: 'moderngov-agenda-item', url: 'https://democracy.melton.gov.uk/ieIssueDetails.aspx?IId=1' } } }),
    );
    const t = visibleTexts(decided);
    expect(t).not.toContain('No papers published yet.');
    expect(t).toEqual(expect.arrayContaining(['No papers are recorded here for this item.', '📄 Papers on the council website']));
    expect(actionsOfType(decided, 'Action.OpenUrl').map((a) => a.url)).toContain('https://democracy.melton.gov.uk/ieIssueDetails.aspx?IId=1');
    const noLink = visibleTexts(renderAgendaItemCard(buildAgendaItemView({ ...base, item: { ...s.item, documents: [], source: undefined } })));
    expect(noLink).toContain('No papers are recorded here for this item.');
    expect(noLink).not.toContain('📄 Papers on the council website');
  });

  it('marks an exempt item and gives its reason', () => {
    const exempt = renderAgendaItemCard(
      buildAgendaItemView({ ...base, item: { ...s.item, exempt: true, exemptReason: 'Paragraph 3: financial or business affairs' } }),
    );
    expect(visibleTexts(exempt)).toEqual(expect.arrayContaining([`🔒 ${EXEMPT_TEXT}`, 'Paragraph 3: financial or business affairs']));
  });

  it('says key decision when the decision (or the forward plan) says so', () => {
    const key = buildAgendaItemView({ ...base, decisionType: 'key' });
    expect(key.tagsText).toBe('Key decision · For decision');
    expect(buildAgendaItemView({ ...base, item: { ...s.item, forDecision: false } }).tagsText).toBe('For information');
  });
});
