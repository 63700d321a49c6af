import { z } from 'zod';
import { CalendarDate, Instant } from './common';
/**
 * Europe/London wall-clock time. Council business runs on London time (GMT in winter, BST in summer); instants are
 * stored in UTC. The clock goes forward at 01:00 UTC on the last Sunday of March and back at 01:00 UTC on the last
 * Sunday of October: every conversion here reads the offset at the instant concerned, never a fixed one.
 */
let londonClock: Intl.DateTimeFormat | undefined;

const partsAt = (ms: number): Record<'year' | 'month' | 'day' | 'hour' | 'minute', number> => {
  londonClock ??= new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London', hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
  });
  const parts = londonClock.formatToParts(new Date(ms));
  const get = (type: string): number => Number(parts.find((p) => p.type === type)?.value);
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour'), minute: get('minute') };
};

/** Minutes Europe/London is ahead of UTC at the instant `ms`: 0 in winter (GMT), 60 in summer (BST). */
export const londonOffsetMinutes = (ms: number): number => {
  const p = partsAt(ms);
  return Math.round((Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute) - ms) / 60_000);
};

/** The London wall clock at an instant: its calendar date (yyyy-mm-dd) and minutes since midnight. */
export const londonWallClock = (ms: number): { readonly date: string; readonly minuteOfDay: number } => {
  const p = partsAt(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return { date: `${p.year}-${pad(p.month)}-${pad(p.day)}`, minuteOfDay: p.hour * 60 + p.minute };
};

/**
 * The UTC instant of a wall-clock time in Europe/London ("2021-10-12", "18:00" -> 2021-10-12T17:00:00.000Z);
 * undefined when either is not a valid date or time. The offset is read at the wall time taken as UTC and then at
 * the corrected instant, which settles it on both sides of a clock change. A wall time that does not exist (01:30 on
 * the day the clocks go forward) comes out an hour later, as a clock on the wall would show it.
 */
export function londonWallTimeToInstant(date: string, time: string): string | undefined {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const t = /^(\d{1,2})[:.](\d{2})(?::\d{2})?$/.exec(time);
  if (!d || !t) return undefined;
  const [hours, minutes] = [Number(t[1]), Number(t[2])];
  if (hours > 23 || minutes > 59) return undefined;
  const wall = Date.UTC(Number(d[1]), Number(d[2]) - 1, Number(d[3]), hours, minutes);
  if (Number.isNaN(wall)) return undefined;
  const guess = wall - londonOffsetMinutes(wall) * 60_000;
  return new Date(wall - londonOffsetMinutes(guess) * 60_000).toISOString();
}

/** The next instant after `after` at which London clocks show `hhmm` ("09:00"): today's, or tomorrow's once passed. */
export function nextLondonWallTime(after: Date, hhmm: string): Date {
  const { date } = londonWallClock(after.getTime());
  const today = londonWallTimeToInstant(date, hhmm);
  if (today === undefined) throw new Error(`"${hhmm}" is not a time of day`);
  if (Date.parse(today) > after.getTime()) return new Date(today);
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const tomorrow = new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
  return new Date(londonWallTimeToInstant(tomorrow, hhmm)!);
}

/** An instant, or a day (yyyy-mm-dd) meaning its start in London. */
export const InstantOrDay = z.union([Instant, CalendarDate]).transform((v, ctx) => {
  const iso = CalendarDate.safeParse(v).success ? londonWallTimeToInstant(v, '00:00') : v;
  if (iso === undefined || Number.isNaN(Date.parse(iso))) {
    ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'must be a real date or instant' });
    return z.NEVER;
  }
  return new Date(iso);
});
