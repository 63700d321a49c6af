import { renderOutgoingMessage } from '../../src/teams/notification-messages';
import { cardText } from '../support/conversation-harness';
import * as s from '../cards/fixtures/samples';

/** The words members read in Teams' notification and chat list, for each kind of notification, exactly. */
describe('what a notification says', () => {
  const councillor = s.councillors[0]!;
  const viewer = { member: councillor, where: 'personal' as const };
  const decisionDetails = { decision: s.decision, committee: s.cabinet, statuses: s.statuses };

  it('an agenda pushed by an officer, with their note as plain text', () => {
    const r = renderOutgoingMessage({
      kind: 'meeting-digest', reason: 'pushed', viewer, note: '**Read** the [appendix](http://evil.example)',
      agenda: { meeting: s.meeting, committee: s.cabinet, items: s.agenda, myAcknowledgements: [] },
    });
    expect(r.text).toBe(
      'The agenda for Cabinet on Wed 16 June 2021, 6.30pm is published: 4 items. Please read the papers and acknowledge each item.\n\n' +
        'From democratic services: **Read** the [appendix](http://evil.example)',
    );
    expect(r.cards).toHaveLength(1);
  });

  it('a reminder lists only what is left to read', () => {
    const r = renderOutgoingMessage({ kind: 'meeting-digest', reason: 'reminder', viewer, agenda: { meeting: s.meeting, committee: s.cabinet, items: [s.item], myAcknowledgements: [] } });
    expect(r.text).toBe('Reminder: Cabinet meets on Wed 16 June 2021, 6.30pm. You have 1 item still to read and acknowledge.');
  });

  it('a decision published', () => {
    expect(renderOutgoingMessage({ kind: 'decision', reason: 'published', viewer, details: decisionDetails }).text).toBe(
      `Decision published: "${s.decision.title}" (Cabinet, Wed 16 June 2021).`,
    );
  });

  it('the end of the call-in period says "no call-in has been recorded", and when the decision may be implemented', () => {
    const r = renderOutgoingMessage({ kind: 'decision', reason: 'call-in-ended', viewer, details: decisionDetails, callIn: { closedAt: '2021-06-24T16:00:00.000Z', calledIn: false } });
    expect(r.text).toBe(
      `The call-in period for "${s.decision.title}" ended at 5pm on Thu 24 June 2021. No call-in has been recorded, so the decision can be implemented from Fri 25 June 2021. ` +
        '(A call-in lodged by e-mail may not have reached this bot yet: democratic services will say if there is one.)',
    );
    expect(cardText(r.cards[0])).toContain(s.decision.title);
    const calledIn = renderOutgoingMessage({ kind: 'decision', reason: 'call-in-ended', viewer, details: decisionDetails, callIn: { closedAt: '2021-06-24T16:00:00.000Z', calledIn: true } });
    expect(calledIn.text).toBe(`The call-in period for "${s.decision.title}" ended at 5pm on Thu 24 June 2021. It was called in, so it cannot be implemented until scrutiny has considered it.`);
  });

  it.each([
    [{ kind: 'meeting-cancelled' as const, startsAt: s.meeting.startsAt }, 'The Cabinet meeting on Wed 16 June 2021, 6.30pm has been cancelled. The agenda card I sent you has been updated.'],
    [{ kind: 'meeting-postponed' as const, startsAt: s.meeting.startsAt }, 'The Cabinet meeting on Wed 16 June 2021, 6.30pm has been postponed: a new date will follow. The agenda card I sent you has been updated.'],
    [
      { kind: 'meeting-moved' as const, from: { startsAt: s.meeting.startsAt, venue: 'Parkside' }, to: { startsAt: '2021-06-17T17:30:00.000Z', venue: 'Council Chamber' } },
      'The Cabinet meeting has changed: it is now Thu 17 June 2021, 6.30pm, at Council Chamber (it was Wed 16 June 2021, 6.30pm, at Parkside). The agenda card I sent you has been updated.',
    ],
    [{ kind: 'papers-added' as const, titles: ['Equality Impact Assessment'] }, `New papers for "${s.item.title}" (Cabinet): "Equality Impact Assessment". The item's card I sent you now lists them.`],
  ])('a notice of what changed: %j', (change, text) => {
    expect(renderOutgoingMessage({ kind: 'notice', change, committeeName: 'Cabinet', itemTitle: s.item.title })).toEqual({ text, cards: [] });
  });

  it("overdue actions: the owner's overdue actions, each plan's card with its update form", () => {
    const owner = s.members.find((m) => m.id === s.actionPlan.actions[0]!.ownerMemberId)!;
    const plan = { ...s.actionPlan, actions: [s.actionPlan.actions[0]!] };
    const r = renderOutgoingMessage({
      kind: 'overdue-actions', viewer: { member: owner, where: 'personal' }, now: s.now,
      plans: [{ plan, committee: s.cabinet, decision: s.decision, members: s.members, updates: [] }],
    });
    expect(r.text).toBe(`You have 1 overdue action: "${plan.actions[0]!.title}". Please post an update (status, percent done, a note) on the card.`);
    expect(r.cards).toHaveLength(1);
  });
});
