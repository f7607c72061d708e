#!/usr/bin/env bash
# Before against after, alternating: runs `curate` with the default presets on INPUT from two
# builds of the pipelines jar (the same dependency jars, the launcher's JVM options, no class-data
# archive, so both start alike), A then B, PAIRS times, and prints each run's wall time, CPU
# seconds and the sha256 over its data/ and rejected/ shards. A's jar is usually a worktree's:
#   git worktree add /tmp/base <commit> && (cd /tmp/base && mvn -q -o -DskipTests -pl pipelines package)
#
# usage: tests/bench/alternate.sh JAR_A JAR_B 'INPUT_GLOB' [PAIRS] [OUT_DIR]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
jar_a="$1"
jar_b="$2"
input="$3"
pairs="${4:-3}"
out="${5:-$root/.bench/alternate}"
mkdir -p "$out"
"$root/provenant" steps >/dev/null # builds the project and its runtime class path once
cp="$(cat "$root/pipelines/target/runtime-classpath.txt")"
read -r -a opts <<<"$("$root/provenant" jvm-options)"
common=(--add-opens=java.base/java.nio=ALL-UNNAMED --add-opens=java.base/java.lang=ALL-UNNAMED
  --add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/sun.nio.ch=ALL-UNNAMED
  -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -Dorg.slf4j.simpleLogger.log.org.apache.flink=error)
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GB, $(java -version 2>&1 | head -1)"
for pair in $(seq 1 "$pairs"); do
  for side in A B; do
    jar="$jar_a"
    [ "$side" = B ] && jar="$jar_b"
    rm -rf "$out/$side"
    /usr/bin/time -f "%e %U %S" -o "$out/time.txt" java "${opts[@]}" "${common[@]}" -cp "$jar:$cp" \
      org.provenant.pipelines.cli.Main curate --input "$input" --output "$out/$side" >"$out/$side.log" 2>&1
    read -r wall user sys <"$out/time.txt"
    sha="$(cd "$out/$side" && find data rejected -type f | sort | xargs sha256sum | sha256sum | cut -c1-16)"
    echo "pair $pair, $side: ${wall} s wall, $(echo "$user + $sys" | bc) CPU s, shards $sha"
  done
done
