#!/usr/bin/env bash
# Web path throughput: WARC in, Parquet out, against the floor of only decompressing and parsing the
# same WARC files. Real HTML: the documentation that Debian packages ship, wrapped as HTTP responses
# in gzip-per-record WARC files (downloaded and built here, never committed).
#
# usage: tests/bench/web-throughput.sh [WORK_DIR] [COPIES] [RUNS]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
work="${1:-$root/.bench}"
copies="${2:-4}"
runs="${3:-3}"
mkdir -p "$work/debs" "$work/x"

if [ ! -d "$work/warc" ]; then
  (cd "$work/debs" && apt-get download python3.11-doc postgresql-doc-15 debian-reference-en debian-reference-de \
      debian-reference-fr debian-reference-es debian-reference-ja >/dev/null)
  for d in "$work"/debs/*.deb; do dpkg-deb -x "$d" "$work/x"; done
fi

(cd "$root" && mvn -q -B -DskipTests install >/dev/null && \
  mvn -q -B -pl tests dependency:build-classpath -Dmdep.outputFile="$work/cp.txt" >/dev/null)
cp="$root/tests/target/classes:$(cat "$work/cp.txt")"
if [ ! -d "$work/warc" ]; then
  java -cp "$cp" org.provenant.bench.HtmlToWarc "$work/warc" 500 "$copies" "$work/x/usr/share/doc"
fi

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GB, $(java -version 2>&1 | head -1)"
echo "input: $(ls "$work"/warc/*.warc.gz | wc -l) files, $(du -cb "$work"/warc/*.warc.gz | tail -1 | cut -f1) bytes compressed"
java -cp "$cp" org.provenant.bench.WarcFloor gunzip "$work/warc" "$runs"
java -cp "$cp" org.provenant.bench.WarcFloor parse "$work/warc" "$runs"
java -Xmx4g -cp "$cp" org.provenant.bench.WebPathProfile "$work/warc" "$runs"
for runner in DirectRunner FlinkRunner; do
  for i in $(seq 1 "$runs"); do
    start=$(date +%s.%N)
    "$root/provenant" curate --input "$work/warc/*.warc.gz" --output "$work/out-$runner" --overwrite --runner=$runner >/dev/null
    end=$(date +%s.%N)
    echo "curate $runner run $i: $(echo "$end - $start" | bc) s wall (JVM start included)"
  done
done
