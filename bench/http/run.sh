#!/usr/bin/env bash
# HTTP throughput of the packaged service next to pgbench, same PostgreSQL, same run (bench/README.md, "HTTP").
# Runs src/test/.../bench/HttpBench: the prod jar (JVM mode, full JIT) on this machine's PostgreSQL in the schema
# supportdesk_bench_http (dropped first), tokens signed with the test key and verified through a tiny local issuer
# (discovery + JWKS, as from Keycloak), wrk at 16 connections, then pgbench at 16 clients. Loopback only.
#   bench/http/run.sh                      # needs wrk (apt-get install wrk) and pgbench
#   DURATION=30s JFR=true bench/http/run.sh   # plus a JFR recording and its hot methods (JDK 21+ jfr tool)
set -euo pipefail
cd "$(dirname "$0")/../.."
[ -f target/quarkus-app/quarkus-run.jar ] && [ "${BUILD:-true}" = false ] || ./mvnw -B -q package -DskipTests
./mvnw -B -q surefire:test -Dtest=HttpBench -Dsurefire.failIfNoSpecifiedTests=false \
  -Dbench.duration=${DURATION:-20s} -Dbench.warmup=${WARMUP:-30s} -Dbench.jfr=${JFR:-false}
cat bench/results/http-summary.txt
if [ "${JFR:-false}" = true ]; then
  JFR_TOOL=${JFR_TOOL:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/jfr}
  "$JFR_TOOL" print --events jdk.ExecutionSample --stack-depth 200 target/http-bench.jfr > target/http-bench-samples.txt
  for what in TicketCreation.create TicketResource.get; do
    python3 bench/http/inclusive.py target/http-bench-samples.txt "$what" 400 \
      | grep -E '^samples|eclipsesol|hibernate\.internal\.SessionImpl\.flush|EventImpl\.fire|oidc\.runtime\.OidcProvider\.verifyJwt|JdbcSelectExecutor\.list' \
      > "bench/results/http-jfr-inclusive-${what%%.*}.txt"
  done
  echo "inclusive profiles: bench/results/http-jfr-inclusive-*.txt"
fi
