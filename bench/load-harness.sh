#!/usr/bin/env bash
# The load harness in its long form on the built jar: many clients mixing real clients' reads and writes; errors, lost writes, p50/p99 latency.
# Usage: bench/load-harness.sh [clients] [seconds]   (default 32 60)
# CI runs the short form (LoadHarnessIT). Figures print at the end and go to server/target/harness/load.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -ntp -q -pl engine,server -am verify -Dtest=NoSuchTest -Dsurefire.failIfNoSpecifiedTests=false \
  -Dit.test=LoadHarnessIT -Dharness.form=long -Dharness.args="$*" -Dfailsafe.timeout=0
cat server/target/harness/load.txt
