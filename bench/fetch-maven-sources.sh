#!/usr/bin/env bash
# Downloads -sources.jar files of several released versions of the same libraries from Maven
# Central into DIR (default /work/bench-data/dedup-bench/sources): the real near-duplicate corpus
# (successive versions of a file are near duplicates). Data is never committed.
set -euo pipefail
dir="${1:-/work/bench-data/dedup-bench/sources}"
mkdir -p "$dir"
repo=https://repo.maven.apache.org/maven2
fetch() { # group artifact version
  local g=$1 a=$2 v=$3 f="$dir/$2-$3-sources.jar"
  [ -s "$f" ] && return 0
  curl -fsS --retry 3 -o "$f.part" "$repo/${g//.//}/$a/$v/$a-$v-sources.jar" && mv "$f.part" "$f"
}
for v in 3.10 3.11 3.12.0 3.13.0 3.14.0 3.15.0 3.16.0 3.17.0; do fetch org.apache.commons commons-lang3 $v; done
for v in 30.1-jre 31.1-jre 32.0.1-jre 32.1.3-jre 33.0.0-jre 33.4.8-jre; do fetch com.google.guava guava $v; done
for v in 2.12.7 2.13.5 2.14.3 2.15.4 2.16.2 2.17.2; do fetch com.fasterxml.jackson.core jackson-databind $v; done
for v in 4.1 4.2 4.3 4.4; do fetch org.apache.commons commons-collections4 $v; done
for v in 2.11.0 2.12.0 2.13.0 2.14.0 2.15.1 2.16.1; do fetch commons-io commons-io $v; done
ls -l "$dir"
