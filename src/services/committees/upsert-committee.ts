import { Committee, conflict, DomainError, type AuditContext } from '../../domain';
import { recordChange, type ChangeEvent } from '../audit/record-change';
import type { Store } from '../../store/port';
import { etagMatches } from '../etag-match';

export interface UpsertCommitteeInput {
  /** Untrusted committee data (an API body): validated here. */
  readonly committee: unknown;
  /** The ETag the caller read; a stale one is refused. Without it, the officer's record wins. */
  readonly ifMatch?: string;
  /** The council's call-in period, for committees that do not set their own (CALL_IN_WORKING_DAYS). */
  readonly defaultCallInWorkingDays: number;
}

export interface UpsertCommitteeResult {
  readonly created: boolean;
  readonly committee: Committee;
  readonly etag: string;
}

/**
 * Creates or replaces a committee (Cabinet, Full Council, Scrutiny ...). Imports and the roster refer to
 * committees by id, so they must exist first. The call-in period is the council's unless the committee sets one.
 */
export async function upsertCommittee(
  input: UpsertCommitteeInput,
  store: Pick<Store, 'committees' | 'audit'>,
  by: AuditContext,
  now: () => Date = () => new Date(),
): Promise<UpsertCommitteeResult> {
  const { result, before } = await saveCommittee(input, store);
  const event = committeeChange(before, result.committee);
  if (event !== undefined) await recordChange(store.audit, by, event, now());
  return result;
}

/** What a committee write did, for the audit log: the fields changed (not their values: the record holds them). */
function committeeChange(before: Committee | undefined, after: Committee): ChangeEvent | undefined {
  const target = { kind: 'committee', id: after.id, label: after.name } as const;
  if (before === undefined) return { action: 'committee.created', target };
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])] as Array<keyof Committee>;
  const changed = fields.filter((f) => JSON.stringify(before[f]) !== JSON.stringify(after[f])).sort();
  return changed.length === 0 ? undefined : { action: 'committee.changed', target, details: { changed } };
}

async function saveCommittee(input: UpsertCommitteeInput, store: Pick<Store, 'committees'>): Promise<{ result: UpsertCommitteeResult; before?: Committee }> {
  const raw = input.committee && typeof input.committee === 'object' ? (input.committee as Record<string, unknown>) : {};
  const parsed = Committee.safeParse({ callInWorkingDays: input.defaultCallInWorkingDays, ...raw });
  if (!parsed.success) {
    const errors = parsed.error.issues.map((i) => ({ where: i.path.join('.') || 'committee', message: i.message }));
    throw new DomainError('invalid', `The committee is not valid: ${errors.map((e) => `${e.where}: ${e.message}`).join('; ')}`, { errors });
  }
  const committee = parsed.data;
  const existing = await store.committees.get(committee.id);
  if (input.ifMatch !== undefined) {
    if (!existing) throw new DomainError('conflict', `committee ${committee.id} does not exist, so it cannot match the ETag sent; send it without If-Match to create it`);
    if (input.ifMatch.trim() !== '*' && !etagMatches(input.ifMatch, existing.etag)) throw conflict('committee', committee.id);
  }
  if (!existing) {
    const created = await store.committees.create(committee);
    if (created.created) return { result: { created: true, committee: created.record.value, etag: created.record.etag } };
    return { result: await replace(committee, created.existing.etag, store), before: created.existing.value };
  }
  return { result: await replace(committee, existing.etag, store), before: existing.value };
}

async function replace(committee: Committee, etag: string, store: Pick<Store, 'committees'>): Promise<UpsertCommitteeResult> {
  const saved = await store.committees.replace(committee, etag);
  return { created: false, committee: saved.value, etag: saved.etag };
}
