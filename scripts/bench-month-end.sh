#!/usr/bin/env bash
# The month-end benchmark (not part of the test suite): every school sends its month at once through
# Aula's runnable jar (-Xmx1g) against the SIGE simulator with no injected delay, next to a plain loop
# making the same SOAP calls (the ceiling), then the fairness between schools when SIGE is
# rate-limited. Takes 15 to 40 minutes on a 2-core machine.
#
# Usage: scripts/bench-month-end.sh [key=value ...]
#        keys and defaults: schools=200 grades=6 days=20 students=30 rateLimit=150 fairnessDays=5 fsync=true
#        Report: aula/target/resilience/bench-month-end/report.txt
set -euo pipefail
cd "$(dirname "$0")/.."

mvn -q -B install -DskipTests -pl sige-contract,sige-simulator -am
mvn -q -B package -DskipTests -pl aula
mvn -q -B -pl aula org.codehaus.mojo:exec-maven-plugin:3.5.0:java \
  -Dexec.mainClass=cl.aula.resilience.MonthEndBenchmark -Dexec.classpathScope=test \
  -Dexec.args="$*"
cat aula/target/resilience/bench-month-end/report.txt
