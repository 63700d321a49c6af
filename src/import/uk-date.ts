import { CalendarDate } from '../domain';

/**
 * Reads a date as ModernGov prints it, dd/mm/yyyy (slashes sometimes still written as the entity &#47;),
 * and answers it as yyyy-mm-dd. Also accepts yyyy-mm-dd, which the web service uses on some servers.
 * Answers undefined for anything that is not a real calendar date (31/02/2021).
 */
export function readUkDate(text: string): CalendarDate | undefined {
  const cleaned = text.replace(/&#0*47;|&#x0*2f;/gi, '/').trim();
  const uk = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?!\d)/.exec(cleaned);
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?!\d)/.exec(cleaned);
  const [year, month, day] = uk ? [uk[3], uk[2], uk[1]] : iso ? [iso[1], iso[2], iso[3]] : [];
  if (year === undefined || month === undefined || day === undefined) return undefined;
  const y = Number(year);
  const m = Number(month);
  const d = Number(day);
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return undefined;
  return `${year}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
