import type { ContainerDefinition, Database, IndexingPolicy } from '@azure/cosmos';
import { CONTAINER_NAMES, CONTAINER_TTL_SECONDS, type ContainerName } from '../documents/document-collection';

/**
 * Index what queries filter and sort on; leave long text and nested lists out, which makes every write cheaper
 * (write RU grows with the number of indexed paths). Applied when a container is created, not to existing ones.
 */
const indexingPolicy: IndexingPolicy = {
  indexingMode: 'consistent',
  automatic: true,
  includedPaths: [{ path: '/*' }],
  excludedPaths: [
    { path: '/"_etag"/?' },
    ...['summary', 'titleAsPublished', 'purpose'].map((f) => ({ path: `/data/${f}/?` })),
    ...['history', 'minutes', 'discussionPoints', 'reasons', 'alternatives', 'recommendations', 'documents', 'outcomes', 'reference', 'actions']
      .map((f) => ({ path: `/data/${f}/*` })),
  ],
};

/**
 * Handled activities are only ever point-created (a key-value use): index no property, which makes the create the
 * cheapest write there is. Documents expire through the container's defaultTtl.
 */
const keyValueIndexingPolicy: IndexingPolicy = {
  indexingMode: 'consistent',
  automatic: true,
  includedPaths: [],
  excludedPaths: [{ path: '/*' }],
};

export const containerDefinition = (id: ContainerName): ContainerDefinition => {
  const ttl = CONTAINER_TTL_SECONDS[id];
  return {
    id,
    partitionKey: { paths: ['/pk'] },
    indexingPolicy: id === 'activities' ? keyValueIndexingPolicy : indexingPolicy,
    // Cosmos DB deletes documents this many seconds after their last write (cosmosdb-server stores it and ignores it).
    ...(ttl !== undefined ? { defaultTtl: ttl } : {}),
  };
};

export const provisionContainers = async (database: Database): Promise<void> => {
  for (const name of CONTAINER_NAMES) await database.containers.createIfNotExists(containerDefinition(name));
};

/** With Entra ID we may not create containers; fail at start, naming what is missing, rather than at first use. */
export const checkContainersExist = async (database: Database): Promise<void> => {
  const missing: string[] = [];
  for (const name of CONTAINER_NAMES) {
    const { statusCode } = await database.container(name).read().catch((error: { code?: unknown }) => {
      if (error.code === 404) return { statusCode: 404 };
      throw error;
    });
    if (statusCode === 404) missing.push(name);
  }
  if (missing.length > 0) {
    throw new Error(`Cosmos DB database "${database.id}" lacks container(s) ${missing.join(', ')} (partition key /pk); provision them first`);
  }
};
