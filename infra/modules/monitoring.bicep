// Application Insights (workspace-based): the bot sends OpenTelemetry traces when APPLICATIONINSIGHTS_CONNECTION_STRING
// is set. Logs are kept `retentionInDays` in the workspace.
param name string
param location string
param retentionInDays int = 90

resource workspace 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: '${name}-logs'
  location: location
  properties: {
    sku: { name: 'PerGB2018' }
    retentionInDays: retentionInDays
  }
}

resource insights 'Microsoft.Insights/components@2020-02-02' = {
  name: '${name}-insights'
  location: location
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: workspace.id
  }
}

output connectionString string = insights.properties.ConnectionString
output workspaceId string = workspace.id
