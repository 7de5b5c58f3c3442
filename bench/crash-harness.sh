#!/usr/bin/env bash
# The crash harness in its long form on the built jar: kills ankid serve with SIGKILL while clients write, restarts it, checks acknowledged writes, whole-or-nothing requests and Check Database.
# Usage: bench/crash-harness.sh [writes] [kills] [clients]   (default 1000 50 4)
# CI runs the short form (CrashHarnessIT). Figures print at the end and go to server/target/harness/crash.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -ntp -q -pl engine,server -am verify -Dtest=NoSuchTest -Dsurefire.failIfNoSpecifiedTests=false \
  -Dit.test=CrashHarnessIT -Dharness.form=long -Dharness.args="$*" -Dfailsafe.timeout=0
cat server/target/harness/crash.txt
