import { DomainError, type ChangeRecord } from '../domain';
import { recordChanges } from '../import/record-changes';
import type { CreateResult, Versioned } from '../store/port';

export type WriteAction = 'created' | 'updated' | 'unchanged';

/** A record an import means to store, worked out from what is stored now. */
export interface PlannedRecord<T> {
  readonly record: T;
  readonly action: WriteAction;
  readonly etag?: string;
  /** The record as stored before this import, when there was one. */
  readonly before?: T;
}

export interface RecordOps<T> {
  find(): Promise<Versioned<T> | undefined>;
  /** The record to store given what is stored now; pure, so it can be worked out again after a conflict. */
  build(existing: T | undefined): PlannedRecord<T>;
  create(record: T): Promise<CreateResult<T>>;
  replace(record: T, etag: string): Promise<Versioned<T>>;
}

export async function planRecord<T>(ops: RecordOps<T>): Promise<PlannedRecord<T>> {
  const existing = await ops.find();
  const planned = ops.build(existing?.value);
  return existing ? { ...planned, etag: existing.etag, before: existing.value } : planned;
}

async function write<T>(ops: RecordOps<T>, plan: PlannedRecord<T>): Promise<PlannedRecord<T> | Versioned<T>> {
  if (plan.action === 'created') {
    const result = await ops.create(plan.record);
    // Someone imported the same page a moment ago: their record is the one to update.
    return result.created ? plan : result.existing;
  }
  if (plan.etag === undefined) throw new Error('An update was planned without the ETag it was read with');
  await ops.replace(plan.record, plan.etag);
  return plan;
}

const isConflict = (err: unknown): boolean => err instanceof DomainError && err.code === 'conflict';

/**
 * Stores a planned record. When the record changed since it was read (another import, an officer's edit) the
 * plan is worked out again from what is stored now and written once more; a second conflict is the caller's.
 */
export async function savePlanned<T>(ops: RecordOps<T>, plan: PlannedRecord<T>): Promise<PlannedRecord<T>> {
  if (plan.action === 'unchanged') return plan;
  let current: Versioned<T> | undefined;
  try {
    const written = await write(ops, plan);
    if (!('value' in written)) return written;
    current = written;
  } catch (err) {
    if (!isConflict(err)) throw err;
    current = await ops.find();
  }
  const retry = ops.build(current?.value);
  const again = current ? { ...retry, etag: current.etag, before: current.value } : retry;
  if (again.action === 'unchanged') return again;
  const written = await write(ops, again);
  if ('value' in written) throw new DomainError('conflict', 'The record was created by another import at the same moment; import again.');
  return written;
}

interface Stamped {
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly history: ChangeRecord[];
  readonly source?: { readonly importedAt?: string } | undefined;
}

/** What a change history compares: the record without its bookkeeping. */
const comparable = (record: Stamped): Record<string, unknown> => {
  const { createdAt: _c, updatedAt: _u, history: _h, source, ...rest } = record;
  const { importedAt: _i, ...sourceRest } = source ?? {};
  return { ...rest, source: sourceRest };
};

/**
 * Stamps an imported record: a new one starts with an empty history; an update keeps its creation time and
 * appends what changed (field, from, to), who imported it and when; an import that changes nothing is unchanged.
 */
export function stampImport<T extends Stamped>(candidate: T, existing: T | undefined, at: string, by: string): PlannedRecord<T> {
  if (!existing) return { record: { ...candidate, createdAt: at, updatedAt: at, history: [] }, action: 'created' };
  const changes = recordChanges(comparable(existing), comparable(candidate));
  if (changes.length === 0) return { record: existing, action: 'unchanged' };
  return {
    record: { ...candidate, createdAt: existing.createdAt, updatedAt: at, history: [...existing.history, { at, by, changes }] },
    action: 'updated',
  };
}
