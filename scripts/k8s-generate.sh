#!/usr/bin/env bash
# Regenerates what k8s/ derives from the sources (KubernetesBaseInSyncIT fails when the committed copy differs):
#  - k8s/base/support-desk.yml: quarkus-kubernetes' output (config: application.properties "Kubernetes manifests",
#    fragments: src/main/kubernetes/kubernetes.yml), written to target/kubernetes/kubernetes.yml by the build;
#  - k8s/overlays/prod/keycloak-realm-import.yaml: deploy/keycloak/support-realm.json as a KeycloakRealmImport,
#    without the demo client, the demo users and any client secret (those come from a Secret via placeholders).
# Usage: scripts/k8s-generate.sh            (builds with ./mvnw package -DskipTests first)
#        scripts/k8s-generate.sh --no-build (uses the existing target/kubernetes/kubernetes.yml)
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ "${1:-}" != "--no-build" ]]; then
  ./mvnw -B -q package -DskipTests
fi
cp target/kubernetes/kubernetes.yml k8s/base/support-desk.yml
python3 scripts/realm-import.py deploy/keycloak/support-realm.json > k8s/overlays/prod/keycloak-realm-import.yaml
echo "k8s/base/support-desk.yml and k8s/overlays/prod/keycloak-realm-import.yaml regenerated"
