/**
 * Dates and times as a British council writes them, always in Europe/London whatever the server's zone:
 * "Wed 16 June 2021, 6.30pm", "Tue 22 June 2021", "21 July 2021", "10.32am".
 */
const LONDON = 'Europe/London';

type Parts = { weekday: string; day: string; month: string; year: string; hour: number; minute: number };

const formatters = new Map<string, Intl.DateTimeFormat>();

const formatterFor = (timeZone: string): Intl.DateTimeFormat => {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      weekday: 'short',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      hour: 'numeric',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, f);
  }
  return f;
};

const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A calendar date (yyyy-mm-dd) has no time zone: it is read as that day in UTC and written in UTC, so that it
 * never shifts by a day. An instant is written as the wall-clock time in London.
 */
const partsOf = (value: string | Date): Parts => {
  const isCalendarDate = typeof value === 'string' && CALENDAR_DATE.test(value);
  const date = isCalendarDate ? new Date(`${value}T12:00:00Z`) : typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) throw new RangeError(`not a date: ${String(value)}`);
  const parts = formatterFor(isCalendarDate ? 'UTC' : LONDON).formatToParts(date);
  const get = (type: Intl.DateTimeFormatPartTypes): string => parts.find((p) => p.type === type)?.value ?? '';
  return {
    weekday: get('weekday'),
    day: get('day'),
    month: get('month'),
    year: get('year'),
    hour: Number(get('hour')),
    minute: Number(get('minute')),
  };
};

const timeOf = ({ hour, minute }: Parts): string => {
  if (minute === 0 && hour === 12) return 'midday';
  if (minute === 0 && hour === 0) return 'midnight';
  const suffix = hour < 12 ? 'am' : 'pm';
  const h12 = hour % 12 === 0 ? 12 : hour % 12;
  return minute === 0 ? `${h12}${suffix}` : `${h12}.${String(minute).padStart(2, '0')}${suffix}`;
};

/** "10.32am", "6pm", "midday". */
export const formatTime = (instant: string | Date): string => timeOf(partsOf(instant));

/** "Tue 22 June 2021". */
export const formatDayDate = (value: string | Date): string => {
  const p = partsOf(value);
  return `${p.weekday} ${p.day} ${p.month} ${p.year}`;
};

/** "21 July 2021": for dates read as an appointment rather than a deadline. */
export const formatLongDate = (value: string | Date): string => {
  const p = partsOf(value);
  return `${p.day} ${p.month} ${p.year}`;
};

/** "Wed 16 June 2021, 6.30pm". */
export const formatDateTime = (instant: string | Date): string => {
  const p = partsOf(instant);
  return `${p.weekday} ${p.day} ${p.month} ${p.year}, ${timeOf(p)}`;
};

let londonDayFormat: Intl.DateTimeFormat | undefined;

/** The London calendar day of an instant, yyyy-mm-dd. */
export const londonDay = (instant: string | Date): string => {
  // Made once, on first use: building a formatter costs far more than formatting with one.
  londonDayFormat ??= new Intl.DateTimeFormat('en-CA', { timeZone: LONDON, year: 'numeric', month: '2-digit', day: '2-digit' });
  return londonDayFormat.format(typeof instant === 'string' ? new Date(instant) : instant);
};

/**
 * The one rule for a moment shown to someone: "today at 10.32am" when it is today in London, else the day with the
 * time, "Mon 14 June 2021, 10.32am". Never a bare time: a card stays in the chat after the day it was drawn, and
 * "Last update 12.10am" alone cannot say which day it means.
 */
export const formatWhen = (instant: string | Date, now: Date): string =>
  londonDay(instant) === londonDay(now) ? `today at ${formatTime(instant)}` : formatDateTime(instant);
