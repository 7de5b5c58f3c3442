#!/usr/bin/env bash
# The fuzz harness in its long form on the built jar: generated requests; every one answered with an envelope, the server alive, rejected requests change nothing.
# Usage: bench/fuzz-harness.sh [requests]   (default 100000)
# CI runs the short form (FuzzHarnessIT). Figures print at the end and go to server/target/harness/fuzz.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -ntp -q -pl engine,server -am verify -Dtest=NoSuchTest -Dsurefire.failIfNoSpecifiedTests=false \
  -Dit.test=FuzzHarnessIT -Dharness.form=long -Dharness.args="$*" -Dfailsafe.timeout=0
cat server/target/harness/fuzz.txt
