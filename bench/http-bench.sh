#!/usr/bin/env bash
# Issue 16's benchmark: ankid through HTTP against the real Anki engine (../shared/oracle) on a
# 100k-note collection. Usage: bench/http-bench.sh [data folder] [note count]
# Builds everything, builds the collections on the first run (kept in bench/target/data; delete
# them to build again), then prints one table. Takes about 10 minutes; run it on a quiet machine.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x ../shared/oracle/anki-oracle ] || { echo "needs the real engine at ../shared/oracle/anki-oracle" >&2; exit 1; }
mvn -q -B -ntp -DskipTests package
../shared/oracle/anki-oracle version >/dev/null
exec java -Xmx1g -Dbench.only="${BENCH_ONLY:-}" -cp bench/target/classes:server/target/ankid.jar ankid.bench.HttpBench "$@"
