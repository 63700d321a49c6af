import type { AgendaItem } from '../../domain';

/** "5" < "5a" < "10": agenda numbers sort by their leading number, then the rest; unnumbered items last. */
const numberKey = (n: string | undefined): [number, string] => {
  if (n === undefined) return [Number.POSITIVE_INFINITY, ''];
  const match = /^(\d+)(.*)$/.exec(n.trim());
  return match ? [Number(match[1]), match[2] ?? ''] : [Number.POSITIVE_INFINITY, n];
};

export const byAgendaOrder = (a: AgendaItem, b: AgendaItem): number => {
  const [an, ar] = numberKey(a.number);
  const [bn, br] = numberKey(b.number);
  if (an !== bn) return an < bn ? -1 : 1;
  return ar.localeCompare(br) || a.title.localeCompare(b.title) || a.id.localeCompare(b.id);
};
