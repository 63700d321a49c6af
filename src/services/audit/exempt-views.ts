import type { AuditContext, AuditEntry, AuditTarget, Viewer } from '../../domain';
import type { AuditLog } from '../../store/port';
import { newAuditEntryId } from './audit-entry-id';
import { viewerAuditContext } from './viewer-context';

/** A record an answer showed, as much of it as the audit needs: only exempt ones are recorded. */
export interface ShownRecord {
  readonly kind: 'agendaItem' | 'decision';
  readonly id: string;
  readonly title: string;
  readonly exempt: boolean;
  readonly committeeId: string;
}

export const shownItem = (item: { id: string; title: string; exempt: boolean; committeeId: string }): ShownRecord => ({ kind: 'agendaItem', ...pick(item) });
export const shownDecision = (decision: { id: string; title: string; exempt: boolean; committeeId: string }): ShownRecord => ({ kind: 'decision', ...pick(decision) });
const pick = ({ id, title, exempt, committeeId }: { id: string; title: string; exempt: boolean; committeeId: string }) => ({ id, title, exempt, committeeId });

/** How many exempt records one entry names (an agenda of many items is one event, and one entry). */
const MAX_NAMED = 50;

/**
 * Records who was shown exempt (Part 2) business: one entry per answer that showed any, none for an answer that
 * showed none (so an ordinary turn costs no extra write). A failed write is reported through `onNotRecorded` (the
 * composition root logs it as an error) and the answer still goes: refusing a councillor their papers because the
 * log is briefly unavailable would fail the meeting, while the error line keeps the gap visible to operators.
 */
export interface ExemptViews {
  /** In Teams: recorded only for a viewer Teams authenticated in this turn (`viewer.identity`). Never rejects. */
  shown(viewer: Viewer, records: readonly ShownRecord[]): Promise<void>;
  /** Through the officer API or the CLI. Never rejects. */
  read(context: AuditContext, records: readonly ShownRecord[]): Promise<void>;
}

export function exemptViews(log: Pick<AuditLog, 'append'>, options: { readonly now: () => Date; readonly onNotRecorded: (error: unknown, entry: AuditEntry) => void }): ExemptViews {
  const record = async (context: AuditContext, records: readonly ShownRecord[]): Promise<void> => {
    const exempt = uniqueExempt(records);
    const [first] = exempt;
    if (first === undefined) return;
    const target: AuditTarget = { kind: first.kind, id: first.id, label: first.title.slice(0, 200) };
    const entry: AuditEntry = {
      id: newAuditEntryId(),
      at: options.now().toISOString(),
      actor: context.actor,
      action: 'exempt.viewed',
      target,
      ...(context.requestId !== undefined ? { requestId: context.requestId } : {}),
      details: {
        committeeId: first.committeeId,
        ...(exempt.length > 1 ? { shown: exempt.slice(0, MAX_NAMED).map((r) => `${r.kind}:${r.id}`), count: exempt.length } : {}),
      },
    };
    try {
      await log.append(entry);
    } catch (error) {
      options.onNotRecorded(error, entry);
    }
  };
  return {
    shown: (viewer, records) => {
      const context = viewerAuditContext(viewer);
      // A viewer nobody authenticated (the outbox drawing a recipient's card) is not someone looking: a push is
      // recorded as a push.
      return context === undefined ? Promise.resolve() : record(context, records);
    },
    read: record,
  };
}

const uniqueExempt = (records: readonly ShownRecord[]): ShownRecord[] => {
  const seen = new Set<string>();
  return records.filter((r) => {
    const key = `${r.kind}:${r.id}`;
    if (!r.exempt || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
};
