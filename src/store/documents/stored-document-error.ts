/**
 * A document in storage that is not what our schema says it must be. Never returned as data: this is a fault in
 * the store (a hand edit, a half-migrated document), so it names exactly where to look.
 */
export class StoredDocumentError extends Error {
  constructor(
    readonly container: string,
    readonly documentId: string,
    readonly partitionKey: string,
    readonly problems: readonly string[],
    what = 'document',
  ) {
    super(
      `Stored document "${documentId}" in container "${container}" (partition "${partitionKey}") ` +
        `is not a valid ${what}: ${problems.join('; ')}`,
    );
    this.name = 'StoredDocumentError';
  }
}
