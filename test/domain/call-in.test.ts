import fc from 'fast-check';
import {
  addCalendarDays, addWorkingDays, callInClosesAt, callInDeadline, callInEffectiveFrom, isBankHoliday, isCallInOpen,
  isWorkingDay, londonDateOf, workingDaysLeft,
} from '../../src/domain/call-in';
import { DomainError } from '../../src/domain/errors';

describe('call-in deadline: the Nth clear working day after publication', () => {
  it('does not count the day of publication (Wed 16 June 2021 + 5 -> Wed 23 June)', () => {
    expect(callInDeadline('2021-06-16', 5)).toBe('2021-06-23');
    expect(callInEffectiveFrom('2021-06-16', 5)).toBe('2021-06-24');
  });

  it('skips the weekend', () => {
    expect(callInDeadline('2021-06-18', 3)).toBe('2021-06-23'); // Fri -> Mon 21, Tue 22, Wed 23
    expect(callInDeadline('2021-06-18', 10)).toBe('2021-07-02');
  });

  it('starts counting on the next working day when published on a Saturday', () => {
    expect(callInDeadline('2021-06-19', 5)).toBe('2021-06-25');
  });

  it('skips Christmas, Boxing Day, their substitute days 27-28 Dec 2021 and New Year substitute 3 Jan 2022', () => {
    // Thu 23 Dec: Fri 24 (1), Wed 29 (2), Thu 30 (3), Fri 31 (4), Tue 4 Jan (5)
    expect(callInDeadline('2021-12-23', 5)).toBe('2022-01-04');
    expect(callInEffectiveFrom('2021-12-23', 5)).toBe('2022-01-05');
  });

  it('skips Good Friday and Easter Monday 2021', () => {
    expect(callInDeadline('2021-03-31', 5)).toBe('2021-04-09'); // Thu 1, Tue 6, Wed 7, Thu 8, Fri 9
    expect(callInDeadline('2021-04-01', 5)).toBe('2021-04-12');
  });

  it('skips the Coronation bank holiday, Mon 8 May 2023, and the Early May bank holiday before it', () => {
    expect(callInDeadline('2023-05-03', 5)).toBe('2023-05-11'); // Thu 4, Fri 5, Tue 9, Wed 10, Thu 11
    expect(callInDeadline('2023-04-28', 5)).toBe('2023-05-09'); // Tue 2, Wed 3, Thu 4, Fri 5, Tue 9
  });

  it('has no period for a committee with 0 call-in days', () => {
    expect(callInDeadline('2021-06-16', 0)).toBe('2021-06-16');
    expect(callInEffectiveFrom('2021-06-16', 0)).toBe('2021-06-16');
    expect(isCallInOpen('2021-06-16', 0, '2021-06-16')).toBe(false);
  });

  it('is open from publication up to and including the deadline date', () => {
    expect(isCallInOpen('2021-06-16', 5, '2021-06-15')).toBe(false);
    expect(isCallInOpen('2021-06-16', 5, '2021-06-16')).toBe(true);
    expect(isCallInOpen('2021-06-16', 5, '2021-06-23')).toBe(true);
    expect(isCallInOpen('2021-06-16', 5, '2021-06-24')).toBe(false);
  });

  it('closes at 5pm London time: 16:00 UTC in summer, 17:00 UTC in winter', () => {
    expect(callInClosesAt('2021-06-16', 5)).toBe('2021-06-23T16:00:00.000Z');
    expect(callInClosesAt('2021-12-23', 5)).toBe('2022-01-04T17:00:00.000Z');
    // British Summer Time began on Sun 27 March 2022.
    expect(callInClosesAt('2022-03-25', 1)).toBe('2022-03-28T16:00:00.000Z');
    expect(callInClosesAt('2022-03-24', 1)).toBe('2022-03-25T17:00:00.000Z');
  });

  it('rejects dates that are not yyyy-mm-dd calendar dates and day counts that are not whole numbers', () => {
    for (const bad of ['2021-02-30', '16/06/2021', '2021-6-16', '']) {
      expect(() => callInDeadline(bad, 5)).toThrow(DomainError);
    }
    expect(() => callInDeadline('2021-06-16', -1)).toThrow(expect.objectContaining({ code: 'invalid' }));
    expect(() => addWorkingDays('2021-06-16', 1.5)).toThrow(expect.objectContaining({ code: 'invalid' }));
  });
});

