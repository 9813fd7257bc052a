#!/usr/bin/env bash
# Contract checks of what the service publishes (issue 10, point 9); run from .ci/run after the Maven build, which
# writes target/openapi/openapi.json (quarkus.smallrye-openapi.store-schema-directory):
#  1. Redocly CLI lints the OpenAPI document: zero errors;
#  2. openapi-typescript generates a client; the README flow (src/readme-flow.ts, openapi-fetch) compiles with
#     tsc --strict;
#  3. graphql-codegen generates the portal's operations (src/portal.graphql) from docs/schema.graphql;
#  4. graphql-schema-linter lints the SDL with every rule (graphql-schema-linter.config.js): a missing description
#     or an incomplete Relay connection fails.
set -euo pipefail
cd "$(dirname "$0")"
SPEC=${1:-../../target/openapi/openapi.json}
[ -f "$SPEC" ] || { echo "no OpenAPI document at $SPEC (run the Maven build first)"; exit 1; }
[ -d node_modules ] || npm ci --no-audit --no-fund
mkdir -p generated

echo "== Redocly lint of $SPEC"
npx --no-install redocly lint "$SPEC" --config redocly.yaml --format=stylish

echo "== openapi-typescript + tsc --strict"
npx --no-install openapi-typescript "$SPEC" -o generated/openapi.d.ts
npx --no-install tsc -p tsconfig.json

echo "== graphql-codegen against docs/schema.graphql"
npx --no-install graphql-codegen --config codegen.ts
npx --no-install tsc -p tsconfig.json

echo "== graphql-schema-linter (every rule, graphql-schema-linter.config.js)"
npx --no-install graphql-schema-linter --config-directory . --format compact ../../docs/schema.graphql
echo "api-clients: all contract checks passed"
