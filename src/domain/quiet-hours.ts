import { addCalendarDays } from './call-in';
import { DomainError } from './errors';
import { londonWallClock, londonWallTimeToInstant } from './london-time';

/**
 * Quiet hours: a window of the London day in which the bot sends no notifications unless an officer marks the push
 * urgent (default 21:00 to 08:00). What falls due in the window waits until it ends. The window is wall-clock time,
 * so it follows British Summer Time: 08:00 is 07:00 UTC in summer and 08:00 UTC in winter.
 */
export interface QuietHours {
  /** Minutes after London midnight at which the quiet window starts (21:00 -> 1260). */
  readonly startMinute: number;
  /** Minutes after London midnight at which it ends; before the start when the window spans midnight. */
  readonly endMinute: number;
}

const TIME = /^([01]?\d|2[0-3]):([0-5]\d)$/;

const minuteOf = (text: string): number | undefined => {
  const m = TIME.exec(text.trim());
  return m ? Number(m[1]) * 60 + Number(m[2]) : undefined;
};

/** The window when none is set (QUIET_HOURS unset or empty). */
export const DEFAULT_QUIET_HOURS = '21:00-08:00';

/**
 * Reads "21:00-08:00" (London time); "off" means no quiet hours. Empty means not set, so the default window, as
 * configuration treats every empty value (src/config.ts) and .env.example says: only "off" turns them off.
 */
export const parseQuietHours = (text: string): QuietHours | undefined => {
  const trimmed = text.trim().toLowerCase() || DEFAULT_QUIET_HOURS;
  if (trimmed === 'off') return undefined;
  const [from, to, ...rest] = trimmed.split('-');
  const startMinute = from === undefined ? undefined : minuteOf(from);
  const endMinute = to === undefined ? undefined : minuteOf(to);
  if (rest.length > 0 || startMinute === undefined || endMinute === undefined || startMinute === endMinute) {
    throw new DomainError('invalid', `"${text}" is not a quiet-hours window: write it as 21:00-08:00 (London time), or off`);
  }
  return { startMinute, endMinute };
};

export const formatQuietHours = (q: QuietHours | undefined): string => {
  if (!q) return 'off';
  const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
  return `${hhmm(q.startMinute)}-${hhmm(q.endMinute)}`;
};

const inWindow = (minute: number, q: QuietHours): boolean =>
  q.startMinute < q.endMinute ? minute >= q.startMinute && minute < q.endMinute : minute >= q.startMinute || minute < q.endMinute;

export const isQuietAt = (at: Date, q: QuietHours | undefined): boolean => q !== undefined && inWindow(londonWallClock(at.getTime()).minuteOfDay, q);

/**
 * The earliest instant at or after `at` outside quiet hours: `at` itself when it is outside them, else the end of
 * the window (the same London day, or the next when the window spans midnight and `at` is before midnight).
 */
export const outsideQuietHours = (at: Date, q: QuietHours | undefined): Date => {
  if (!q) return at;
  const wall = londonWallClock(at.getTime());
  if (!inWindow(wall.minuteOfDay, q)) return at;
  const endsNextDay = q.startMinute > q.endMinute && wall.minuteOfDay >= q.startMinute;
  const endDate = endsNextDay ? addCalendarDays(wall.date, 1) : wall.date;
  const hhmm = `${String(Math.floor(q.endMinute / 60)).padStart(2, '0')}:${String(q.endMinute % 60).padStart(2, '0')}`;
  const end = londonWallTimeToInstant(endDate, hhmm);
  if (end === undefined) throw new Error(`quiet hours: no instant for ${endDate} ${hhmm}`);
  return new Date(end);
};

/** When a notification asked for `sendAt` may go: urgent ones at once, others not during quiet hours. */
export const sendableFrom = (sendAt: Date, urgent: boolean, q: QuietHours | undefined): Date => (urgent ? sendAt : outsideQuietHours(sendAt, q));
