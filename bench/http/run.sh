#!/usr/bin/env bash
# HTTP load figures for the packaged service (prod profile) on this machine's PostgreSQL, with tokens from a
# local Keycloak started with deploy/keycloak/support-realm.json (see deploy/keycloak/README.md).
# Traffic goes to 127.0.0.1 only; every wrk run is bounded in time.
#   bench/http/run.sh            (needs: wrk, curl, python3, ./mvnw package done, Keycloak on :8180)
set -euo pipefail
cd "$(dirname "$0")/../.."
KC=${KC:-http://127.0.0.1:8180/realms/support}
APP=http://127.0.0.1:8091
DURATION=${DURATION:-20s}

token() {
  curl -sf "$KC/protocol/openid-connect/token" -d grant_type=password -d client_id=support-desk \
    -d client_secret=change-me -d "username=$1" -d "password=$1" \
    | python3 -c 'import sys, json; print(json.load(sys.stdin)["access_token"])'
}

psql -h 127.0.0.1 -U postgres -d postgres -qc 'drop schema if exists supportdesk_bench cascade' >/dev/null
DB_SCHEMA=supportdesk_bench OIDC_AUTH_SERVER_URL=$KC OIDC_AUDIENCE=support-desk QUARKUS_HTTP_PORT=8091 \
  QUARKUS_LOG_LEVEL=WARN java -Xmx512m -jar target/quarkus-app/quarkus-run.jar > /tmp/bench-app.log 2>&1 &
APP_PID=$!
trap 'kill $APP_PID 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do curl -sf "$APP/q/health/ready" >/dev/null && break; sleep 1; done

SAM=$(token sam); TOM=$(token tom)
ORG=$(curl -sf "$APP/api/v1/organizations" -H "Authorization: Bearer $SAM" -H 'Content-Type: application/json' \
  -d '{"name":"Bench Co","emailDomains":["bench.example"]}' | python3 -c 'import sys, json; print(json.load(sys.stdin)["id"])')
for i in $(seq 1 300); do
  curl -sf "$APP/api/v1/tickets" -H "Authorization: Bearer $SAM" -H 'Content-Type: application/json' -o /dev/null \
    -d "{\"title\":\"Seed $i\",\"description\":\"seed\",\"priority\":\"MEDIUM\",\"service\":\"MANAGED_IT\",\"category\":\"TECHNICAL_ASSISTANCE\",\"organizationId\":\"$ORG\",\"requesterEmail\":\"user$i@bench.example\",\"channel\":\"PHONE\"}"
done
ID=$(curl -sf "$APP/api/v1/tickets?limit=1" -H "Authorization: Bearer $TOM" | python3 -c 'import sys, json; print(json.load(sys.stdin)["items"][0]["id"])')

cat > /tmp/bench-create.lua <<LUA
wrk.method = "POST"
wrk.headers["Authorization"] = "Bearer $SAM"
wrk.headers["Content-Type"] = "application/json"
counter = 0
request = function()
  counter = counter + 1
  return wrk.format(nil, nil, nil, '{"title":"Load ' .. counter .. '","description":"load","priority":"HIGH","service":"MANAGED_IT","category":"TECHNICAL_ASSISTANCE","organizationId":"$ORG","requesterEmail":"load@bench.example","channel":"PHONE"}')
end
LUA

echo "== GET /api/v1/tickets/{id} (ticket with live SLA)"
wrk -t2 -c16 -d"$DURATION" --latency -H "Authorization: Bearer $TOM" "$APP/api/v1/tickets/$ID"
echo "== GET /api/v1/tickets?limit=20 (a page of 20 with live SLA)"
wrk -t2 -c16 -d"$DURATION" --latency -H "Authorization: Bearer $TOM" "$APP/api/v1/tickets?limit=20"
echo "== POST /api/v1/tickets (create, with SLA derivation and history)"
wrk -t2 -c16 -d"$DURATION" --latency -s /tmp/bench-create.lua "$APP/api/v1/tickets"
echo "== RSS of the service after the runs"
ps -o rss= -p $APP_PID | awk '{printf "%.0f MiB\n", $1/1024}'
