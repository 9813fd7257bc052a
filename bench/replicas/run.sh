#!/usr/bin/env bash
# Three instances of the packaged jar on one PostgreSQL schema (this machine's, 127.0.0.1:5432), on three ports:
# cross-replica push, SLA monitor exactly once, Idempotency-Key race, kill -9 under load. See
# src/test/java/org/eclipsesol/desk/packaged/MultiReplicaIT.java. About 2-3 minutes; figures in
# target/replicas-figures.txt (and bench/replicas/README.md for the recorded ones).
set -euo pipefail
cd "$(dirname "$0")/../.."
export TEST_DB_SCHEMA="${TEST_DB_SCHEMA:-supportdesk_test}"
./mvnw -B verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=MultiReplicaIT -Dreplicas=true
cat target/replicas-figures.txt
