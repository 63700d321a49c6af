// App Service for Linux, Node 22 LTS. Always On: notifications and schedules run inside the bot, so it must never
// be unloaded when idle. Deploy a built zip (docs/OPERATIONS.md); the health check pulls a failing instance.
param name string
param location string
@description('B1 or higher (Always On needs Basic or above); P0v3 for production.')
param sku string = 'B1'
param instanceCount int = 1
param identityResourceId string
@description('Where the bot\'s console (JSON) logs go, to be queried (docs/OPERATIONS.md).')
param logAnalyticsWorkspaceId string
@description('App settings: the bot\'s configuration (see .env.example).')
param settings object

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: '${name}-plan'
  location: location
  kind: 'linux'
  sku: { name: sku, capacity: instanceCount }
  properties: { reserved: true }
}

resource site 'Microsoft.Web/sites@2024-04-01' = {
  name: name
  location: location
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${identityResourceId}': {} }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    // Key Vault references resolve with this identity (SingleTenant's client secret).
    keyVaultReferenceIdentity: identityResourceId
    siteConfig: {
      linuxFxVersion: 'NODE|22-lts'
      alwaysOn: true
      appCommandLine: 'node --max-old-space-size=512 --max-semi-space-size=8 --expose-gc dist/index.js'
      healthCheckPath: '/healthz'
      http20Enabled: true
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      // The zip is the built app (dist/, production node_modules): run it as it is, build nothing here.
      appSettings: [for setting in items(union(settings, { WEBSITE_RUN_FROM_PACKAGE: '1', SCM_DO_BUILD_DURING_DEPLOYMENT: 'false' })): {
        name: setting.key
        value: setting.value
      }]
    }
  }
}

// The bot's JSON log lines (stdout) into Log Analytics. Not the HTTP logs: they hold callers' addresses.
resource diagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  scope: site
  name: 'console-logs'
  properties: {
    workspaceId: logAnalyticsWorkspaceId
    logs: [{ category: 'AppServiceConsoleLogs', enabled: true }]
  }
}

output hostName string = site.properties.defaultHostName
output id string = site.id
