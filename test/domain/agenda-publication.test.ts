import fc from 'fast-check';
import { agendaExpectedBy, latestAgendaPublicationDate } from '../../src/domain/agenda-publication';
import { addCalendarDays, isWorkingDay } from '../../src/domain/call-in';

/** The working days strictly between two dates: the "clear days" of s.100B(3). */
const clearWorkingDaysBetween = (from: string, to: string): number => {
  let count = 0;
  for (let day = addCalendarDays(from, 1); day < to; day = addCalendarDays(day, 1)) if (isWorkingDay(day)) count += 1;
  return count;
};

describe('the latest date an agenda may be published: five clear working days before the meeting (LGA 1972 s.100B(3))', () => {
  it('leaves out the day of publication and the day of the meeting (Wed 16 June 2021 -> Tue 8 June)', () => {
    // Clear days: Wed 9, Thu 10, Fri 11, Mon 14, Tue 15.
    expect(latestAgendaPublicationDate('2021-06-16')).toBe('2021-06-08');
  });

  it('does not count the weekend (Tue 15 December 2026 -> Mon 7 December)', () => {
    // Clear days: Tue 8, Wed 9, Thu 10, Fri 11, Mon 14.
    expect(latestAgendaPublicationDate('2026-12-15')).toBe('2026-12-07');
  });

  it('publishes on a working day: when the fifth clear day is a Monday, the Friday before', () => {
    // Meeting Mon 14 June 2021: clear days Mon 7 to Fri 11; the day before Mon 7 is a Sunday, so Fri 4 June.
    expect(latestAgendaPublicationDate('2021-06-14')).toBe('2021-06-04');
  });

  it('does not count Christmas bank holidays (Tue 5 January 2027 -> Wed 23 December 2026)', () => {
    // Fri 25 Dec and Mon 28 Dec 2026 (Boxing Day's substitute) and Fri 1 Jan 2027 are bank holidays.
    // Clear days: Thu 24, Tue 29, Wed 30, Thu 31 December, Mon 4 January.
    expect(latestAgendaPublicationDate('2027-01-05')).toBe('2026-12-23');
  });

  it('always leaves exactly five clear working days and is itself a working day', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3650 }), (offset) => {
        const meetingOn = addCalendarDays('2021-01-01', offset);
        const latest = latestAgendaPublicationDate(meetingOn);
        expect(isWorkingDay(latest)).toBe(true);
        expect(clearWorkingDaysBetween(latest, meetingOn)).toBe(5);
      }),
    );
  });
});

describe('when a meeting\'s agenda is expected', () => {
  it('is the date democratic services gave, when they gave one', () => {
    expect(agendaExpectedBy({ startsAt: '2026-12-15T18:30:00.000Z', agendaExpectedOn: '2026-12-04' })).toEqual({ date: '2026-12-04', statutory: false });
  });

  it('is otherwise the statutory latest date, from the meeting\'s London date', () => {
    // 11.30pm UTC on Mon 14 June 2021 is 00:30 on Tue 15 June in London (BST): the meeting is on the 15th.
    expect(agendaExpectedBy({ startsAt: '2021-06-14T23:30:00.000Z' })).toEqual({ date: '2021-06-07', statutory: true });
  });
});
