#!/usr/bin/env bash
# The full failing-SIGE test, with Aula's production timings (retries from 10 s up to 15 min, the
# breaker open for 30 s at a time, reports asked from 30 s on): a month of several schools through a
# SIGE that is 30% unavailable, 10% internal errors, 10% dropped connections and slow; then a full
# outage of several minutes; then the open month closes before SIGE is back. CI runs 3 schools x 10
# days, a 30 s outage and a breaker that opens for 2 s and judges the last 2 s.
#
# Usage: scripts/failing-sige-test.sh [schools] [days] [outage-seconds]   defaults: 5 20 300
#        Any Aula setting can be added as -Dresilience.aula.<setting>=<value> in MAVEN_ARGS.
#        Report: aula/target/resilience/failing-sige/
set -euo pipefail
cd "$(dirname "$0")/.."

schools="${1:-5}"
days="${2:-20}"
outage="${3:-300}"

# shellcheck disable=SC2086
mvn -B verify ${MAVEN_ARGS:-} \
  -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
  -Dit.test=FailingSigeProcessIT -Dfailsafe.failIfNoSpecifiedTests=false \
  -Dresilience.schools="$schools" -Dresilience.days="$days" \
  -Dresilience.outageSeconds="$outage" -Dresilience.openForSeconds=30 -Dresilience.windowSeconds=10 \
  -Dresilience.aula.sige.retry.initial=10s -Dresilience.aula.sige.retry.max=15m \
  -Dresilience.aula.sige.poll.initial=30s -Dresilience.aula.sige.poll.max=20m \
  -Dresilience.aula.jobs.polling-interval=2s -Dresilience.aula.jobs.heartbeat-interval=10s
cat aula/target/resilience/failing-sige/report.txt
