import { DomainError } from '../../domain/errors';
import type { Versioned } from '../port';
import type { TypedDocuments } from './typed-documents';

/**
 * The record imported from a page, so that a re-import updates it: by ModernGov's id first (stable), then by URL
 * (the same page can be linked several ways). One indexed lookup per key rather than an OR, which SQLite would scan.
 */
export const findBySource = async <T>(
  documents: TypedDocuments<T>,
  key: { url?: string; externalId?: string },
): Promise<Versioned<T> | undefined> => {
  if (key.url === undefined && key.externalId === undefined) {
    throw new DomainError('invalid', 'A source lookup needs a url or an externalId');
  }
  if (key.externalId !== undefined) {
    const found = await documents.only({ where: [{ path: 'data.source.externalId', op: '=', value: key.externalId }] });
    if (found !== undefined) return found;
  }
  return key.url === undefined ? undefined : documents.only({ where: [{ path: 'data.source.url', op: '=', value: key.url }] });
};
