#!/usr/bin/env bash
# Code path throughput: packages in, Parquet out (reader, licence resolution, code steps, licence
# policy, dedup), against the floor of the reader alone (CodeReadBenchmark: unpacking, hashing,
# decoding, package metadata) over the same archives. Real packages: Maven Central sources jars and
# npm tarballs, downloaded here (never committed).
#
# usage: tests/bench/code-throughput.sh [WORK_DIR] [RUNS]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
work="${1:-$root/.bench-code}"
runs="${2:-2}"
mkdir -p "$work/packages"

maven="com/fasterxml/jackson/core/jackson-databind/2.17.2 com/fasterxml/jackson/core/jackson-core/2.17.2
com/google/guava/guava/33.2.1-jre org/apache/commons/commons-lang3/3.14.0 commons-io/commons-io/2.16.1
org/apache/commons/commons-collections4/4.4 org/slf4j/slf4j-api/2.0.13 junit/junit/4.13.2
org/junit/jupiter/junit-jupiter-api/5.10.2 ch/qos/logback/logback-classic/1.5.6 com/h2database/h2/2.2.224
org/hibernate/orm/hibernate-core/6.5.2.Final io/netty/netty-buffer/4.1.111.Final org/jsoup/jsoup/1.17.2"
npm="lodash express react chalk commander debug moment axios uuid yargs semver minimist glob rimraf
async underscore jquery bluebird ws mkdirp"

for m in $maven; do
  a=$(echo "$m" | awk -F/ '{print $(NF-1)}'); v=${m##*/}
  f="$work/packages/$a-$v-sources.jar"
  [ -s "$f" ] || curl -fsS -o "$f" "https://repo1.maven.org/maven2/$m/$a-$v-sources.jar" || { echo "skip $m"; rm -f "$f"; }
done
for p in $npm; do
  ls "$work/packages/$p"-[0-9]*.tgz >/dev/null 2>&1 && continue
  url=$(curl -fsS "https://registry.npmjs.org/$p/latest" | python3 -c 'import json,sys; print(json.load(sys.stdin)["dist"]["tarball"])') || { echo "skip $p"; continue; }
  curl -fsS -o "$work/packages/${url##*/}" "$url" || echo "skip $p"
done

cat > "$work/code.json" <<'EOF'
{"steps": [{"step": "code_paths"}, {"step": "code_quality"}, {"step": "license_policy"}]}
EOF

(cd "$root" && mvn -q -B -ntp -DskipTests install >/dev/null && \
  mvn -q -B -ntp -pl tests dependency:build-classpath -Dmdep.outputFile="$work/cp.txt" >/dev/null)
cp="$root/tests/target/classes:$root/filters/target/test-classes:$(cat "$work/cp.txt")"
files=$(cd "$work/packages" && ls | wc -l)
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GB, $(java -version 2>&1 | head -1), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "input: $files archives, $(du -cb "$work"/packages/* | tail -1 | cut -f1) bytes"
jvm="--add-opens=java.base/java.nio=ALL-UNNAMED --add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.util=ALL-UNNAMED
 -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -Dorg.slf4j.simpleLogger.log.org.apache.flink=error"
# the floor: the reader alone (no licence resolution), one thread, every archive; third round of three
java $jvm -Xmx2g -cp "$cp" org.provenant.filters.code.bench.CodeReadBenchmark "$work"/packages/* > "$work/floor.txt"
awk '/ round 2: / {for (i = 1; i <= NF; i++) { if ($i == "rows") n += $(i-1); if ($i == "s") t += $(i-1) } }
  END { printf "reader floor (one thread): %d files in %.2f s = %.0f files/s/core\n", n, t, n / t }' "$work/floor.txt"
for runner in FlinkRunner DirectRunner; do
  for i in $(seq 1 "$runs"); do
    /usr/bin/time -f "%e s wall, %U+%S CPU s, max RSS %M KB" -o "$work/time.txt" \
      java $jvm -Xmx4g -cp "$cp" org.provenant.pipelines.cli.Main curate --input "$work/packages/*" \
        --output "$work/out-$runner" --overwrite --config "$work/code.json" --runner=$runner > "$work/summary-$runner.txt"
    echo "curate $runner run $i: $(cat "$work/time.txt") (JVM start included), load $(cut -d' ' -f1-3 /proc/loadavg)"
  done
  cat "$work/summary-$runner.txt"
done
