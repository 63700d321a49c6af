import { hasLeft, isEntitledToExempt, isOfficer, mayView, sitsOn, sittingCouncillors, type Member } from '../../src/domain';

const person = (role: Member['role'], committees: string[] = []): Member => ({
  id: `${role}-${committees.join('-') || 'none'}`,
  name: 'Someone',
  role,
  committees: committees.map((committeeId) => ({ committeeId, seat: 'Member' })),
});
const exemptCabinetItem = { exempt: true, committeeId: 'cabinet' };
const publicCabinetItem = { exempt: false, committeeId: 'cabinet' };

describe('who may see exempt business', () => {
  it.each([
    ['a Cabinet councillor', person('councillor', ['cabinet']), true],
    ['a councillor of another committee', person('councillor', ['scrutiny']), false],
    ['an officer on no committee', person('officer'), true],
    ['an admin', person('admin'), true],
  ])('%s in a personal chat: %s', (_who, member, expected) => {
    expect(mayView({ member, where: 'personal' }, exemptCabinetItem)).toBe(expected);
    expect(isEntitledToExempt(member, 'cabinet')).toBe(expected);
  });

  it('never in a channel or group chat, and never to someone not on the roster', () => {
    const cabinetMember = person('councillor', ['cabinet']);
    expect(mayView({ member: cabinetMember, where: 'channel' }, exemptCabinetItem)).toBe(false);
    expect(mayView({ member: person('admin'), where: 'groupChat' }, exemptCabinetItem)).toBe(false);
    expect(mayView({ where: 'personal' }, exemptCabinetItem)).toBe(false);
  });

  it('public business to anyone, anywhere', () => {
    expect(mayView({ where: 'channel' }, publicCabinetItem)).toBe(true);
  });

  it('officers are officers and admins, and nobody unknown', () => {
    expect([person('officer'), person('admin'), person('councillor')].map((m) => isOfficer(m))).toEqual([true, true, false]);
    expect(isOfficer(undefined)).toBe(false);
  });
});

describe('a former member (end date reached, London time)', () => {
  const leaving = (role: Member['role'], endsOn: string, committees: string[] = ['cabinet']): Member => ({ ...person(role, committees), endsOn });
  // 2026-06-30T23:30Z is 00:30 on 1 July in London (BST): the day has come there though not in UTC.
  const firstOfJulyInLondon = new Date('2026-06-30T23:30:00Z');
  const lastOfJuneInLondon = new Date('2026-06-30T22:30:00Z');

  it('leaves at the start of their end date in London, not before', () => {
    const councillor = leaving('councillor', '2026-07-01');
    expect(hasLeft(councillor, lastOfJuneInLondon)).toBe(false);
    expect(hasLeft(councillor, firstOfJulyInLondon)).toBe(true);
    expect(hasLeft(person('councillor', ['cabinet']), firstOfJulyInLondon)).toBe(false);
  });

  it('from that day sits on no committee and is entitled to no exempt business, councillor or officer', () => {
    for (const role of ['councillor', 'officer', 'admin'] as const) {
      const former = leaving(role, '2026-07-01');
      expect(isEntitledToExempt(former, 'cabinet', lastOfJuneInLondon)).toBe(true);
      expect(isEntitledToExempt(former, 'cabinet', firstOfJulyInLondon)).toBe(false);
      expect(sitsOn(former, 'cabinet', firstOfJulyInLondon)).toBe(false);
    }
    expect(isOfficer(leaving('officer', '2026-07-01'), firstOfJulyInLondon)).toBe(false);
  });

  it('an end date in the past closes exempt business now, in a personal chat too', () => {
    expect(mayView({ member: leaving('councillor', '2020-05-07'), where: 'personal' }, exemptCabinetItem)).toBe(false);
    expect(mayView({ member: leaving('councillor', '2999-05-07'), where: 'personal' }, exemptCabinetItem)).toBe(true);
  });

  it('is not among the councillors who should read the papers', () => {
    const staying = { ...person('councillor', ['cabinet']), id: 'staying' };
    const gone = { ...leaving('councillor', '2026-07-01'), id: 'gone' };
    expect(sittingCouncillors([staying, gone, person('officer', ['cabinet'])], 'cabinet', firstOfJulyInLondon).map((m) => m.id)).toEqual(['staying']);
    expect(sittingCouncillors([staying, gone], 'cabinet', lastOfJuneInLondon).map((m) => m.id)).toEqual(['staying', 'gone']);
  });
});
