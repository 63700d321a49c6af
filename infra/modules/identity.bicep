// The bot's one identity: it signs in to the Bot Connector (with botAppType UserAssignedMSI), reads and writes
// Cosmos DB (data-plane role, no keys) and, with a client secret, reads it from Key Vault.
param name string
param location string

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: name
  location: location
}

output id string = identity.id
output clientId string = identity.properties.clientId
output principalId string = identity.properties.principalId
output tenantId string = identity.properties.tenantId
