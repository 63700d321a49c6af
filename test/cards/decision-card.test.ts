import { buildDecisionView, renderDecisionCard } from '../../src/cards';
import { visibleTexts } from './support/card-checks';
import * as s from './fixtures/samples';

describe('decision card', () => {
  const card = renderDecisionCard(buildDecisionView({ decision: s.decision, statuses: s.statuses, actionPlan: s.actionPlan }));
  const texts = visibleTexts(card);

  it('shows the decision maker, dates, type and call-in', () => {
    expect(texts).toEqual(
      expect.arrayContaining([
        'Decision of Cabinet',
        'Decided Wed 16 June 2021 · Published Thu 17 June 2021',
        'Non-key decision · Subject to call-in',
        'Decisions (2)',
      ]),
    );
  });

  it('shows each numbered outcome with its verb, text and status in words', () => {
    expect(texts).toEqual(
      expect.arrayContaining([
        '1)',
        `NOTED ${s.decision.outcomes[0]!.text}`,
        'ℹ️ Noted: nothing to implement',
        'Since Wed 16 June 2021',
        '2)',
        'RECOMMENDED to Council that the proposed Community Safety Strategy 2021-24 be approved.',
        '🏛️ Recommended to Council: awaiting Full Council, 21 July 2021',
      ]),
    );
  });

  it('says when the call-in period ends', () => {
    const view = buildDecisionView({
      decision: { ...s.decision, outcomes: [{ ...s.decision.outcomes[0]!, verb: 'APPROVED', status: 'call-in-open' }] },
      statuses: { 1: { status: 'call-in-open', label: 'Call-in open', next: 'Call-in period ends', nextOn: '2021-06-22', final: false } },
    });
    expect(view.outcomes[0]).toMatchObject({ statusHeadline: '⏳ Call-in open', statusNext: 'Call-in period ends Tue 22 June 2021' });
  });

  it('gives the reasons and the buttons', () => {
    expect(texts).toContain(s.decision.reasons[0]);
    expect((card.actions as { title: string }[]).map((a) => a.title)).toEqual(['Action plan', 'Agenda item', 'Website']);
  });

  it('refuses to guess a status the caller did not give', () => {
    expect(() => buildDecisionView({ decision: s.decision, statuses: { 1: s.statuses[1]! } })).toThrow('no status given for outcome 2');
  });

  it('shows up to 15 outcomes and says how many more there are', () => {
    const outcomes = Array.from({ length: 17 }, (_, i) => ({ ...s.decision.outcomes[0]!, number: i + 1 }));
    const statuses = Object.fromEntries(outcomes.map((o) => [o.number, s.statuses[1]!]));
    const view = buildDecisionView({ decision: { ...s.decision, outcomes }, statuses });
    expect(view.outcomes).toHaveLength(15);
    expect(view.moreOutcomesText).toBe("2 more decisions not shown: see the council's website.");
  });
});
