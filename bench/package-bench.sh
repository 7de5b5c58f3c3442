#!/usr/bin/env bash
# Issue 11's package benchmark: ankid's `import`/`export` against the real engine's
# (`anki-oracle import-apkg`/`export-apkg`) on a generated 100k-note collection with 1 GiB of
# media. Usage: bench/package-bench.sh [work-folder] [notes] [media MiB]
# The source profile is generated once (default engine/target/bench/packages/) and reused;
# delete the folder to generate it again. ankid runs as `./ankid` with a 200 MB heap; wall time
# and peak resident memory (VmHWM, from GNU time) of every run are printed as a table.
set -euo pipefail
cd "$(dirname "$0")/.."
work=${1:-engine/target/bench/packages}
notes=${2:-100000}
media_mib=${3:-1024}
oracle=${ANKI_ORACLE:-../shared/oracle/anki-oracle}
[ -x /usr/bin/time ] || { echo "GNU time not found: apt-get install -y time" >&2; exit 1; }
[ -x "$oracle" ] || { echo "anki-oracle not found at $oracle (set ANKI_ORACLE)" >&2; exit 1; }

mvn -q -B -DskipTests package
mvn -q -B -pl engine test-compile
cp_file=engine/target/bench-classpath.txt
mvn -q -B -pl engine dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$(pwd)/$cp_file" >/dev/null
java -cp "engine/target/test-classes:engine/target/classes:$(cat "$cp_file")" \
  ankid.engine.bench.PackageBenchCollection "$work/source/User 1" "$notes" "$media_mib"
"$oracle" version >/dev/null

# The real engine works on its own copy of the source, so neither run sees the other's changes.
rm -rf "$work/oracle-source" "$work/runs"
mkdir -p "$work/oracle-source" "$work/runs"
cp -r "$work/source/User 1/." "$work/oracle-source/"
runs=$work/runs
export ANKID_JAVA_OPTS="-Xmx200m"
ankid=(./ankid)

results=()
measure() { # label, command...
  local label=$1; shift
  local log=$runs/time.log
  /usr/bin/time -v -o "$log" "$@" >"$runs/out.log" 2>&1 || { cat "$runs/out.log" >&2; exit 1; }
  local wall rss
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$log")
  rss=$(awk -F': ' '/Maximum resident set size/ {print int($2 / 1024)}' "$log")
  results+=("$(printf '%-44s %10s %8s MB' "$label" "$wall" "$rss")")
  echo "${results[-1]}"
}

measure "ankid export .apkg (with media)" "${ankid[@]}" export --base "$work/source" "$runs/ankid.apkg"
measure "anki-oracle export-apkg (with media)" \
  "$oracle" export-apkg "$work/oracle-source/collection.anki2" "$runs/anki.apkg" --with-media --in-place
measure "ankid import of anki-oracle's .apkg" \
  "${ankid[@]}" import --base "$runs/ankid-import" --with-scheduling --with-deck-presets "$runs/anki.apkg"
mkdir -p "$runs/anki-import"
"$oracle" new "$runs/anki-import/collection.anki2" >/dev/null
measure "anki-oracle import-apkg of its own .apkg" \
  "$oracle" import-apkg "$runs/anki-import/collection.anki2" "$runs/anki.apkg" --in-place
measure "ankid import of ankid's .apkg" \
  "${ankid[@]}" import --base "$runs/ankid-import2" --with-scheduling --with-deck-presets "$runs/ankid.apkg"
measure "ankid export .apkg with scheduling" "${ankid[@]}" export --base "$work/source" --with-scheduling "$runs/sched.apkg"
measure "ankid export .colpkg (with media)" "${ankid[@]}" export --base "$work/source" --colpkg "$runs/all.colpkg"
measure "ankid import .colpkg (replace)" "${ankid[@]}" import --base "$runs/ankid-import3" "$runs/all.colpkg"

echo
echo "package sizes: ankid $(du -m "$runs/ankid.apkg" | cut -f1) MB, anki-oracle $(du -m "$runs/anki.apkg" | cut -f1) MB"
