import { formatDateTime, formatDayDate, formatLongDate, formatTime, formatWhen, londonDay } from '../../src/cards/format-date';

describe('British dates in Europe/London', () => {
  it('writes a summer meeting in BST', () => {
    expect(formatDateTime('2021-06-16T17:30:00Z')).toBe('Wed 16 June 2021, 6.30pm');
  });

  it('writes a winter meeting in GMT', () => {
    expect(formatDateTime('2021-12-15T18:30:00Z')).toBe('Wed 15 December 2021, 6.30pm');
  });

  it('follows the clocks across the switches', () => {
    // Clocks go forward at 01:00 UTC on Sun 28 March 2021 and back at 01:00 UTC on Sun 31 October 2021.
    expect(formatDateTime('2021-03-28T00:59:00Z')).toBe('Sun 28 March 2021, 12.59am');
    expect(formatDateTime('2021-03-28T01:00:00Z')).toBe('Sun 28 March 2021, 2am');
    expect(formatDateTime('2021-10-31T00:30:00Z')).toBe('Sun 31 October 2021, 1.30am');
    expect(formatDateTime('2021-10-31T01:30:00Z')).toBe('Sun 31 October 2021, 1.30am');
  });

  it('crosses midnight into the London day, not the UTC one', () => {
    expect(formatDayDate('2021-06-21T23:30:00Z')).toBe('Tue 22 June 2021');
    expect(londonDay('2021-06-21T23:30:00Z')).toBe('2021-06-22');
    expect(londonDay('2021-12-21T23:30:00Z')).toBe('2021-12-21');
  });

  it('writes times the way councils do', () => {
    expect(formatTime('2021-06-17T09:32:00Z')).toBe('10.32am');
    expect(formatTime('2021-06-17T08:00:00Z')).toBe('9am');
    expect(formatTime('2021-06-17T11:00:00Z')).toBe('midday');
    expect(formatTime('2021-06-16T23:00:00Z')).toBe('midnight');
    expect(formatTime('2021-06-17T11:05:00Z')).toBe('12.05pm');
    expect(formatTime('2021-01-17T00:05:00Z')).toBe('12.05am');
  });

  it('never shifts a calendar date by a day', () => {
    expect(formatDayDate('2021-06-22')).toBe('Tue 22 June 2021');
    expect(formatDayDate('2021-03-28')).toBe('Sun 28 March 2021');
    expect(formatLongDate('2021-07-21')).toBe('21 July 2021');
  });

  it('says "today" with the time for something that happened today in London, and the day otherwise', () => {
    const now = new Date('2021-06-17T15:00:00Z');
    expect(formatWhen('2021-06-17T09:32:00Z', now)).toBe('today at 10.32am');
    expect(formatWhen('2021-06-16T22:59:00Z', now)).toBe('Wed 16 June 2021, 11.59pm');
    expect(formatWhen('2021-06-16T23:01:00Z', now)).toBe('today at 12.01am');
  });

  it('refuses what is not a date', () => {
    expect(() => formatDayDate('next Tuesday')).toThrow(RangeError);
  });
});
