#!/usr/bin/env bash
# Issue 11's package benchmark: ankid's `import`/`export` against the real engine's
# (`anki-oracle import-apkg`/`export-apkg`) on a generated 100k-note collection with 1 GiB of
# media. Usage: bench/package-bench.sh [work-folder] [notes] [media MiB] [rounds]
# The source profile is generated once (default engine/target/bench/packages/) and reused;
# delete the folder to generate it again. ankid runs as `./ankid` with a 200 MB heap. Each pair of
# runs alternates ankid and the real engine, `rounds` times (default 3), after flushing the disk
# cache's dirty pages, and the table shows the median wall time, the median CPU time (user + sys)
# and the largest peak resident memory (VmHWM, from GNU time) of each.
set -euo pipefail
cd "$(dirname "$0")/.."
work=${1:-engine/target/bench/packages}
notes=${2:-100000}
media_mib=${3:-1024}
rounds=${4:-3}
oracle=${ANKI_ORACLE:-../shared/oracle/anki-oracle}
[ -x /usr/bin/time ] || { echo "GNU time not found: apt-get install -y time" >&2; exit 1; }
[ -x "$oracle" ] || { echo "anki-oracle not found at $oracle (set ANKI_ORACLE)" >&2; exit 1; }

mvn -q -B -DskipTests package
java -cp bench/target/classes:server/target/ankid.jar \
  ankid.bench.PackageBenchCollection "$work/source/User 1" "$notes" "$media_mib"
"$oracle" version >/dev/null

# The real engine works on its own copy of the source, so neither run sees the other's changes.
rm -rf "$work/oracle-source" "$work/runs"
mkdir -p "$work/oracle-source" "$work/runs"
cp -r "$work/source/User 1/." "$work/oracle-source/"
runs=$work/runs
export ANKID_JAVA_OPTS="-Xmx200m"
ankid=(./ankid)
# A first run writes the launcher's class-data archive; measured runs then use it.
"${ankid[@]}" export --base "$work/source" --no-media --deck Default "$runs/warm.apkg" >/dev/null

# run LABEL COMMAND...: one measured run; prints "wall_secs cpu_secs rss_mb"
run() {
  local log=$runs/time.log
  sync
  /usr/bin/time -f '%e %U %S %M' -o "$log" "$@" >"$runs/out.log" 2>&1 || { cat "$runs/out.log" >&2; exit 1; }
  awk '{printf "%s %.2f %d\n", $1, $2 + $3, $4 / 1024}' "$log"
}

median() { sort -n | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}'; }

# pair NAME SETUP_ANKID SETUP_ANKI -- ankid command | anki command: alternating rounds
report() { # label, file with "wall cpu rss" lines
  printf '%-40s %8ss %8ss %6s MB\n' "$1" "$(cut -d' ' -f1 "$2" | median)" "$(cut -d' ' -f2 "$2" | median)" \
    "$(cut -d' ' -f3 "$2" | sort -n | tail -1)"
}

: >"$runs/export-ankid" ; : >"$runs/export-anki"
: >"$runs/import-ankid"; : >"$runs/import-anki"
for ((i = 1; i <= rounds; i++)); do
  run "${ankid[@]}" export --base "$work/source" "$runs/ankid.apkg" >>"$runs/export-ankid"
  run "$oracle" export-apkg "$work/oracle-source/collection.anki2" "$runs/anki.apkg" --with-media --in-place \
    >>"$runs/export-anki"
  # Both import into an empty collection the real engine made before the clock starts.
  rm -rf "$runs/ankid-import" "$runs/anki-import"
  mkdir -p "$runs/anki-import" "$runs/ankid-import/User 1"
  "$oracle" new "$runs/anki-import/collection.anki2" >/dev/null
  "$oracle" new "$runs/ankid-import/User 1/collection.anki2" >/dev/null
  run "${ankid[@]}" import --base "$runs/ankid-import" --with-scheduling --with-deck-presets "$runs/anki.apkg" \
    >>"$runs/import-ankid"
  run "$oracle" import-apkg "$runs/anki-import/collection.anki2" "$runs/anki.apkg" --in-place >>"$runs/import-anki"
done
echo
printf '%-40s %9s %9s %9s\n' "$notes notes, $media_mib MiB media" "wall" "cpu" "peak RSS"
report "ankid export .apkg (with media)" "$runs/export-ankid"
report "anki-oracle export-apkg (with media)" "$runs/export-anki"
report "ankid import (of anki-oracle's .apkg)" "$runs/import-ankid"
report "anki-oracle import-apkg" "$runs/import-anki"
# ankid-only runs: the real engine has no such commands.
run "${ankid[@]}" export --base "$work/source" --colpkg "$runs/all.colpkg" >"$runs/colpkg-export"
rm -rf "$runs/ankid-colpkg"
run "${ankid[@]}" import --base "$runs/ankid-colpkg" "$runs/all.colpkg" >"$runs/colpkg-import"
report "ankid export .colpkg (with media)" "$runs/colpkg-export"
report "ankid import .colpkg (replace)" "$runs/colpkg-import"
echo "package sizes: ankid $(du -m "$runs/ankid.apkg" | cut -f1) MB, anki-oracle $(du -m "$runs/anki.apkg" | cut -f1) MB"
