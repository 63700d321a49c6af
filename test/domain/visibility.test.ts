import { isEntitledToExempt, isOfficer, mayView, type Member } from '../../src/domain';

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
    expect([person('officer'), person('admin'), person('councillor')].map(isOfficer)).toEqual([true, true, false]);
    expect(isOfficer(undefined)).toBe(false);
  });
});
