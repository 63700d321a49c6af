// Cosmos DB for NoSQL as the bot's store expects it (src/store/cosmos/cosmos-containers.ts, docs/STORE.md):
// seven containers partitioned on /pk, `activities` expiring after two days; keys off, the bot's identity holds the
// data-plane role "Cosmos DB Built-in Data Contributor"; continuous backup (point-in-time restore).
param accountName string
param location string
param databaseName string
@description('Serverless (pay per request) by default; false gives the database 1000 RU/s of shared autoscale throughput.')
param serverless bool = true
@allowed(['Continuous7Days', 'Continuous30Days'])
param backupTier string = 'Continuous7Days'
@description('Principal id of the managed identity that reads and writes the data.')
param dataContributorPrincipalId string

// Keep in step with CONTAINER_NAMES and CONTAINER_TTL_SECONDS in src/store/documents/document-collection.ts (a test checks).
// ttl 0: documents never expire (no defaultTtl); activities: two days after their last write.
var containers = [
  { name: 'business', ttl: 0 }
  { name: 'members', ttl: 0 }
  { name: 'conversations', ttl: 0 }
  { name: 'notifications', ttl: 0 }
  { name: 'activities', ttl: 172800 }
  { name: 'work', ttl: 0 }
  { name: 'audit', ttl: 0 }
]

// The bot's indexing policies: long text and nested lists are not indexed; handled activities index nothing.
var indexedPolicy = {
  indexingMode: 'consistent'
  automatic: true
  includedPaths: [{ path: '/*' }]
  excludedPaths: [
    { path: '/"_etag"/?' }
    { path: '/data/summary/?' }
    { path: '/data/titleAsPublished/?' }
    { path: '/data/purpose/?' }
    { path: '/data/history/*' }
    { path: '/data/minutes/*' }
    { path: '/data/discussionPoints/*' }
    { path: '/data/reasons/*' }
    { path: '/data/alternatives/*' }
    { path: '/data/recommendations/*' }
    { path: '/data/documents/*' }
    { path: '/data/outcomes/*' }
    { path: '/data/reference/*' }
    { path: '/data/actions/*' }
  ]
}
var keyValuePolicy = {
  indexingMode: 'consistent'
  automatic: true
  includedPaths: []
  excludedPaths: [{ path: '/*' }]
}

resource account 'Microsoft.DocumentDB/databaseAccounts@2024-11-15' = {
  name: accountName
  location: location
  kind: 'GlobalDocumentDB'
  properties: {
    databaseAccountOfferType: 'Standard'
    consistencyPolicy: { defaultConsistencyLevel: 'Session' }
    locations: [{ locationName: location, failoverPriority: 0, isZoneRedundant: false }]
    capabilities: serverless ? [{ name: 'EnableServerless' }] : []
    backupPolicy: { type: 'Continuous', continuousModeProperties: { tier: backupTier } }
    disableLocalAuth: true
    minimalTlsVersion: 'Tls12'
  }
}

resource database 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases@2024-11-15' = {
  parent: account
  name: databaseName
  properties: {
    resource: { id: databaseName }
    options: serverless ? {} : { autoscaleSettings: { maxThroughput: 1000 } }
  }
}

resource container 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers@2024-11-15' = [for c in containers: {
  parent: database
  name: c.name
  properties: {
    resource: union(
      {
        id: c.name
        partitionKey: { paths: ['/pk'], kind: 'Hash', version: 2 }
        indexingPolicy: c.name == 'activities' ? keyValuePolicy : indexedPolicy
      },
      c.ttl > 0 ? { defaultTtl: c.ttl } : {}
    )
  }
}]

// Built-in role "Cosmos DB Built-in Data Contributor" (read and write items; no account or container management).
resource dataContributor 'Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments@2024-11-15' = {
  parent: account
  name: guid(account.id, dataContributorPrincipalId, 'data-contributor')
  properties: {
    principalId: dataContributorPrincipalId
    roleDefinitionId: '${account.id}/sqlRoleDefinitions/00000000-0000-0000-0000-000000000002'
    scope: account.id
  }
}

output endpoint string = account.properties.documentEndpoint
output databaseName string = database.name
