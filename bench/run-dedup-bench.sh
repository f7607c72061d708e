#!/usr/bin/env bash
# Dedup measurements of issue 3. Run from anywhere; everything lands in $DATA (never committed).
#   bench/run-dedup-bench.sh build      # mvn -Pbench package + classpath file
#   bench/run-dedup-bench.sh data       # paragraph pool, synthetic corpora (20k, 100k, 200k, 400k), Maven sources corpus
#   bench/run-dedup-bench.sh jmh        # JMH signature throughput
#   bench/run-dedup-bench.sh quality    # recall/precision on synthetic 20k and Maven-versions corpora (Flink, parallelism 2)
#   bench/run-dedup-bench.sh e2e        # 100k side by side: Provenant Flink, Provenant Direct, Spark MinHashLSH; recall vs truth
#   bench/run-dedup-bench.sh scaling    # Provenant Flink on N, 2N, 4N with /usr/bin/time -v and GC logs
#   bench/run-dedup-bench.sh shuffle    # bytes handed to each GroupByKey of the pipeline (100k, Flink)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DATA="${DATA:-/work/bench-data/dedup-bench}"
DOCS="${DOCS:-/work/bench-data/x/usr/share/doc}"
mkdir -p "$DATA" "$DATA/logs"
OPENS="--add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.lang.invoke=ALL-UNNAMED
 --add-opens=java.base/java.lang.reflect=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED
 --add-opens=java.base/java.net=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED
 --add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.util.concurrent=ALL-UNNAMED
 --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED --add-opens=java.base/sun.nio.ch=ALL-UNNAMED
 --add-opens=java.base/sun.nio.cs=ALL-UNNAMED --add-opens=java.base/sun.security.action=ALL-UNNAMED
 --add-opens=java.base/sun.util.calendar=ALL-UNNAMED"
LOGQUIET="-Dorg.slf4j.simpleLogger.defaultLogLevel=warn -Dorg.slf4j.simpleLogger.log.org.apache.flink=error"

classpath() {
  local cp=""
  for m in bench pipelines dedup filters schemas; do cp="$cp:$root/$m/target/classes"; done
  # the reactor modules come from this worktree, never from ~/.m2
  echo "${cp#:}:$(tr ':' '\n' < "$DATA/cp.txt" | grep -v '/org/provenant/' | paste -sd:)"
}
jrun() { # heap class args...
  local heap=$1; shift
  java $OPENS $LOGQUIET -Xmx"$heap" -cp "$(classpath)" "$@"
}
machine() {
  echo "machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(free -g | awk '/Mem:/{print $2}') GB," \
    "$(java -version 2>&1 | head -1), load $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%FT%TZ), commit $(git -C "$root" rev-parse --short HEAD)"
}
timed() { # name heap class args... : /usr/bin/time -v, GC log, output in logs/name.*
  local name=$1 heap=$2; shift 2
  /usr/bin/time -v -o "$DATA/logs/$name.time" java $OPENS $LOGQUIET -Xmx"$heap" \
    -Xlog:gc:file="$DATA/logs/$name.gc" -cp "$(classpath)" "$@" > "$DATA/logs/$name.out" 2> "$DATA/logs/$name.err" || {
      echo "FAILED $name (see $DATA/logs/$name.err)"; tail -5 "$DATA/logs/$name.err"; return 1; }
  grep -h '^RESULT\|^COUNTER' "$DATA/logs/$name.out" || true
  echo "  $name: wall $(grep 'Elapsed (wall' "$DATA/logs/$name.time" | awk '{print $NF}'), max RSS $(awk '/Maximum resident/{printf "%.0f MB", $NF/1024}' "$DATA/logs/$name.time")," \
    "heap: peak used $(grep -o '[0-9]*M->[0-9]*M' "$DATA/logs/$name.gc" | sed 's/M->.*//' | sort -n | tail -1) MB, peak live after GC $(grep -o '[0-9]*M->[0-9]*M' "$DATA/logs/$name.gc" | sed 's/.*->//; s/M//' | sort -n | tail -1) MB, user+sys CPU $(awk -F': ' '/User time|System time/{s+=$2} END{printf "%.0f s", s}' "$DATA/logs/$name.time")"
}
cfg='{"dedup":{"enabled":true,"near":true,"threshold":0.8,"shingle_size":5,"bands":21,"rows":6},"output":{"shards":4}}'

