import {
  buildAcknowledgementReportView,
  buildErrorView,
  buildHelpView,
  buildMeetingDigestView,
  buildSearchResultsView,
  renderAcknowledgementReportCard,
  renderErrorCard,
  renderHelpCard,
  renderMeetingDigestCard,
  renderSearchResultsCard,
} from '../../src/cards';
import { DomainError } from '../../src/domain';
import { actionsOfType, visibleTexts } from './support/card-checks';
import * as s from './fixtures/samples';

describe('meeting digest card', () => {
  const card = renderMeetingDigestCard(
    buildMeetingDigestView({ meeting: s.meeting, committee: s.cabinet, items: s.agenda, myAcknowledgements: [s.myAcknowledgement] }),
  );

  it('lists every item with its number, title and purpose, and what I have acknowledged', () => {
    expect(visibleTexts(card)).toEqual(
      expect.arrayContaining([
        'Wed 16 June 2021, 6.30pm',
        '3 of 4 items are for decision',
        'You have acknowledged 1 of 4 items',
        '4', 'Minutes of the previous meeting', 'For information',
        '5', 'Approval of the Community Safety Partnership Strategic Plan', '✅ Acknowledged by you',
        '7', 'Disposal of land at Burton Street', 'For decision · 🔒 Exempt',
      ]),
    );
  });

  it('opens an item when its row is tapped', () => {
    expect(actionsOfType(card, 'Action.Execute').map((a) => a.data)).toEqual(
      s.agenda.map((i) => ({ committeeId: 'cabinet', agendaItemId: i.id })),
    );
  });

  it('says the agenda is not published yet and when it is expected by law, and counts nothing, for a meeting with no items', () => {
    const empty = visibleTexts(renderMeetingDigestCard(buildMeetingDigestView({ meeting: s.meeting, committee: s.cabinet, items: [], myAcknowledgements: [] })));
    // Five clear working days before Wed 16 June 2021: Wed 9 to Tue 15, so published by Tue 8 June.
    expect(empty).toEqual(['Cabinet', 'Wed 16 June 2021, 6.30pm', s.meeting.venue, 'The agenda is not published yet. It is expected by Tue 8 June 2021.']);
    expect(empty.join(' ')).not.toMatch(/0 of 0|acknowledged 0/);
  });

  it('gives the date democratic services expect the agenda when they have said one', () => {
    const meeting = { ...s.meeting, agendaExpectedOn: '2021-06-04' };
    const texts = visibleTexts(renderMeetingDigestCard(buildMeetingDigestView({ meeting, committee: s.cabinet, items: [], myAcknowledgements: [] })));
    expect(texts).toContain('The agenda is not published yet. It is expected by Fri 4 June 2021.');
  });

  it('says nothing is expected of a cancelled meeting beyond that it is cancelled', () => {
    const meeting = { ...s.meeting, status: 'cancelled' as const };
    const texts = visibleTexts(renderMeetingDigestCard(buildMeetingDigestView({ meeting, committee: s.cabinet, items: [], myAcknowledgements: [] })));
    expect(texts).toEqual(['Cabinet', 'Wed 16 June 2021, 6.30pm', s.meeting.venue, '🚫 This meeting has been cancelled.']);
  });
});

describe('acknowledgement report card', () => {
  const card = renderAcknowledgementReportCard(
    buildAcknowledgementReportView({ item: s.item, committee: s.cabinet, meeting: s.meeting, audience: s.councillors, acknowledgements: s.acknowledgements, now: s.now }),
  );

  it('counts, names who is outstanding and when the others acknowledged', () => {
    expect(visibleTexts(card)).toEqual(
      expect.arrayContaining([
        '3', '2', '3 of 5 members have acknowledged.',
        'Councillor Leigh Higgins, Portfolio Holder for Climate, Access and Engagement',
        'Councillor Pru Posnett',
        'Councillor Alan Pearson', 'Mon 14 June 2021, 10.32am',
        'Councillor Margaret Glancy', 'today at 9.12am',
      ]),
    );
  });

  it('offers to remind the outstanding, and not when there are none', () => {
    expect(card.actions).toEqual(
      expect.arrayContaining([expect.objectContaining({ title: 'Remind 2 outstanding', verb: 'remindOutstanding', data: { committeeId: 'cabinet', agendaItemId: s.item.id } })]),
    );
    const done = renderAcknowledgementReportCard(
      buildAcknowledgementReportView({ item: s.item, committee: s.cabinet, audience: s.councillors.slice(0, 3), acknowledgements: s.acknowledgements, now: s.now }),
    );
    expect((done.actions as { verb: string }[]).map((a) => a.verb)).toEqual(['viewItem']);
  });
});

