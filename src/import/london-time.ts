/** Minutes Europe/London is ahead of UTC at an instant: 0 in winter (GMT), 60 in summer (BST). */
const londonOffsetMinutes = (ms: number): number => {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London', hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
  }).formatToParts(new Date(ms));
  const get = (type: string): number => Number(parts.find((p) => p.type === type)?.value);
  return Math.round((Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute')) - ms) / 60_000);
};

/**
 * The UTC instant of a wall-clock time in Europe/London ("2021-10-12", "18:00" -> 2021-10-12T17:00:00.000Z).
 * The offset is read at the wall time taken as UTC and then at the corrected instant, which settles it on
 * both sides of a clock change.
 */
export function londonWallTimeToInstant(date: string, time: string): string | undefined {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const t = /^(\d{1,2})[:.](\d{2})(?::\d{2})?$/.exec(time);
  if (!d || !t) return undefined;
  const [hours, minutes] = [Number(t[1]), Number(t[2])];
  if (hours > 23 || minutes > 59) return undefined;
  const wall = Date.UTC(Number(d[1]), Number(d[2]) - 1, Number(d[3]), hours, minutes);
  const guess = wall - londonOffsetMinutes(wall) * 60_000;
  return new Date(wall - londonOffsetMinutes(guess) * 60_000).toISOString();
}