case "${1:-}" in
  build)
    (cd "$root" && mvn -q -B -ntp -Pbench -pl bench -am package -DskipTests)
    (cd "$root" && mvn -q -B -ntp -Pbench -pl bench dependency:build-classpath -Dmdep.outputFile="$DATA/cp.txt")
    ;;
  data)
    [ -s "$DATA/paragraphs.txt" ] || jrun 2g org.provenant.bench.ParagraphPool \
      "$DOCS/python3.11" "$DOCS/postgresql-doc-15" "$DOCS/../debian-reference" "$DATA/paragraphs.txt"
    for n in 20000 100000 200000 400000; do
      [ -s "$DATA/synth-$n.jsonl" ] || jrun 1g org.provenant.bench.CorpusGenerator "$DATA/paragraphs.txt" "$DATA/synth-$n.jsonl" $n 42 1500
    done
    "$root/bench/fetch-maven-sources.sh" "$DATA/sources" > /dev/null
    [ -s "$DATA/maven-versions.jsonl" ] || jrun 1g org.provenant.bench.MavenSourcesCorpus "$DATA/sources" "$DATA/maven-versions.jsonl" 20000
    ;;
  jmh)
    machine
    jrun 2g org.openjdk.jmh.Main 'org.provenant.bench.(SignatureBench|ShingleSetBench)' -f 1 -wi 2 -w 2s -i 4 -r 3s -t 1 \
      -jvmArgs "-Xmx2g -Dbench.paragraphs=$DATA/paragraphs.txt" -rf json -rff "$DATA/logs/jmh.json" 2>&1 | tee "$DATA/logs/jmh.out" | grep -A30 '^Benchmark'
    ;;
  quality)
    machine
    for c in synth-20000 maven-versions; do
      echo "== $c"
      timed "quality-run-$c" 4g org.provenant.bench.ProvenantDedupRun "$DATA/$c.jsonl" "$DATA/out-$c" --config "$cfg" --runner=FlinkRunner --parallelism=2
      jrun 6g org.provenant.bench.DedupQuality "$DATA/$c.jsonl" --threshold 0.8 --provenant "$DATA/out-$c" | tee "$DATA/logs/quality-$c.out"
    done
    ;;
  e2e)
    machine
    n="${2:-100000}"
    timed "e2e-provenant-flink-$n" 6g org.provenant.bench.ProvenantDedupRun "$DATA/synth-$n.jsonl" "$DATA/out-flink-$n" --config "$cfg" --runner=FlinkRunner --parallelism=2
    timed "e2e-spark-$n" 6g org.provenant.bench.SparkMinHashDedup "$DATA/synth-$n.jsonl" "$DATA/spark-$n" --tables "${TABLES:-21}" --master 'local[2]'
    if [ "${DIRECT:-1}" = 1 ]; then
      timeout 900 bash -c "$(declare -f timed classpath); DATA='$DATA' root='$root' OPENS='$OPENS' LOGQUIET='$LOGQUIET' timed e2e-provenant-direct-$n 6g org.provenant.bench.ProvenantDedupRun '$DATA/synth-$n.jsonl' '$DATA/out-direct-$n' --config '$cfg' --runner=DirectRunner --targetParallelism=2" || echo "DirectRunner did not finish in 15 min"
    fi
    jrun 8g org.provenant.bench.DedupQuality "$DATA/synth-$n.jsonl" --threshold 0.8 --max-docs "${TRUTH_DOCS:-$n}" \
      --provenant "$DATA/out-flink-$n" --spark "$DATA/spark-$n" | tee "$DATA/logs/e2e-quality-$n.out"
    ;;
  scaling)
    machine
    for n in ${2:-100000 200000 400000}; do
      timed "scale-flink-$n" "${HEAP:-8g}" org.provenant.bench.ProvenantDedupRun "$DATA/synth-$n.jsonl" "$DATA/out-scale-$n" --config "$cfg" --runner=FlinkRunner --parallelism=2
    done
    ;;
  shuffle)
    machine
    n="${2:-100000}"
    timed "shuffle-flink-$n" 6g org.provenant.bench.ProvenantDedupRun "$DATA/synth-$n.jsonl" "$DATA/out-shuffle-$n" --config "$cfg" --count-shuffle --runner=FlinkRunner --parallelism=2
    ;;
  stages)
    # differential timing: no dedup, exact only, exact + near (same corpus, same runner)
    machine
    n="${2:-100000}"
    for v in off:'{"dedup":{"enabled":false},"output":{"shards":4}}' exact:'{"dedup":{"enabled":true,"near":false},"output":{"shards":4}}' near:"$cfg"; do
      timed "stages-${v%%:*}-$n" 6g org.provenant.bench.ProvenantDedupRun "$DATA/synth-$n.jsonl" "$DATA/out-stages-$n" --config "${v#*:}" --runner=FlinkRunner --parallelism=2
    done
    ;;
  *) sed -n 2,10p "$0"; exit 2 ;;
esac