describe('search results card', () => {
  it('shows each hit with what it is, where it stands, and opens it by its own verb', () => {
    const card = renderSearchResultsCard(
      buildSearchResultsView({
        query: 'community safety',
        hits: [
          { kind: 'decision', decision: s.decision, committee: s.cabinet, status: s.statuses[2] },
          { kind: 'action-plan', plan: s.actionPlan, committee: s.cabinet },
        ],
      }),
    );
    expect(visibleTexts(card)).toEqual(
      expect.arrayContaining([
        '2 results for community safety',
        'DECISION',
        '🏛️ Recommended to Council: awaiting Full Council, 21 July 2021',
        'Cabinet · 4 actions: 1 on track, 1 at risk, 1 off track, 1 done',
      ]),
    );
    expect(actionsOfType(card, 'Action.Execute').map((a) => [a.verb, a.data])).toEqual([
      ['viewDecision', { committeeId: 'cabinet', decisionId: s.decision.id }],
      ['viewActionPlan', { committeeId: 'cabinet', actionPlanId: s.actionPlan.id }],
    ]);
  });

  it('helps when nothing matched', () => {
    const texts = visibleTexts(renderSearchResultsCard(buildSearchResultsView({ query: 'zebra crossings', hits: [] })));
    expect(texts).toEqual(expect.arrayContaining(['No results for zebra crossings']));
    expect(texts.some((t) => t.startsWith('Nothing matched.'))).toBe(true);
  });
});

describe('help card', () => {
  it('says to @mention the bot in channels and group chats, where Teams delivers nothing else', () => {
    expect(visibleTexts(renderHelpCard(buildHelpView({})))).toContain(
      '💬 In a channel or group chat, start with @Cabinet bot ("@Cabinet bot agenda"): Teams gives me only the messages that mention me there. In our personal chat, just type.',
    );
  });

  it('greets the person and shows officer help to officers only', () => {
    expect(visibleTexts(renderHelpCard(buildHelpView({ councilName: 'Melton Borough Council', member: s.officer })))).toEqual(
      expect.arrayContaining(['Hello Andrew Cotton', 'For officers', 'status community safety strategy where a decision has got to, and what happens next', 'report community safety who has and has not acknowledged an item']),
    );
    expect(visibleTexts(renderHelpCard())).not.toContain('For officers');
    expect(visibleTexts(renderHelpCard())).toContain('I bring the agendas, decisions and action plans of the council into Teams.');
  });
});

describe('error card', () => {
  it('says what went wrong and what to do, with a reference', () => {
    const texts = visibleTexts(renderErrorCard(buildErrorView(new DomainError('conflict', 'Action plan csp was changed by someone else'), { reference: 'req-1' })));
    expect(texts).toEqual([
      '⚠️ Someone else changed this at the same time',
      'What went wrong',
      'Action plan csp was changed by someone else',
      'What to do',
      'Open it again to see the latest version, then make your change again.',
      'Reference for the service desk: req-1',
    ]);
  });

  it('never shows the message of an unexpected error', () => {
    const view = buildErrorView(new Error('connect ECONNREFUSED 10.0.0.4:443'));
    expect(JSON.stringify(renderErrorCard(view))).not.toContain('ECONNREFUSED');
    expect(view.whatToDo).toBe('Try again. If it keeps happening, tell the service desk.');
  });
});
