#!/usr/bin/env bash
# The web path against its floor, in one run: builds a WARC of at least 300 MB (uncompressed) from
# the real HTML that Debian's documentation packages ship, then prints
#   1. zcat of the WARC files (the decompression floor, wall time),
#   2. the one-thread jwarc + jsoup floor (read every record, parse every page, take its text),
#      with the JVM's defaults and again with the JVM options the launcher gives curate: its wall
#      time (one thread's) and its CPU seconds (with its JIT compiler and collector threads), and
#      as one copy per core at once (a unit of the floor's work when every core is busy),
#   3. `./provenant curate` with the default presets (no --config), wall time and CPU seconds,
#   4. the same command on a one-page WARC (JVM, Flink and pipeline start, counted apart),
#   5. the same command on the first two thirds of the files, so that the last third's cost is
#      the work at its steady rate (JIT compilation and warm-up included in neither third alone),
# and the ratios: curate core-seconds over the floor, curate wall over zcat wall, and the steady
# rate over the floor's.
# Downloads go to WORK_DIR (never committed). PROFILE=1 also writes a JFR recording of the
# curate run to WORK_DIR/curate.jfr.
#
# usage: tests/bench/web-floor.sh [WORK_DIR] [RUNNER]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
work="${1:-$root/.bench/web-floor}"
runner="${2:-FlinkRunner}"
mkdir -p "$work/debs" "$work/x"

packages="python3.11-doc postgresql-doc-15 debian-reference-en debian-reference-de debian-reference-fr
  debian-reference-es debian-reference-ja git-doc python-django-doc sphinx-doc ruby3.1-doc maxima-doc
  debian-handbook gnome-user-docs libstdc++-12-doc openjdk-17-doc"
if [ ! -f "$work/x/.done" ]; then
  # shellcheck disable=SC2086
  (cd "$work/debs" && apt-get download $packages >/dev/null 2>&1)
  for d in "$work"/debs/*.deb; do dpkg-deb -x "$d" "$work/x"; done
  touch "$work/x/.done"
fi

(cd "$root" && mvn -q -B -ntp -DskipTests install >/dev/null && \
  mvn -q -B -ntp -pl tests dependency:build-classpath -Dmdep.outputFile="$work/cp.txt" >/dev/null)
cp="$root/tests/target/classes:$(cat "$work/cp.txt")"
if [ ! -d "$work/warc" ]; then
  java -cp "$cp" org.provenant.bench.HtmlToWarc "$work/warc" 500 1 "$work/x/usr/share" >/dev/null
fi
if ! ls "$work"/one/*.warc.gz >/dev/null 2>&1; then
  rm -rf "$work/one" "$work/one-page"
  mkdir -p "$work/one-page"
  cp "$work/x/usr/share/debian-reference/ch01.en.html" "$work/one-page/"
  java -cp "$cp" org.provenant.bench.HtmlToWarc "$work/one" 1 1 "$work/one-page" >/dev/null
fi

"$root/provenant" steps >/dev/null   # the launcher builds itself now, not inside a timed run
files=("$work"/warc/*.warc.gz)
compressed=$(du -cb "${files[@]}" | tail -1 | cut -f1)
uncompressed=$(zcat "${files[@]}" | wc -c)
records=$(zcat "${files[@]}" | grep -ac '^WARC-Type: response' || true)
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GB, $(java -version 2>&1 | head -1)"
echo "input: ${#files[@]} files, $records responses, $compressed bytes compressed, $uncompressed bytes uncompressed"

# "%e %U %S %M": wall, user, system seconds, max RSS (KB).
timed() { /usr/bin/time -f '%e %U %S %M' -o "$work/time.txt" "$@" >"$work/command.log" 2>&1; tail -1 "$work/time.txt"; }

read -r zcat_wall _ <<<"$(timed sh -c "zcat ${files[*]} > /dev/null")"
echo "zcat: $zcat_wall s wall"

# the floor's wall time is one reading thread's; its JIT compiler and collector threads run on the
# other cores beside it, so its CPU seconds (user + sys) are given too, to compare core-seconds
# with core-seconds
cpu_of() { awk '{print $1 + $2}' "$work/floor-time.txt"; }
floor_line=$(/usr/bin/time -f '%U %S' -o "$work/floor-time.txt" java -cp "$cp" org.provenant.bench.WarcFloor jsoup "$work/warc" 1)
floor_cpu=$(cpu_of)
echo "$floor_line; $floor_cpu CPU s"
floor=$(echo "$floor_line" | sed -E 's/.* ([0-9.]+) s, .*/\1/')
# the same floor with the JVM options the launcher gives curate (collector and JIT), so that the
# ratios are also given against a floor tuned the same way
jvm_options=$("$root/provenant" jvm-options)
# shellcheck disable=SC2086
tuned_line=$(/usr/bin/time -f '%U %S' -o "$work/floor-time.txt" java $jvm_options -cp "$cp" org.provenant.bench.WarcFloor jsoup "$work/warc" 1)
tuned_cpu=$(cpu_of)
echo "$tuned_line; $tuned_cpu CPU s (with the launcher's JVM options: $jvm_options)"
tuned=$(echo "$tuned_line" | sed -E 's/.* ([0-9.]+) s, .*/\1/')
# the same tuned floor as one copy per core at once: what a unit of the floor's work costs when every
# core is busy, as curate keeps them (cores that share caches, memory and clocks do not add up)
ncores=$(nproc)
rm -f "$work"/floor-time-*.txt
for i in $(seq 1 "$ncores"); do
  # shellcheck disable=SC2086
  /usr/bin/time -f '%U %S' -o "$work/floor-time-$i.txt" java $jvm_options -cp "$cp" org.provenant.bench.WarcFloor jsoup "$work/warc" 1 >"$work/floor-$i.log" &
