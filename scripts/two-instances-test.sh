#!/usr/bin/env bash
# The full two-instance test: two Aula processes on one PostgreSQL and one SIGE simulator, each
# school's month asked of both at once, one instance killed halfway; every submission is sent at least
# once and taken through each step by one instance at a time. CI runs 6 schools x 10 days.
#
# Usage: scripts/two-instances-test.sh [schools] [days]      defaults: 20 schools, 20 days
#        (2,400 submissions). Report: aula/target/resilience/two-instances/
set -euo pipefail
cd "$(dirname "$0")/.."

schools="${1:-20}"
days="${2:-20}"

mvn -B verify \
  -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
  -Dit.test=TwoInstancesProcessIT -Dfailsafe.failIfNoSpecifiedTests=false \
  -Dresilience.schools="$schools" -Dresilience.days="$days"
cat aula/target/resilience/two-instances/report.txt
