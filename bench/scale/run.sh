#!/usr/bin/env bash
# Scale benchmarks (bench/README.md, "Scale"): runs src/test/.../bench/ScaleBench against a schema of its own that
# survives the run (the first run generates the tickets, later runs reuse them).
#   bench/scale/run.sh                                  # generate 1,000,000 tickets (once), then every benchmark
#   TICKETS=20000 PHASES=generate,report bench/scale/run.sh
#   (HTTP throughput next to pgbench: bench/http/run.sh)
# Needs PostgreSQL on 127.0.0.1:5432 (user postgres). Uses /work/bin/slot when present (shared machines).
set -euo pipefail
cd "$(dirname "$0")/../.."
export TEST_DB_SCHEMA=${SCHEMA:-supportdesk_bench_scale}
SLOT=$( [ -x /work/bin/slot ] && echo /work/bin/slot || true )
exists=$(psql -h 127.0.0.1 -U postgres -d postgres -tAc \
  "select count(*) from information_schema.tables where table_schema = '$TEST_DB_SCHEMA' and table_name = 'ticket'")
CLEAN=false; [ "$exists" = "0" ] && CLEAN=true
$SLOT ./mvnw -B -q test -Dtest=ScaleBench -Dsurefire.failIfNoSpecifiedTests=false \
  -Dquarkus.flyway.clean-at-start=$CLEAN -Dquarkus.scheduler.enabled=false -D%test.desk.db.statement-timeout=900s -D%test.desk.db.socket-timeout-seconds=1000 -Dquarkus.log.level=WARN -D%test.desk.search.ranked-matches=200 \
  -Dbench.tickets=${TICKETS:-1000000} -Dbench.phases=${PHASES:-generate,rollup,report,search,explain,monitor} \
  -Dbench.duration=${DURATION:-20s} -Dbench.backfill=${BACKFILL:-true}
cat bench/results/summary-*.txt
