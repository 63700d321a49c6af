/**
 * Working days from today to a call-in deadline, Monday to Friday, counting the deadline and not today. The API's own
 * count (callIn.workingDaysLeft, which knows the bank holidays) wins where it answers one; this is the fallback.
 */
export function weekdaysUntil(todayIso: string, endsOnIso: string): number {
  const day = new Date(`${todayIso}T12:00:00Z`);
  const end = new Date(`${endsOnIso.slice(0, 10)}T12:00:00Z`);
  let count = 0;
  while (day < end) {
    day.setUTCDate(day.getUTCDate() + 1);
    const dow = day.getUTCDay();
    if (dow !== 0 && dow !== 6) count += 1;
  }
  return count;
}

export const londonToday = (now = new Date()): string => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(now);
