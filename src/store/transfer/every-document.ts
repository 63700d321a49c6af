import { CONTAINER_NAMES, type ContainerName, type DocumentDatabase, type StoredDocument } from '../documents/document-collection';

/** Every document of the store, container by container, read a page at a time. */
export async function* everyDocument(database: DocumentDatabase, pageSize: number): AsyncGenerator<{ container: ContainerName; stored: StoredDocument }> {
  for (const container of CONTAINER_NAMES) {
    let continuation: string | undefined;
    do {
      const page = await database.collection(container).scan({ size: pageSize, ...(continuation !== undefined ? { continuation } : {}) });
      for (const stored of page.documents) yield { container, stored };
      continuation = page.continuation;
    } while (continuation !== undefined);
  }
}
