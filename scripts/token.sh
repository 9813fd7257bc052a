#!/usr/bin/env bash
# Prints an access token for a demo user from the dev-mode OIDC provider (any password works).
# Usage: TOKEN=$(scripts/token.sh ana@acme.example)   [BASE=http://localhost:8080]
set -euo pipefail
user=${1:?usage: scripts/token.sh USER}
base=${BASE:-http://localhost:8080}
oidc=$(curl -sf "$base/dev/oidc")
field() { printf '%s' "$oidc" | sed -E "s/.*\"$1\":\"([^\"]*)\".*/\1/"; }
curl -sf "$(field tokenEndpoint)" -d grant_type=password -d "username=$user" -d password=any \
  -d "client_id=$(field clientId)" -d "client_secret=$(field clientSecret)" -d scope=openid \
  | tr -d ' \n' | sed -E 's/.*"access_token":"([^"]*)".*/\1/'
