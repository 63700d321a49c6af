import { OFFICER_ONLY_COMMANDS, parseCommand, parseQuestion, type Command } from '../../../src/services/commands/parse-command';

describe('parseCommand', () => {
  it.each<[string, Command]>([
    ['help', { kind: 'help' }],
    ['HELP!', { kind: 'help' }],
    ['?', { kind: 'help' }],
    ['', { kind: 'help' }],
    ['what can you do?', { kind: 'help' }],
    ['help status', { kind: 'help', topic: 'status' }],
    ['help remind', { kind: 'help', topic: 'remind' }],
  ])('%j -> help', (text, command) => {
    expect(parseCommand(text)).toEqual(command);
  });

  it.each<[string, Command]>([
    ['agenda', { kind: 'agenda', when: 'next' }],
    ['next meeting', { kind: 'agenda', when: 'next' }],
    ["What's on Cabinet next week?", { kind: 'agenda', when: 'next-week', committee: 'cabinet' }],
    ['what is on cabinet this week', { kind: 'agenda', when: 'this-week', committee: 'cabinet' }],
    ['whats coming up at scrutiny committee', { kind: 'agenda', when: 'next', committee: 'scrutiny committee' }],
    ['When is the next Scrutiny Committee meeting?', { kind: 'agenda', when: 'next', committee: 'scrutiny committee' }],
    ['please show me the agenda for Council tomorrow', { kind: 'agenda', when: 'tomorrow', committee: 'council' }],
    ['meetings today', { kind: 'agenda', when: 'today' }],
  ])('%j -> agenda', (text, command) => {
    expect(parseCommand(text)).toEqual(command);
  });

  it.each<[string, Command]>([
    ['item 5', { kind: 'item', number: '5' }],
    ['Item #5a', { kind: 'item', number: '5a' }],
    ['agenda item 7.1', { kind: 'item', number: '7.1' }],
    ['item no. 12', { kind: 'item', number: '12' }],
    ['item community safety partnership', { kind: 'item', query: 'community safety partnership' }],
    ['item', { kind: 'help', topic: 'item' }],
  ])('%j -> item', (text, command) => {
    expect(parseCommand(text)).toEqual(command);
  });

  it.each<[string, Command]>([
    ['status community safety strategy', { kind: 'status', query: 'community safety strategy' }],
    ['Status of the Community Safety Strategy?', { kind: 'status', query: 'community safety strategy' }],
    ["what's the status of the Local Plan review", { kind: 'status', query: 'local plan review' }],
    ['decision on the HRA budget', { kind: 'status', query: 'hra budget' }],
    ['decision status housing revenue account', { kind: 'status', query: 'housing revenue account' }],
    ['status', { kind: 'help', topic: 'status' }],
  ])('%j -> status', (text, command) => {
    expect(parseCommand(text)).toEqual(command);
  });

  it.each<[string, Command]>([
    ['decisions', { kind: 'decisions', days: 30 }],
    ['Recent decisions', { kind: 'decisions', days: 30 }],
    ['decisions in the last 7 days', { kind: 'decisions', days: 7 }],
    ['decisions over the last 2 weeks', { kind: 'decisions', days: 14 }],
    ['decisions this week', { kind: 'decisions', days: 7 }],
    ['decisions on climate change', { kind: 'status', query: 'climate change' }],
  ])('%j -> decisions', (text, command) => {
    expect(parseCommand(text)).toEqual(command);
  });

  it.each<[string, Command]>([
    ['pending', { kind: 'pending' }],
    ['what do I need to acknowledge?', { kind: 'pending' }],
    ["what haven't I acknowledged yet", { kind: 'pending' }],
    ['items awaiting my acknowledgement', { kind: 'pending' }],
    ['unread', { kind: 'pending' }],
    ['my actions', { kind: 'actions', overdueOnly: false }],
    ['actions', { kind: 'actions', overdueOnly: false }],
    ['What are my overdue actions?', { kind: 'actions', overdueOnly: true }],
  ])('%j -> pending or actions', (text, command) => {
    expect(parseCommand(text)).toEqual(command);
  });

  it.each<[string, Command]>([
    ['report community safety', { kind: 'report', query: 'community safety' }],
    ['acknowledgement report for the HRA budget', { kind: 'report', query: 'hra budget' }],
    ['ack report housing', { kind: 'report', query: 'housing' }],
    ['remind community safety', { kind: 'remind', query: 'community safety' }],
    ["send a reminder to members who haven't acknowledged the Local Plan", { kind: 'remind', query: 'local plan' }],
    ['remind', { kind: 'help', topic: 'remind' }],
    ['notify item 6', { kind: 'notify', item: { number: '6' } }],
    ['notify 5a', { kind: 'notify', item: { number: '5a' } }],
    ['Notify the community safety strategy', { kind: 'notify', item: { query: 'community safety strategy' } }],
    ['push agenda item 3', { kind: 'notify', item: { number: '3' } }],
    ['notify agenda', { kind: 'notify', agenda: { when: 'next' } }],
    ['notify agenda cabinet next week', { kind: 'notify', agenda: { when: 'next-week', committee: 'cabinet' } }],
    ['circulate the agenda for scrutiny', { kind: 'notify', agenda: { when: 'next', committee: 'scrutiny' } }],
    ['notify', { kind: 'help', topic: 'notify' }],
  ])('%j -> officer command', (text, command) => {
    expect(parseCommand(text)).toEqual(command);
  });

  it.each<[string, string]>([
    ['report to scrutiny committee annually', 'report to scrutiny committee annually'],
    ['what did the report say about domestic violence', 'report say about domestic violence'],
    ['show me the report on parking', 'report on parking'],
    ['remind me what we decided about parking', 'remind me what we decided about parking'],
    ['reported that the strategy was approved', 'reported that the strategy was approved'],
    ['notify that the pool is closed', 'notify that the pool is closed'],
    ['what help is there for people whose homes need adapting', 'help is there for people whose homes need adapting'],
    ['is Cabinet deciding anything on tenancies next week', 'cabinet deciding anything on tenancies next week'],
  ])('%j is a question, not a command: command words count only where a command begins and in its form', (text, query) => {
    expect(parseCommand(text)).toEqual({ kind: 'status', query });
  });

  it('keeps figures as written: commas, pounds, per cents and slashes', () => {
    expect(parseCommand('status £396,000 bid')).toEqual({ kind: 'status', query: '£396,000 bid' });
    expect(parseCommand('19,487.6 band D, 85% and 2022/23')).toEqual({ kind: 'status', query: '19,487.6 band d 85% and 2022/23' });
  });

  it('reads any message as a question when asked to (an officer command that names no item)', () => {
    expect(parseQuestion('report to scrutiny committee annually')).toEqual({ kind: 'status', query: 'report to scrutiny committee annually' });
    expect(parseQuestion('remind community safety')).toEqual({ kind: 'status', query: 'remind community safety' });
  });

  it('marks report, remind and notify as officer-only', () => {
    expect([...OFFICER_ONLY_COMMANDS].sort()).toEqual(['notify', 'remind', 'report']);
  });

  it.each<[string, Command]>([
    ['community safety strategy', { kind: 'status', query: 'community safety strategy' }],
    ['Community Safety Strategy 2021-24', { kind: 'status', query: 'community safety strategy 2021-24' }],
    ['tell me about the climate strategy', { kind: 'status', query: 'climate strategy' }],
    ['awaiting council', { kind: 'status', query: 'awaiting council' }],
    ['community safety action plan', { kind: 'status', query: 'community safety action plan' }],
  ])('%j -> status query with the text', (text, command) => {
    expect(parseCommand(text)).toEqual(command);
  });

  it.each([
    ['<at>Cabinet bot</at> status community safety'],
    ['<at>Cabinet Bot</at>&nbsp;status community safety'],
    ['@Cabinet bot status community safety'],
    ['Cabinet bot, status community safety'],
  ])('strips a leading bot mention: %j', (text) => {
    expect(parseCommand(text)).toEqual({ kind: 'status', query: 'community safety' });
  });

  it('strips a mention of the bot under another name when told it', () => {
    expect(parseCommand('@Melton Cabinet Assistant pending', { botNames: ['Melton Cabinet Assistant'] })).toEqual({ kind: 'pending' });
  });

  it('does not mistake the word Cabinet for the bot', () => {
    expect(parseCommand('Cabinet next week')).toEqual({ kind: 'agenda', when: 'next-week', committee: 'cabinet' });
    expect(parseCommand('<at>Cabinet bot</at> cabinet tomorrow')).toEqual({ kind: 'agenda', when: 'tomorrow', committee: 'cabinet' });
  });
});
