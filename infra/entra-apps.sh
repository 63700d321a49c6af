#!/usr/bin/env bash
# The Entra ID app registrations Cabinet bot needs, made with the Azure CLI (az login as someone who may register
# applications in the council's tenant). Run once per tenant; running it again finds what it made before.
#
#   infra/entra-apps.sh                 the officer API only (the bot uses its managed identity: botAppType UserAssignedMSI)
#   infra/entra-apps.sh --single-tenant also the bot's own app registration and a client secret (botAppType SingleTenant)
#
# Prints the values main.bicep asks for. A client secret is written to infra/.bot-app-password (mode 600, git-ignored),
# never to the terminal: pass it with  -p botAppPassword="$(cat infra/.bot-app-password)"  and then delete the file.
set -euo pipefail

single_tenant=false
[ "${1:-}" = "--single-tenant" ] && single_tenant=true
prefix="${CABINET_BOT_APP_NAME:-Cabinet bot}"
here="$(cd "$(dirname "$0")" && pwd)"

# An app registration by display name: the existing one, or a new one (single tenant: this organisation only).
app_id_of() {
  local name="$1" id
  id="$(az ad app list --display-name "$name" --query '[0].appId' -o tsv)"
  if [ -z "$id" ]; then
    id="$(az ad app create --display-name "$name" --sign-in-audience AzureADMyOrg --query appId -o tsv)"
    echo "Created app registration \"$name\" ($id)" >&2
  else
    echo "Found app registration \"$name\" ($id)" >&2
  fi
  # A service principal, so that roles can be assigned and tokens issued in this tenant.
  az ad sp show --id "$id" >/dev/null 2>&1 || az ad sp create --id "$id" >/dev/null
  echo "$id"
}

# --- The officer API: app roles Officer and Admin (Admin includes Officer), v2 access tokens (aud = client id). ---
api_id="$(app_id_of "$prefix officer API")"
roles_file="$(mktemp)"
trap 'rm -f "$roles_file"' EXIT
# Role ids are fixed, so running this again updates the roles rather than adding new ones.
cat > "$roles_file" <<'JSON'
[
  { "id": "3b0c6f5e-4c1a-4f0e-9d5a-6f1c2a7e0b01", "value": "Officer", "displayName": "Officer",
    "description": "Democratic services: import pages, manage members, see acknowledgement reports.",
    "allowedMemberTypes": ["User"], "isEnabled": true },
  { "id": "3b0c6f5e-4c1a-4f0e-9d5a-6f1c2a7e0b02", "value": "Admin", "displayName": "Admin",
    "description": "Everything an officer may do, and manage the roster.",
    "allowedMemberTypes": ["User"], "isEnabled": true }
]
JSON
az ad app update --id "$api_id" --app-roles "@$roles_file" --identifier-uris "api://$api_id" --set api.requestedAccessTokenVersion=2
echo "Officer API: assign the Officer or Admin role to democratic services staff in Entra ID > Enterprise applications > \"$prefix officer API\"." >&2

echo "officerApiClientId=$api_id"

# --- The bot's own registration (SingleTenant only). ---
if [ "$single_tenant" = true ]; then
  bot_id="$(app_id_of "$prefix")"
  secret_file="$here/.bot-app-password"
  ( umask 077; az ad app credential reset --id "$bot_id" --display-name "cabinet-bot $(date +%Y-%m-%d)" --years 1 --append --query password -o tsv > "$secret_file" )
  echo "New client secret written to $secret_file (valid one year: rotate before then, docs/OPERATIONS.md)." >&2
  echo "botAppType=SingleTenant"
  echo "botAppId=$bot_id"
fi
