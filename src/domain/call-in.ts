import type Holidays from 'date-holidays';
import { DomainError } from './errors';
import { londonOffsetMinutes } from './london-time';

/**
 * The call-in calendar: when scrutiny's window to call in an executive decision closes.
 *
 * Convention (the common wording of English constitutions: "the period expires at 5pm on the fifth clear
 * working day after publication"):
 * - a working day is Monday to Friday and not an England and Wales bank holiday (including substitute days and
 *   one-off days such as the Coronation, 8 May 2023); Christmas Eve and the days between Christmas and New Year
 *   that are not bank holidays count, as in law;
 * - "clear" days: the day of publication never counts, even when it is itself a working day; counting starts the
 *   day after, and a decision published on a weekend or bank holiday starts counting on the next working day;
 * - the deadline is the Nth such working day; the period closes at 17:00 Europe/London on that day.
 *   Published Wed 16 June 2021 with 5 days: Thu 17, Fri 18, Mon 21, Tue 22, Wed 23 -> deadline Wed 23 June 2021,
 *   closing 5pm; the decision may be implemented from Thu 24 June.
 * - at date granularity (the status lifecycle works on yyyy-mm-dd) the window is open up to and including the
 *   deadline date and the decision is effective from the next calendar day: never "effective" too early.
 * - 0 working days means the committee has no call-in period: the deadline is the publication date itself.
 *
 * Everything here is pure computation on yyyy-mm-dd strings; date-holidays does no I/O.
 */

/** The time of day, Europe/London, at which the call-in period closes on the deadline date. */
export const CALL_IN_CLOSING_TIME = '17:00';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;
/** Bounds the working-day walk; a constitution's period is days or weeks, never a year. */
const MAX_WORKING_DAYS = 366;

/** Parses yyyy-mm-dd to UTC midnight in ms, rejecting impossible dates such as 2021-02-30. */
const toUtcMs = (date: string): number => {
  const m = DATE.exec(date);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const ms = Date.UTC(y, mo - 1, d);
    const back = new Date(ms);
    if (back.getUTCFullYear() === y && back.getUTCMonth() === mo - 1 && back.getUTCDate() === d) return ms;
  }
  throw new DomainError('invalid', `"${date}" is not a calendar date written yyyy-mm-dd`, { date });
};

const fromUtcMs = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** The date `days` calendar days after (or before, when negative) `date`. */
export const addCalendarDays = (date: string, days: number): string => fromUtcMs(toUtcMs(date) + days * DAY_MS);

// date-holidays loads every country's rules when required (about 0.1 s) and parses a country's when constructed:
// do both once, on first use, so that importing the domain costs nothing. Its CommonJS export is the class itself.
let holidays: Holidays | undefined;
const loadHolidays = (): Holidays => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- deferred load, see above
  const HolidaysClass = require('date-holidays') as typeof Holidays;
  return new HolidaysClass('GB', 'ENG');
};
const bankHolidaysByYear = new Map<number, ReadonlySet<string>>();

/**
 * England and Wales bank holidays of one year, as yyyy-mm-dd. date-holidays marks them `public` for GB-ENG
 * (substitute days included); observances such as Mother's Day and Easter Sunday are `observance` and are left out.
 * `bank` is accepted too because date-holidays uses it for days when banks and offices close.
 */
const bankHolidaysOf = (year: number): ReadonlySet<string> => {
  let set = bankHolidaysByYear.get(year);
  if (!set) {
    holidays ??= loadHolidays();
    set = new Set(
      holidays
        .getHolidays(year)
        .filter((h) => h.type === 'public' || h.type === 'bank')
        .map((h) => h.date.slice(0, 10)),
    );
    bankHolidaysByYear.set(year, set);
  }
  return set;
};

export const isBankHoliday = (date: string): boolean => {
  toUtcMs(date);
  return bankHolidaysOf(Number(date.slice(0, 4))).has(date);
};

export const isWeekend = (date: string): boolean => {
  const day = new Date(toUtcMs(date)).getUTCDay();
  return day === 0 || day === 6;
};

export const isWorkingDay = (date: string): boolean => !isWeekend(date) && !isBankHoliday(date);

/** The `count`th working day strictly after `date` (count >= 1), or `date` itself when count is 0. */
export const addWorkingDays = (date: string, count: number): string => {
  if (!Number.isInteger(count) || count < 0 || count > MAX_WORKING_DAYS) {
    throw new DomainError('invalid', `working days must be a whole number from 0 to ${MAX_WORKING_DAYS}, not ${count}`, { count });
  }
  let day = date;
  toUtcMs(day);
  for (let counted = 0; counted < count; ) {
    day = addCalendarDays(day, 1);
    if (isWorkingDay(day)) counted += 1;
  }
  return day;
};

/** The last date (yyyy-mm-dd) on which the decision may be called in: the Nth clear working day after publication. */
export const callInDeadline = (publishedOn: string, workingDays: number): string => addWorkingDays(publishedOn, workingDays);

/** The calendar date from which the decision may be implemented, unless called in: the day after the deadline. */
export const callInEffectiveFrom = (publishedOn: string, workingDays: number): string =>
  workingDays === 0 ? publishedOn : addCalendarDays(callInDeadline(publishedOn, workingDays), 1);

/**
 * Working days left to call a decision in, as of `today`: the working days after today up to and including the
 * deadline. 0 on the deadline itself (the period closes at CALL_IN_CLOSING_TIME that day), and after it.
 */
export const workingDaysLeft = (today: string, deadline: string): number => {
  toUtcMs(today);
  toUtcMs(deadline);
  let left = 0;
  for (let day = addCalendarDays(today, 1); day <= deadline && left <= MAX_WORKING_DAYS; day = addCalendarDays(day, 1)) if (isWorkingDay(day)) left += 1;
  return left;
};

/** Whether the call-in window is open on `today` (publication date up to and including the deadline date). */
export const isCallInOpen = (publishedOn: string, workingDays: number, today: string): boolean =>
  workingDays > 0 && today >= publishedOn && today <= callInDeadline(publishedOn, workingDays);

/**
 * The instant (ISO 8601, UTC) at which the call-in period closes: CALL_IN_CLOSING_TIME, Europe/London, on the
 * deadline date. For scheduling the "call-in period ended" notice. Clock changes happen at 01:00 UTC on a Sunday,
 * never on a deadline afternoon, so the offset read at 17:00 UTC is the offset at 17:00 London time.
 */
export const callInClosesAt = (publishedOn: string, workingDays: number): string => {
  const deadline = callInDeadline(publishedOn, workingDays);
  const [hh, mm] = CALL_IN_CLOSING_TIME.split(':').map(Number) as [number, number];
  const wallAsUtc = toUtcMs(deadline) + (hh * 60 + mm) * 60_000;
  return new Date(wallAsUtc - londonOffsetMinutes(wallAsUtc) * 60_000).toISOString();
};

/** The Europe/London calendar date of an instant: a 6pm Council meeting in July is on that day, not in UTC's. */
export const londonDateOf = (instant: string): string => {
  const ms = Date.parse(instant);
  if (Number.isNaN(ms)) throw new DomainError('invalid', `"${instant}" is not an instant`, { instant });
  return fromUtcMs(ms + londonOffsetMinutes(ms) * 60_000);
};
