import type { AgendaItem, Decision, Member, Outcome } from '../../domain';
import { isEntitledToExempt } from '../../domain';
import { acronymsOf } from './acronyms';

/**
 * What one search hit is: an agenda item together with the decisions taken on it, or a decision that has no agenda
 * item in the index (an officer's delegated decision). One document per subject, so an item and its decision rank
 * as one result rather than competing with each other.
 */
export interface SearchDocument {
  /** "item:<agenda item id>" or "decision:<decision id>". */
  readonly id: string;
  readonly kind: 'agenda-item' | 'decision';
  readonly itemId?: string;
  readonly decisionIds: readonly string[];
  readonly committeeId: string;
  readonly title: string;
  readonly summary: string;
  /** Each outcome as printed, "RECOMMENDED to Council that ...". */
  readonly outcomes: readonly string[];
  readonly reasons: readonly string[];
  /** Initials of capitalised word runs (acronyms.ts), space-separated. */
  readonly acronyms: string;
  /** Exempt (Part 2) when the item or any of its decisions is: only those entitled may find it. */
  readonly exempt: boolean;
}

export const itemDocumentId = (itemId: string): string => `item:${itemId}`;
export const decisionDocumentId = (decisionId: string): string => `decision:${decisionId}`;

const outcomeText = (o: Pick<Outcome, 'verb' | 'target' | 'text'>): string => `${o.verb}${o.target ? ` to ${o.target}` : ''} ${o.text}`;

const build = (
  base: Pick<SearchDocument, 'id' | 'kind' | 'itemId' | 'committeeId' | 'title' | 'summary' | 'exempt'>,
  decisions: readonly Decision[],
): SearchDocument => {
  const outcomes = decisions.flatMap((d) => d.outcomes.map(outcomeText));
  const reasons = decisions.flatMap((d) => d.reasons);
  return {
    ...base,
    decisionIds: decisions.map((d) => d.id),
    outcomes,
    reasons,
    acronyms: acronymsOf([base.title, base.summary, ...outcomes].join('\n')).join(' '),
    exempt: base.exempt || decisions.some((d) => d.exempt),
  };
};

export const itemDocument = (item: AgendaItem, decisions: readonly Decision[]): SearchDocument =>
  build(
    {
      id: itemDocumentId(item.id),
      kind: 'agenda-item',
      itemId: item.id,
      committeeId: item.committeeId,
      title: item.title,
      summary: [item.summary, ...item.recommendations].filter((s) => s.length > 0).join('\n'),
      exempt: item.exempt,
    },
    decisions,
  );

export const decisionDocument = (decision: Decision): SearchDocument =>
  build(
    {
      id: decisionDocumentId(decision.id),
      kind: 'decision',
      committeeId: decision.committeeId,
      title: decision.title,
      summary: decision.purpose ?? '',
      exempt: decision.exempt,
    },
    [decision],
  );

/** Who is asking; identity comes from Teams, never from the query. */
export type Asker = Pick<Member, 'role' | 'committees'>;

/** Exempt business is found only by those entitled to it (domain/visibility.ts says who). */
export const mayFind = (asker: Asker, doc: Pick<SearchDocument, 'exempt' | 'committeeId'>): boolean =>
  !doc.exempt || isEntitledToExempt(asker, doc.committeeId);
