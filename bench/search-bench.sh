#!/usr/bin/env bash
# Issue 4's search benchmark: ankid's findCards against the sqlite3 shell on a generated
# 100k-note collection. Usage: bench/search-bench.sh [collection.anki2] [note count]
# The collection is generated on the first run (kept in engine/target/bench/ by default) and
# reused afterwards; delete the file to generate it again. Needs the sqlite3 shell and, for the
# regexp-based searches, Debian's sqlite3-pcre (apt-get install -y sqlite3 sqlite3-pcre).
set -euo pipefail
cd "$(dirname "$0")/.."
command -v sqlite3 >/dev/null || { echo "sqlite3 shell not found: apt-get install -y sqlite3 sqlite3-pcre" >&2; exit 1; }
mvn -q -B -pl engine test-compile
cp_file=engine/target/bench-classpath.txt
mvn -q -B -pl engine dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$(pwd)/$cp_file" >/dev/null
collection=${1:-engine/target/bench/collection-100k.anki2}
mkdir -p "$(dirname "$collection")"
exec java -Xmx2g -cp "engine/target/test-classes:engine/target/classes:$(cat "$cp_file")" \
  ankid.engine.bench.SearchBench "$collection" "${2:-100000}"
