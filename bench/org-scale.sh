#!/usr/bin/env bash
# The GitHub App at organization scale on PostgreSQL (issue #16), as docs/performance.md "Organization scale"
# reports it: the packaged app in prod mode with the container image's JVM options, against WireMock playing
# GitHub (100 ms per answer), on the PostgreSQL server the tests use (127.0.0.1:5432, database test; each part
# works in a schema of its own and drops it).
#   1. acknowledgement times of signed pull_request deliveries sent open-loop at RATE per second for SECONDS
#      (after a 5 s warm-up), p50/p90/p99/max, and that every accepted delivery was recorded;
#   2. evaluations per minute, ROUNDS rounds of 50 pull requests delivered at once, to one replica, then to two
#      replicas on one database, with each replica's RSS.
#
# Usage: bench/org-scale.sh [RATE [SECONDS [ROUNDS]]]      (default 200 30 3)
# Environment: SKIP_BUILD=1 uses target/quarkus-app as it is; MVN_FLAGS (default -o: offline).
# Not run by ./mvnw verify. The machine is shared: the script prints the load average before and after.
set -euo pipefail

here=$(cd -- "$(dirname -- "$0")" && pwd -P)
cd "$(dirname -- "$here")"
flags=${MVN_FLAGS:--o}
uptime
if [ "${SKIP_BUILD:-0}" != 1 ]; then
  # shellcheck disable=SC2086
  ./mvnw $flags -B -q package -DskipTests
fi
# the test classpath (the fake GitHub, the PostgreSQL driver, Flyway); the dependency plugin is fetched the first
# time if the local repository lacks it
# shellcheck disable=SC2086
./mvnw $flags -B -q test-compile
# shellcheck disable=SC2086
./mvnw $flags -B -q dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test \
  || ./mvnw -B -q dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
java -cp "target/classes:target/test-classes:$(cat target/cp.txt)" dev.mlreadiness.github.OrgScaleBenchmark "$@"
uptime
