#!/usr/bin/env bash
# Issue 4's search benchmark: ankid's findCards against the sqlite3 shell on a generated
# 100k-note collection. Usage: bench/search-bench.sh [collection.anki2] [note count]
# The collection is generated on the first run (kept in bench/target/data/ by default) and
# reused afterwards; delete the file to generate it again. Needs the sqlite3 shell and, for the
# regexp-based searches, Debian's sqlite3-pcre (apt-get install -y sqlite3 sqlite3-pcre).
set -euo pipefail
cd "$(dirname "$0")/.."
command -v sqlite3 >/dev/null || { echo "sqlite3 shell not found: apt-get install -y sqlite3 sqlite3-pcre" >&2; exit 1; }
mvn -q -B -ntp -DskipTests package
collection=${1:-bench/target/data/search-100k.anki2}
mkdir -p "$(dirname "$collection")"
exec java -Xmx2g -cp bench/target/classes:server/target/ankid.jar ankid.bench.SearchBench "$collection" "${2:-100000}"
