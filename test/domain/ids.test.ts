import { Committee, ConversationRecord, Id, ID_MAX_LENGTH, Member, Name, TeamsConversationId } from '../../src/domain';
import { demoCouncil } from '../../src/services/demo/demo-council';
import { parseMeetingXml } from '../../src/import/meeting-xml-parser';

const ok = (schema: { safeParse(v: unknown): { success: boolean } }, value: unknown): boolean => schema.safeParse(value).success;

describe('the one id rule (issue 9)', () => {
  it.each(['cabinet', 'cllr-joe-orson', 'ai-0123456789abcdef01234567', 'upd-ab12', 'council-2021-07-08', 'plan.v2', 'moderngov:17241', 'A_1', 'x'.repeat(ID_MAX_LENGTH)])(
    'accepts %s', (id) => expect(ok(Id, id)).toBe(true),
  );
  it.each([
    ['empty', ''], ['one too long', 'x'.repeat(ID_MAX_LENGTH + 1)], ['NUL', 'a\u0000b'], ['a line feed', 'a\nb'], ['a space', 'a b'],
    ['surrounding spaces', ' cabinet '], ['a right-to-left override', 'cab\u202Einet'], ['a zero-width space', 'cab\u200Binet'],
    ['a slash', 'cabinet/2021'], ['a question mark', 'a?b'], ['a hash', 'a#b'], ['a percent', 'a%20b'], ['a leading dot', '.hidden'],
    ['a leading dash', '-rf'], ['an accent', 'siân'], ['an @', 'joe@council'],
  ])('refuses %s', (_what, id) => expect(ok(Id, id)).toBe(false));

  it('holds for every id the demo council mints', () => {
    const demo = demoCouncil(new Date('2026-11-26T10:00:00Z'));
    const ids = [...JSON.stringify(demo).matchAll(/"(?:id|(?!aadObject)[a-zA-Z]+Id)":"([^"]*)"/g)].map((m) => m[1]!);
    expect(ids.length).toBeGreaterThan(20);
    expect(ids.filter((id) => !ok(Id, id))).toEqual([]);
  });
});

describe('names', () => {
  it.each(['Cllr Joe Orson', 'O\'Neill, Siân "Sia"', 'Portfolio Holder for Housing and Communities, and Deputy Leader', 'Zoë Ünal-Łukasz'])('accepts %s', (name) => {
    expect(ok(Name, name)).toBe(true);
  });
  it.each([
    ['NUL', 'Joe\u0000'], ['a line feed', 'Joe\nOrson'], ['a tab', 'Joe\tOrson'], ['a right-to-left override', '\u202ENOSRO'],
    ['a right-to-left isolate', 'Joe \u2067x\u2069'], ['a zero-width joiner', 'Jo\u200De'], ['a byte-order mark', '\uFEFFJoe'],
    ['a leading space', ' Joe'], ['a trailing space', 'Joe '], ['nothing', ''],
  ])('refuses %s', (_what, name) => expect(ok(Name, name)).toBe(false));

  it('applies to members and committees, with their seats and titles', () => {
    const member = { id: 'm', name: 'Joe', role: 'councillor', committees: [{ committeeId: 'cabinet', seat: 'Leader' }] };
    expect(ok(Member, member)).toBe(true);
    expect(ok(Member, { ...member, title: 'Leader\u202E' })).toBe(false);
    expect(ok(Member, { ...member, committees: [{ committeeId: 'cabinet', seat: 'Leader\n' }] })).toBe(false);
    expect(ok(Committee, { id: 'cabinet', name: 'Cabinet\u0000', kind: 'cabinet' })).toBe(false);
  });
});

describe('ids from outside keep their own rules', () => {
  it('takes Teams conversation ids as Teams writes them, longer than ours and with : @ ; =', () => {
    const personal = `a:1${'x'.repeat(128)}`; // 131 characters
    const thread = '19:0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e@thread.tacv2;messageid=1625061234567';
    for (const id of [personal, thread, '19:meeting_abc@thread.v2']) expect(ok(TeamsConversationId, id)).toBe(true);
    for (const id of ['', 'a b', 'a\nb', 'a/b', 'a#b', 'a\u202Eb']) expect(ok(TeamsConversationId, id)).toBe(false);
    const record = { id: personal, kind: 'personal', reference: {}, reachable: true, updatedAt: '2026-11-26T10:00:00.000Z' };
    expect(ok(ConversationRecord, record)).toBe(true);
    expect(ok(ConversationRecord, { ...record, aadObjectId: 'not-a-guid' })).toBe(false);
  });

  it('takes Entra object ids as GUIDs and ModernGov committee ids as digits', () => {
    const member = { id: 'm', name: 'Joe', role: 'councillor', committees: [] };
    expect(ok(Member, { ...member, aadObjectId: '00000000-0000-4000-8000-000000000001' })).toBe(true);
    expect(ok(Member, { ...member, aadObjectId: 'joe' })).toBe(false);
    expect(ok(Committee, { id: 'cabinet', name: 'Cabinet', kind: 'cabinet', externalId: '133' })).toBe(true);
    expect(ok(Committee, { id: 'cabinet', name: 'Cabinet', kind: 'cabinet', externalId: '133; DROP' })).toBe(false);
  });

  it('reads ModernGov meeting and agenda item ids as digits only', () => {
    const answer = (meetingId: string, itemId: string) =>
      `<getmeeting><meeting><meetingid>${meetingId}</meetingid><meetingdate>16/06/2021</meetingdate><agendaitems><agendaitem><agendaitemid>${itemId}</agendaitemid><agendaitemtitle>T</agendaitemtitle></agendaitem></agendaitems></meeting></getmeeting>`;
    const good = parseMeetingXml(answer('4967', '17241'));
    expect(good.ok && good.value.agendaItems.map((i) => i.modernGovId)).toEqual(['17241']);
    const badMeeting = parseMeetingXml(answer('../4967', '17241'));
    expect(badMeeting.ok ? undefined : badMeeting.error.message).toMatch(/is not a ModernGov meeting id \(digits\)/);
    const badItem = parseMeetingXml(answer('4967', '17241 [Open](https://evil.example)'));
    expect(badItem.ok && badItem.value.agendaItems).toEqual([]);
    expect(badItem.ok && badItem.warnings.map((w) => w.message)).toEqual([expect.stringContaining('is not a ModernGov id (digits); it was left out.')]);
  });
});
