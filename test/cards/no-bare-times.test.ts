import { readFileSync } from 'node:fs';
import { cardNames } from '../../src/cards';
import { formatWhen } from '../../src/cards/format-date';
import { sampleDataPath } from '../../src/cards/templates';

/**
 * A time shown to someone always says its day: "today at 9.45am" or "Mon 14 June 2021, 10.32am", never "9.45am"
 * alone (a card stays in the chat after the day it was drawn). Every card's sample data is swept for a time that
 * is not preceded by its day.
 */
const TIME = /\b(?:(?:1[0-2]|[1-9])(?:\.[0-5]\d)?(?:am|pm)|midday|midnight)\b/g;
/** What must come just before a time: "today at ", or a date ending in a year ("… 2021, "), or "… 2021 at ". */
const DAY_BEFORE = /(?:\btoday at |\b\d{4},? (?:at )?)$/;

const stringsIn = (value: unknown): string[] =>
  typeof value === 'string' ? [value] : Array.isArray(value) ? value.flatMap(stringsIn) : value && typeof value === 'object' ? Object.values(value).flatMap(stringsIn) : [];

const bareTimesIn = (text: string): string[] =>
  [...text.matchAll(TIME)].filter((m) => !DAY_BEFORE.test(text.slice(0, m.index))).map((m) => m[0]);

describe('times on cards say their day', () => {
  it('finds the bare time it is looking for, and passes a time with its day', () => {
    expect(bareTimesIn('Last update 12.10am by Andrew Cotton')).toEqual(['12.10am']);
    expect(bareTimesIn('Updated 10.32am')).toEqual(['10.32am']);
    expect(bareTimesIn('Last update today at 12.10am by Andrew Cotton')).toEqual([]);
    expect(bareTimesIn('Cabinet · Wed 16 June 2021, 6.30pm · Item 5')).toEqual([]);
    expect(bareTimesIn('deliveries allowed before 10am')).toEqual(['10am']);
  });

  it('formatWhen never gives a bare time, today or any other day', () => {
    const now = new Date('2021-06-17T15:00:00Z');
    for (const at of ['2021-06-17T09:32:00Z', '2021-06-16T23:01:00Z', '2021-06-16T22:59:00Z', '2021-06-17T11:00:00Z', '2020-01-01T00:00:00Z']) {
      expect(bareTimesIn(`Updated ${formatWhen(at, now)}`)).toEqual([]);
    }
  });

  it.each(cardNames)('cards/%s.data.json has no time without its day', (name) => {
    const strings = stringsIn(JSON.parse(readFileSync(sampleDataPath(name), 'utf8')));
    expect(strings.flatMap((s) => bareTimesIn(s).map((t) => `${t} in "${s}"`))).toEqual([]);
  });
});
