import type { AgendaItem, Committee, Decision, Meeting, StatusDescription } from '../../domain';

/** A thing found by search or by link, with what its card needs. */
export type FoundHit =
  | { readonly kind: 'agenda-item'; readonly item: AgendaItem; readonly committee: Committee; readonly meeting?: Meeting }
  | {
      readonly kind: 'decision';
      readonly decision: Decision;
      readonly committee: Committee;
      readonly statuses: Record<number, StatusDescription>;
      /** The status most worth showing in a one-line preview: the first outcome still in progress. */
      readonly status?: StatusDescription;
    };
