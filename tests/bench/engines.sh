#!/usr/bin/env bash
# The same real corpus on every engine Provenant runs on, in one run: the DirectRunner, embedded
# Flink (the default), a Flink 1.19 session cluster of 2 TaskManager processes (started with
# `provenant flink-cluster start`), the same cluster losing a TaskManager mid-job (killed by pid
# once a dedup task runs, replaced by a new one), and Spark local[2]. Prints the wall time of each
# and checks that every run wrote the same data/ and rejected/ bytes and passes `verify`.
# The corpus: the HTML of four Debian documentation packages wrapped as WARC files (downloads go to
# WORK_DIR, never committed).
#
# usage: tests/bench/engines.sh [WORK_DIR]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
work="${1:-$root/.bench/engines}"
pv="$root/provenant"
mkdir -p "$work/debs" "$work/x"

if [ ! -f "$work/x/.done" ]; then
  (cd "$work/debs" && apt-get download python3.11-doc git-doc debian-reference-en sphinx-doc >/dev/null 2>&1)
  for d in "$work"/debs/*.deb; do dpkg-deb -x "$d" "$work/x"; done
  touch "$work/x/.done"
fi
"$pv" --version >/dev/null # builds the project when needed
if [ ! -d "$work/warc" ]; then
  (cd "$root" && mvn -q -B -ntp -pl tests dependency:build-classpath -Dmdep.outputFile="$work/cp.txt" >/dev/null)
  java -cp "$root/tests/target/classes:$(cat "$work/cp.txt")" org.provenant.bench.HtmlToWarc "$work/warc" 80 1 "$work/x/usr/share" >/dev/null
fi
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GB, $(java -version 2>&1 | head -1)"
echo "corpus: $(ls "$work"/warc/*.warc.gz | wc -l) WARC files, $(du -sb "$work/warc" | cut -f1) bytes gz, $(zcat "$work"/warc/*.warc.gz | wc -c) bytes uncompressed"

# wall seconds of a command, its output in $work/NAME.log
timed() {
  local name="$1"; shift
  local t0 t1
  t0=$(date +%s.%N)
  "$@" >"$work/$name.log" 2>&1 || { echo "$name failed; see $work/$name.log" >&2; tail -3 "$work/$name.log" >&2; return 1; }
  t1=$(date +%s.%N)
  echo "$t1 - $t0" | bc
}

curate() { # OUT [beam options...]
  local out="$1"; shift
  rm -rf "$out"
  "$pv" curate --input="$work/warc/*.warc.gz" --output="$out" "$@"
}

rest() { curl -sf "http://$master$1"; }

declare -A wall
wall[direct]=$(timed direct curate "$work/out-direct" --runner=DirectRunner)
wall[embedded]=$(timed embedded curate "$work/out-embedded" --runner=FlinkRunner --parallelism=2)

cluster="$work/cluster"
"$pv" flink-cluster stop --dir "$cluster" >/dev/null 2>&1 || true
t0=$(date +%s.%N)
"$pv" flink-cluster start --taskmanagers 2 --dir "$cluster" >"$work/cluster-start.log"
wall[cluster_start]=$(echo "$(date +%s.%N) - $t0" | bc)
master=$(tail -1 "$work/cluster-start.log" | sed 's/^--flinkMaster=//')
on_cluster=(--runner=FlinkRunner --flinkMaster="$master" --parallelism=2 --flinkConfDir="$cluster/conf")
trap '"$pv" flink-cluster stop --dir "$cluster" >/dev/null 2>&1 || true' EXIT
wall[cluster]=$(timed cluster curate "$work/out-cluster" "${on_cluster[@]}")

# the same run, losing tm-1 once a dedup task runs
t0=$(date +%s.%N)
curate "$work/out-lost-tm" "${on_cluster[@]}" >"$work/lost-tm.log" 2>&1 &
run=$!
job=""
while kill -0 $run 2>/dev/null; do
  job=$(rest /jobs/overview | python3 -c 'import json,sys; j=[x["jid"] for x in json.load(sys.stdin)["jobs"] if x["state"]=="RUNNING"]; print(j[0] if j else "")' 2>/dev/null || true)
  if [ -n "$job" ] && rest "/jobs/$job" | python3 -c 'import json,sys; sys.exit(0 if any(v["status"]=="RUNNING" and "Dedup/" in v["name"] for v in json.load(sys.stdin)["vertices"]) else 1)'; then break; fi
  job=""; sleep 0.2
done
[ -n "$job" ] || { echo "the job ended before a dedup task ran; see $work/lost-tm.log" >&2; exit 1; }
tm1=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["taskManagers"][0]["pid"])' "$cluster/cluster.json")
killed_at=$(echo "$(date +%s.%N) - $t0" | bc)
kill -9 "$tm1"
"$pv" flink-cluster add-taskmanager --dir "$cluster" >/dev/null
wait $run || { echo "the run that lost a TaskManager failed; see $work/lost-tm.log" >&2; exit 1; }
wall[lost_tm]=$(echo "$(date +%s.%N) - $t0" | bc)
failures=$(rest "/jobs/$job/exceptions" | python3 -c 'import json,sys; print(sum(1 for e in json.load(sys.stdin)["exceptionHistory"]["entries"] if "tm-1 is no longer reachable" in e.get("stacktrace","") or "[ tm-1 ]" in e.get("stacktrace","") or e.get("taskManagerId")=="tm-1"))')
"$pv" flink-cluster stop --dir "$cluster" >/dev/null
trap - EXIT

engines="direct embedded cluster lost-tm"
if grep -q spark-core "$root/pipelines/target/runtime-classpath.txt"; then
  wall[spark]=$(timed spark curate "$work/out-spark" --runner=SparkRunner --sparkMaster='local[2]')
  engines="$engines spark"
fi

ref=$(cd "$work/out-direct" && sha256sum data/* rejected/* | sha256sum | cut -c1-16)
for e in $engines; do
  h=$(cd "$work/out-$e" && sha256sum data/* rejected/* | sha256sum | cut -c1-16)
  v=$("$pv" verify "$work/out-$e" 2>&1 | tail -1)
  same=$([ "$h" = "$ref" ] && echo "same bytes as direct" || echo "DIFFERENT BYTES")
  printf '%-9s shards %s (%s); verify: %s\n' "$e" "$h" "$same" "$v"
done
printf 'wall s: direct %.1f, embedded Flink %.1f, cluster start %.1f, 2-TM cluster %.1f, 2-TM cluster losing tm-1 at %.1f s: %.1f (%d failure(s) seen by the JobManager)' \
  "${wall[direct]}" "${wall[embedded]}" "${wall[cluster_start]}" "${wall[cluster]}" "$killed_at" "${wall[lost_tm]}" "$failures"
[ -n "${wall[spark]:-}" ] && printf ', Spark local[2] %.1f' "${wall[spark]}"
echo
printf 'the lost TaskManager cost %.1f s\n' "$(echo "${wall[lost_tm]} - ${wall[cluster]}" | bc)"
