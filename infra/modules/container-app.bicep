// Container Apps: the image built from the Dockerfile, at least one replica always (notifications and schedules run
// inside the bot), liveness on /healthz and readiness on /readyz.
param name string
param location string
param image string
@description('Registry of the image, pulled with the bot\'s identity (give it AcrPull there); empty for a public image.')
param registryServer string = ''
param identityResourceId string
param logAnalyticsWorkspaceId string
@minValue(1)
param minReplicas int = 1
param maxReplicas int = 3
@description('Plain settings (see .env.example).')
param settings object
@description('Settings kept as Key Vault secrets: name -> secret URI.')
param secretSettings object = {}

resource workspace 'Microsoft.OperationalInsights/workspaces@2023-09-01' existing = {
  name: last(split(logAnalyticsWorkspaceId, '/'))
}

resource containerEnvironment 'Microsoft.App/managedEnvironments@2024-03-01' = {
  name: '${name}-env'
  location: location
  properties: {
    appLogsConfiguration: {
      destination: 'log-analytics'
      logAnalyticsConfiguration: {
        customerId: workspace.properties.customerId
        sharedKey: workspace.listKeys().primarySharedKey
      }
    }
  }
}

var secretNames = [for s in items(secretSettings): { name: toLower(replace(s.key, '_', '-')), setting: s.key, uri: s.value }]
var plainEnv = [for s in items(settings): { name: s.key, value: s.value }]
var secretEnv = [for s in secretNames: { name: s.setting, secretRef: s.name }]

resource app 'Microsoft.App/containerApps@2024-03-01' = {
  name: name
  location: location
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${identityResourceId}': {} }
  }
  properties: {
    managedEnvironmentId: containerEnvironment.id
    configuration: {
      ingress: { external: true, targetPort: 3978, transport: 'auto', allowInsecure: false }
      registries: empty(registryServer) ? [] : [{ server: registryServer, identity: identityResourceId }]
      secrets: [for s in secretNames: { name: s.name, keyVaultUrl: s.uri, identity: identityResourceId }]
    }
    template: {
      containers: [
        {
          name: 'bot'
          image: image
          resources: { cpu: json('0.5'), memory: '1Gi' }
          env: concat(plainEnv, secretEnv)
          probes: [
            { type: 'Liveness', httpGet: { path: '/healthz', port: 3978 }, periodSeconds: 30 }
            { type: 'Readiness', httpGet: { path: '/readyz', port: 3978 }, periodSeconds: 10 }
          ]
        }
      ]
      scale: { minReplicas: minReplicas, maxReplicas: maxReplicas }
    }
  }
}

output hostName string = app.properties.configuration.ingress.fqdn
