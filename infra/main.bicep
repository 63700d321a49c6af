// Cabinet bot on Azure, in one resource group (infra/README.md lists every parameter):
//   az deployment group create -g <group> -f infra/main.bicep -p infra/main.parameters.json
// The bot's identity, Cosmos DB (keys off), Application Insights, the host (App Service for Linux or Container Apps),
// the Azure Bot with its Teams channel, and Key Vault only when a client secret is used.
targetScope = 'resourceGroup'

@minLength(3)
@maxLength(20)
@description('Base name of every resource: lower-case letters, digits and hyphens, e.g. melton-cabinet.')
param name string

param location string = resourceGroup().location

@allowed(['appService', 'containerApps'])
@description('App Service for Linux (a zip of the built bot) or Container Apps (the image of the Dockerfile).')
param hosting string = 'appService'

@allowed(['UserAssignedMSI', 'SingleTenant'])
@description('UserAssignedMSI: the bot signs in as its managed identity, no secret. SingleTenant: an app registration and its client secret (infra/entra-apps.sh makes both).')
param botAppType string = 'UserAssignedMSI'

@description('SingleTenant only: the bot app registration\'s client id.')
param botAppId string = ''

@secure()
@description('SingleTenant only: its client secret, kept in Key Vault.')
param botAppPassword string = ''

@description('The officer API app registration\'s client id (infra/entra-apps.sh): the audience of officers\' tokens.')
param officerApiClientId string

@description('Named as data controller on the privacy notice and terms the bot serves.')
param councilName string

@description('Email address or https page where people ask about their data.')
param privacyContact string

@description('The council\'s own ModernGov host names, comma separated, e.g. democracy.melton.gov.uk.')
param modernGovDomains string

@description('App Service plan: B1 or higher (Always On needs Basic or above); P0v3 for production.')
param appServiceSku string = 'B1'

@minValue(1)
@description('Instances (App Service) or the least replicas (Container Apps); all share Cosmos DB.')
param instanceCount int = 1

@description('Container Apps only: the image to run, e.g. myregistry.azurecr.io/cabinet-bot:1.4.0.')
param containerImage string = ''

@description('Container Apps only: the image\'s registry, pulled with the bot\'s identity (give it AcrPull); empty for a public image.')
param registryServer string = ''

@description('Cosmos DB serverless (pay per request); false: 1000 RU/s autoscale shared by the containers.')
param cosmosServerless bool = true

@allowed(['Continuous7Days', 'Continuous30Days'])
@description('Cosmos DB point-in-time restore window.')
param cosmosBackupTier string = 'Continuous7Days'

@description('Days the logs and traces are kept.')
param logRetentionInDays int = 90

@allowed(['F0', 'S1'])
@description('Azure Bot pricing tier: F0 is free for Teams (a standard channel).')
param botSku string = 'F0'

var usesSecret = botAppType == 'SingleTenant'
var databaseName = 'cabinet-bot'
var tenantId = tenant().tenantId
var login = environment().authentication.loginEndpoint

module identity 'modules/identity.bicep' = {
  name: 'identity'
  params: { name: '${name}-id', location: location }
}

module cosmos 'modules/cosmos.bicep' = {
  name: 'cosmos'
  params: {
    accountName: '${name}-cosmos'
    location: location
    databaseName: databaseName
    serverless: cosmosServerless
    backupTier: cosmosBackupTier
    dataContributorPrincipalId: identity.outputs.principalId
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: { name: name, location: location, retentionInDays: logRetentionInDays }
}

module vault 'modules/key-vault.bicep' = if (usesSecret) {
  name: 'key-vault'
  params: {
    name: '${name}-kv'
    location: location
    botAppPassword: botAppPassword
    readerPrincipalId: identity.outputs.principalId
  }
}

// The bot's configuration (every key is in .env.example). No secrets: Cosmos DB by identity, the client secret
// (SingleTenant only) as a Key Vault reference.
var settings = {
  MicrosoftAppId: usesSecret ? botAppId : identity.outputs.clientId
  MicrosoftAppType: botAppType
  MicrosoftAppTenantId: tenantId
  STORE: 'cosmos'
  COSMOS_ENDPOINT: cosmos.outputs.endpoint
  COSMOS_DATABASE: databaseName
  COSMOS_MANAGED_IDENTITY_CLIENT_ID: identity.outputs.clientId
  ENTRA_JWKS_URL: '${login}${tenantId}/discovery/v2.0/keys'
  ENTRA_ISSUER: '${login}${tenantId}/v2.0'
  ENTRA_AUDIENCE: officerApiClientId
  APPLICATIONINSIGHTS_CONNECTION_STRING: monitoring.outputs.connectionString
  COUNCIL_NAME: councilName
  PRIVACY_CONTACT: privacyContact
  MODERNGOV_DOMAINS: modernGovDomains
  LOG_PRETTY: 'false'
}

module appService 'modules/app-service.bicep' = if (hosting == 'appService') {
  name: 'app-service'
  params: {
    name: name
    location: location
    sku: appServiceSku
    instanceCount: instanceCount
    identityResourceId: identity.outputs.id
    logAnalyticsWorkspaceId: monitoring.outputs.workspaceId
    settings: union(settings, usesSecret ? { MicrosoftAppPassword: '@Microsoft.KeyVault(SecretUri=${vault!.outputs.secretUri})' } : {})
  }
}

module containerApp 'modules/container-app.bicep' = if (hosting == 'containerApps') {
  name: 'container-app'
  params: {
    name: name
    location: location
    image: containerImage
    registryServer: registryServer
    identityResourceId: identity.outputs.id
    logAnalyticsWorkspaceId: monitoring.outputs.workspaceId
    minReplicas: instanceCount
    maxReplicas: max(instanceCount, 3)
    settings: settings
    secretSettings: usesSecret ? { MicrosoftAppPassword: vault!.outputs.secretUri } : {}
  }
}

var hostName = hosting == 'appService' ? appService!.outputs.hostName : containerApp!.outputs.hostName

module bot 'modules/bot.bicep' = {
  name: 'bot'
  params: {
    name: '${name}-bot'
    appType: botAppType
    appId: settings.MicrosoftAppId
    identityResourceId: identity.outputs.id
    messagingEndpoint: 'https://${hostName}/api/messages'
    sku: botSku
  }
}

@description('For the Teams app package (npm run manifest): BOT_ID.')
output botId string = settings.MicrosoftAppId
@description('For the Teams app package: BOT_DOMAIN.')
output botDomain string = hostName
output messagingEndpoint string = 'https://${hostName}/api/messages'
output cosmosEndpoint string = cosmos.outputs.endpoint
output identityClientId string = identity.outputs.clientId
