import { DomainError, isLeaseHeld, type Lease } from '../../domain';
import type { LeaseStore } from '../port';
import { LEASE_PARTITION } from './document-kinds';
import type { TypedDocuments } from './typed-documents';

const lostRace = (error: unknown): boolean => error instanceof DomainError && (error.code === 'conflict' || error.code === 'not-found');

/**
 * Leases over create-if-absent and replace-if-ETag: whoever writes first wins, and a holder that stops loses the
 * lease when it expires. Instances compare expiry times with their own clocks (kept by NTP on Azure); a lease lasts
 * seconds, far longer than any clock difference that matters.
 */
export const leaseStore = (leases: TypedDocuments<Lease>): LeaseStore => ({
  get: async (name) => (await leases.get(LEASE_PARTITION, name))?.value,
  acquire: async (name, holder, now, ttlMs) => {
    const lease: Lease = { name, holder, acquiredAt: now.toISOString(), expiresAt: new Date(now.getTime() + ttlMs).toISOString() };
    const created = await leases.create(lease);
    if (created.created) return { acquired: true, lease: created.record };
    const current = created.existing;
    if (isLeaseHeld(current.value, now) && current.value.holder !== holder) return { acquired: false, current: current.value };
    const ours = current.value.holder === holder && isLeaseHeld(current.value, now);
    try {
      const replaced = await leases.replace({ ...lease, ...(ours ? { acquiredAt: current.value.acquiredAt } : {}) }, current.etag);
      return ours ? { acquired: true, lease: replaced } : { acquired: true, lease: replaced, previous: current.value };
    } catch (error) {
      if (!lostRace(error)) throw error;
      // Another instance took it between our read and our write.
      const winner = await leases.get(LEASE_PARTITION, name);
      return { acquired: false, current: winner?.value ?? current.value };
    }
  },
  renew: async (held, now, ttlMs) => {
    // A lease that ran out may already belong to someone else: never extend it blindly.
    if (!isLeaseHeld(held.value, now)) return undefined;
    try {
      return await leases.replace({ ...held.value, expiresAt: new Date(now.getTime() + ttlMs).toISOString() }, held.etag);
    } catch (error) {
      if (lostRace(error)) return undefined;
      throw error;
    }
  },
  release: async (held, now) => {
    try {
      await leases.replace({ ...held.value, expiresAt: now.toISOString() }, held.etag);
    } catch (error) {
      if (!lostRace(error)) throw error;
    }
  },
});