describe('working days left to call a decision in (the dashboard\'s countdown)', () => {
  // Published Wed 16 June 2021 with 5 days: deadline Wed 23 June.
  it.each([
    ['2021-06-16', 5, 'the day of publication: Thu 17, Fri 18, Mon 21, Tue 22, Wed 23'],
    ['2021-06-18', 3, 'a Friday: Mon 21, Tue 22, Wed 23'],
    ['2021-06-19', 3, 'a Saturday: the same three'],
    ['2021-06-22', 1, 'the day before the deadline'],
    ['2021-06-23', 0, 'the deadline itself: it closes at 5pm that day'],
    ['2021-06-24', 0, 'after the deadline'],
  ])('as of %s: %i (%s)', (today, left) => {
    expect(workingDaysLeft(today, '2021-06-23')).toBe(left);
  });

  it('does not count the Christmas and New Year bank holidays and their substitute days', () => {
    // After Fri 24 Dec 2021 up to Wed 5 Jan 2022: Wed 29, Thu 30, Fri 31 Dec, Tue 4, Wed 5 Jan (27, 28 Dec and 3 Jan are bank holidays).
    expect(workingDaysLeft('2021-12-24', '2022-01-05')).toBe(5);
  });

  it('counts down to the deadline callInDeadline gives, one working day at a time', () => {
    const deadline = callInDeadline('2021-06-16', 5);
    let today = '2021-06-16';
    const seen: number[] = [];
    while (today <= deadline) {
      if (isWorkingDay(today)) seen.push(workingDaysLeft(today, deadline));
      today = addCalendarDays(today, 1);
    }
    expect(seen).toEqual([5, 4, 3, 2, 1, 0]);
  });
});

describe('bank holidays (GB-ENG public holidays from date-holidays)', () => {
  it('counts bank holidays and substitute days, not observances', () => {
    expect(isBankHoliday('2021-12-27')).toBe(true);
    expect(isBankHoliday('2022-06-03')).toBe(true); // Platinum Jubilee
    expect(isBankHoliday('2022-09-19')).toBe(true); // State funeral of Queen Elizabeth II
    expect(isBankHoliday('2021-03-14')).toBe(false); // Mother's Day
    expect(isBankHoliday('2021-04-04')).toBe(false); // Easter Sunday
    expect(isBankHoliday('2021-12-24')).toBe(false);
    expect(isWorkingDay('2021-12-24')).toBe(true);
    expect(isWorkingDay('2021-12-25')).toBe(false);
  });

  it('matches the gov.uk list of England and Wales bank holidays for 2021-2023 exactly', () => {
    const govUk = [
      '2021-01-01', '2021-04-02', '2021-04-05', '2021-05-03', '2021-05-31', '2021-08-30', '2021-12-27', '2021-12-28',
      '2022-01-03', '2022-04-15', '2022-04-18', '2022-05-02', '2022-06-02', '2022-06-03', '2022-08-29', '2022-09-19',
      '2022-12-26', '2022-12-27',
      '2023-01-02', '2023-04-07', '2023-04-10', '2023-05-01', '2023-05-08', '2023-05-29', '2023-08-28', '2023-12-25',
      '2023-12-26',
    ];
    const found: string[] = [];
    for (let d = '2021-01-01'; d <= '2023-12-31'; d = addCalendarDays(d, 1)) {
      const weekday = ![0, 6].includes(new Date(`${d}T00:00:00Z`).getUTCDay());
      if (weekday && isBankHoliday(d)) found.push(d);
    }
    expect(found).toEqual(govUk);
  });
});

describe('call-in deadline properties', () => {
  const anyDate = fc.integer({ min: 0, max: 365 * 20 }).map((k) => addCalendarDays('2015-01-01', k));
  const anyDays = fc.integer({ min: 1, max: 30 });

  it('is a working day strictly after publication, with exactly N working days in between', () => {
    fc.assert(
      fc.property(anyDate, anyDays, (published, days) => {
        const deadline = callInDeadline(published, days);
        expect(isWorkingDay(deadline)).toBe(true);
        expect(deadline > published).toBe(true);
        let working = 0;
        for (let d = addCalendarDays(published, 1); d <= deadline; d = addCalendarDays(d, 1)) if (isWorkingDay(d)) working += 1;
        expect(working).toBe(days);
      }),
      { numRuns: 300 },
    );
  });

  it('never moves earlier when publication is later or the period longer', () => {
    fc.assert(
      fc.property(anyDate, anyDays, fc.integer({ min: 1, max: 10 }), (published, days, later) => {
        expect(callInDeadline(addCalendarDays(published, later), days) >= callInDeadline(published, days)).toBe(true);
        expect(callInDeadline(published, days + 1) > callInDeadline(published, days)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe('londonDateOf', () => {
  it('gives the Europe/London calendar date of an instant', () => {
    expect(londonDateOf('2021-07-21T17:00:00.000Z')).toBe('2021-07-21');
    expect(londonDateOf('2021-07-20T23:30:00Z')).toBe('2021-07-21'); // 00:30 BST
    expect(londonDateOf('2021-12-31T23:30:00Z')).toBe('2021-12-31'); // GMT
    expect(() => londonDateOf('next Tuesday')).toThrow(DomainError);
  });
});
