import { parseActionData, parseActionUpdate, readActionUpdate, updateInputIds } from '../../src/cards/action-data';
import { Verbs, allVerbs, isVerb } from '../../src/cards/verbs';

describe('card action data', () => {
  it('names every verb the Teams adapter routes', () => {
    expect(allVerbs).toEqual([
      'acknowledge', 'viewDecision', 'viewActionPlan', 'startActionPlan', 'createActionPlan', 'backToDecision', 'updateAction', 'remindOutstanding', 'viewItem', 'refreshItem', 'refreshActionPlan', 'showHelp',
      'sendNotification', 'notificationProgress', 'cancelNotification',
    ]);
    expect(isVerb('acknowledge')).toBe(true);
    expect(isVerb('acknowledge_item')).toBe(false);
  });

  it('keeps locators and drops anything claiming an identity', () => {
    expect(
      parseActionData(Verbs.acknowledge, { committeeId: 'cabinet', agendaItemId: 'item-5', memberId: 'someone-else', verb: 'acknowledge' }),
    ).toEqual({ committeeId: 'cabinet', agendaItemId: 'item-5' });
  });

  it('refuses data without its locators', () => {
    expect(() => parseActionData(Verbs.viewDecision, { committeeId: 'cabinet' })).toThrow();
    expect(() => parseActionData(Verbs.viewItem, { committeeId: 'cabinet', agendaItemId: '../x' })).toThrow();
  });

  it('reads a Send press as an item or a meeting (the other bound as an empty string), never both or neither', () => {
    expect(parseActionData(Verbs.sendNotification, { committeeId: 'cabinet', agendaItemId: 'item-5', meetingId: '', memberId: 'x' })).toEqual({
      committeeId: 'cabinet', agendaItemId: 'item-5',
    });
    expect(parseActionData(Verbs.sendNotification, { committeeId: 'cabinet', agendaItemId: '', meetingId: 'm-1' })).toEqual({ committeeId: 'cabinet', meetingId: 'm-1' });
    expect(() => parseActionData(Verbs.sendNotification, { committeeId: 'cabinet', agendaItemId: '', meetingId: '' })).toThrow();
    expect(() => parseActionData(Verbs.sendNotification, { committeeId: 'cabinet', agendaItemId: 'i', meetingId: 'm' })).toThrow();
    expect(() => parseActionData(Verbs.cancelNotification, {})).toThrow();
    expect(parseActionData(Verbs.cancelNotification, { notificationId: 'n-1', by: 'someone' })).toEqual({ notificationId: 'n-1' });
  });

  it("reads an action update from that action's own inputs, which arrive as strings", () => {
    const ids = updateInputIds('a3');
    expect(ids).toEqual({ rag: 'rag-a3', percentComplete: 'percent-a3', note: 'note-a3' });
    expect(
      parseActionUpdate({
        committeeId: 'cabinet', actionPlanId: 'plan', actionId: 'a3',
        'rag-a3': 'at-risk', 'percent-a3': '35', 'note-a3': ' Funding confirmed for Q3. ',
        'rag-a2': 'done', 'percent-a2': '100',
      }),
    ).toEqual({ committeeId: 'cabinet', actionPlanId: 'plan', actionId: 'a3', rag: 'at-risk', percentComplete: 35, note: 'Funding confirmed for Q3.' });
  });

  it('refuses an update out of range', () => {
    expect(() => parseActionUpdate({ committeeId: 'c', actionPlanId: 'p', actionId: 'a', 'rag-a': 'done', 'percent-a': '101' })).toThrow();
    expect(() => parseActionUpdate({ committeeId: 'c', actionPlanId: 'p', actionId: 'a', 'rag-a': 'green', 'percent-a': '5' })).toThrow();
    expect(readActionUpdate({ committeeId: 'c', actionPlanId: 'p', actionId: 'a', view: 'mine', 'rag-a': 'at-risk', 'percent-a': '150', 'note-a': 'typed' })).toEqual({
      ok: false,
      locator: { committeeId: 'c', actionPlanId: 'p', actionId: 'a', view: 'mine' },
      typed: { actionId: 'a', rag: 'at-risk', percentComplete: '150', note: 'typed', problem: 'Percent done must be a whole number from 0 to 100: 150 is not. Nothing was saved.' },
    });
  });
});
