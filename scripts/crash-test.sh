#!/usr/bin/env bash
# The full crash test: Aula (its runnable jar, on a PostgreSQL the test starts) is killed with SIGKILL
# again and again during a sync, before sending, while addAsistencia calls are in flight and while
# reports are polled, and restarted each time; every submission must end final and SIGE must hold
# exactly the class book. CI runs a reduced version (3 kills, 360 submissions) inside `mvn verify`.
#
# Usage: scripts/crash-test.sh [kills] [schools] [days]      defaults: 12 kills, 10 schools, 20 days
#        (10 schools x 6 grades x 20 days = 1,200 submissions). Report: aula/target/resilience/crash/
set -euo pipefail
cd "$(dirname "$0")/.."

kills="${1:-12}"
schools="${2:-10}"
days="${3:-20}"

# Only the chosen process test runs: no unit or other integration tests.
mvn -B verify \
  -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
  -Dit.test=CrashRecoveryProcessIT -Dfailsafe.failIfNoSpecifiedTests=false \
  -Dresilience.kills="$kills" -Dresilience.schools="$schools" -Dresilience.days="$days"
cat aula/target/resilience/crash/report.txt
