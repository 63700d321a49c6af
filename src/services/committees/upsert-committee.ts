import { Committee, conflict, DomainError } from '../../domain';
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
export async function upsertCommittee(input: UpsertCommitteeInput, store: Pick<Store, 'committees'>): Promise<UpsertCommitteeResult> {
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
    if (created.created) return { created: true, committee: created.record.value, etag: created.record.etag };
    return replace(committee, created.existing.etag, store);
  }
  return replace(committee, existing.etag, store);
}

async function replace(committee: Committee, etag: string, store: Pick<Store, 'committees'>): Promise<UpsertCommitteeResult> {
  const saved = await store.committees.replace(committee, etag);
  return { created: false, committee: saved.value, etag: saved.etag };
}
