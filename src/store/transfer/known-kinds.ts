import * as documentKinds from '../domain-store/document-kinds';
import type { DocumentKind } from '../domain-store/document-kind';

const isDocumentKind = (value: unknown): value is DocumentKind<unknown> => {
  const v = value as Partial<DocumentKind<unknown>> | null;
  return (
    typeof v === 'object' && v !== null && typeof v.type === 'string' && typeof v.container === 'string' &&
    typeof v.partitionKeyOf === 'function' && typeof v.keyOf === 'function' && v.schema !== undefined
  );
};

/**
 * Every kind of record the store keeps, by document type: each one exported from domain-store/document-kinds.ts.
 * Found there rather than listed here, so that a kind added to that file is imported (and validated) with no change
 * to the import; test/store/store-transfer.test.ts fails if a kind is declared anywhere else.
 */
export const knownKinds = (): ReadonlyMap<string, DocumentKind<unknown>> => {
  const kinds = new Map<string, DocumentKind<unknown>>();
  for (const value of Object.values(documentKinds)) {
    if (!isDocumentKind(value)) continue;
    if (kinds.has(value.type)) throw new Error(`Two document kinds share the type "${value.type}"`);
    kinds.set(value.type, value);
  }
  return kinds;
};
