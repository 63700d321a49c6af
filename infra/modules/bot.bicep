// The Azure Bot: single-tenant (an app registration with a secret) or a user-assigned managed identity (no secret).
// Azure creates no new multi-tenant bots (since July 2025). Teams is its only channel.
param name string
@allowed(['UserAssignedMSI', 'SingleTenant'])
param appType string
@description('The identity\'s client id (UserAssignedMSI) or the app registration\'s client id (SingleTenant).')
param appId string
param identityResourceId string
param messagingEndpoint string
@allowed(['F0', 'S1'])
param sku string = 'F0'

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: name
  location: 'global'
  kind: 'azurebot'
  sku: { name: sku }
  properties: {
    displayName: name
    endpoint: messagingEndpoint
    msaAppId: appId
    msaAppType: appType
    msaAppTenantId: tenant().tenantId
    msaAppMSIResourceId: appType == 'UserAssignedMSI' ? identityResourceId : null
  }
}

resource teams 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: { isEnabled: true }
  }
}