done
wait
loaded_cpu=$(cat "$work"/floor-time-*.txt | awk -v n="$ncores" '{s += $1 + $2} END {printf "%.2f", s / n}')
echo "floor, $ncores copies at once (every core busy), launcher's JVM options: $(sed -E 's/.* ([0-9.]+) s, .*/\1/' "$work/floor-1.log") s wall and $loaded_cpu CPU s a copy"

jfr=""
if [ "${PROFILE:-0}" = 1 ]; then
  jfr="-XX:StartFlightRecording=filename=$work/curate.jfr,settings=profile"
fi
read -r one_wall one_user one_sys _ <<<"$(PROVENANT_JAVA_OPTS="" timed "$root/provenant" curate \
    --input "$work/one/*.warc.gz" --output "$work/out-one" --overwrite --runner="$runner")"
one_cpu=$(echo "$one_user + $one_sys" | bc)
echo "curate, one page ($runner): $one_wall s wall, $one_cpu CPU s (start and fixed cost)"

read -r wall user sys rss <<<"$(PROVENANT_JAVA_OPTS="$jfr" timed "$root/provenant" curate \
    --input "$work/warc/*.warc.gz" --output "$work/out" --overwrite --runner="$runner")"
cpu=$(echo "$user + $sys" | bc)
echo "curate, defaults ($runner): $wall s wall, $cpu CPU s, max RSS $((rss / 1024)) MB"
echo "kept: $(python3 -c "import json, sys; print(json.load(open(sys.argv[1]))['counts']['kept'])" "$work/out/manifest.json") documents, shards sha256 $(cd "$work/out" && find data rejected -type f | sort | xargs sha256sum | sha256sum | cut -c1-16)"

records_of() { python3 -c "import json, sys; print(json.load(open(sys.argv[1]))['counts']['records_read'])" "$1/manifest.json"; }
part=("${files[@]:0:$(( ${#files[@]} * 2 / 3 ))}")
read -r part_wall part_user part_sys _ <<<"$(timed "$root/provenant" curate \
    --input "${part[@]}" --output "$work/out-part" --overwrite --runner="$runner")"
part_cpu=$(echo "$part_user + $part_sys" | bc)
all_records=$(records_of "$work/out")
part_records=$(records_of "$work/out-part")
echo "curate, first ${#part[@]} files ($part_records responses): $part_wall s wall, $part_cpu CPU s; the other $((all_records - part_records)) responses cost $(echo "$cpu - $part_cpu" | bc) CPU s"

ratio() { echo "scale=2; ($1) / ($2)" | bc; }
echo "ratio: curate CPU / one-thread floor = $(ratio "$cpu" "$floor") (without the fixed cost: $(ratio "$cpu - $one_cpu" "$floor"))"
echo "ratio: curate CPU / one-thread floor with the launcher's JVM options = $(ratio "$cpu" "$tuned") (without the fixed cost: $(ratio "$cpu - $one_cpu" "$tuned"))"
echo "ratio: curate wall / zcat wall = $(ratio "$wall" "$zcat_wall") (without the fixed cost: $(ratio "$wall - $one_wall" "$zcat_wall"))"
echo "ratio: curate CPU / the floor's CPU seconds (core-seconds against core-seconds) = $(ratio "$cpu" "$floor_cpu") (with the launcher's JVM options on both: $(ratio "$cpu" "$tuned_cpu"); without curate's fixed cost: $(ratio "$cpu - $one_cpu" "$floor_cpu") and $(ratio "$cpu - $one_cpu" "$tuned_cpu"))"
echo "ratio: curate CPU / the CPU seconds of one floor copy with every core busy = $(ratio "$cpu" "$loaded_cpu") (without curate's fixed cost: $(ratio "$cpu - $one_cpu" "$loaded_cpu"))"
steady="($cpu - $part_cpu) * $all_records / ($all_records - $part_records)"
echo "ratio: steady rate (last third's CPU per response, times all responses) / one-thread floor = $(ratio "$steady" "$floor") (with the launcher's JVM options: $(ratio "$steady" "$tuned"))"
