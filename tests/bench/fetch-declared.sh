#!/usr/bin/env bash
# Real packages with the licences their registries declare, for the licence agreement measurement
# (DeclaredAgreement). Downloads into WORK_DIR (never committed):
#   WORK_DIR/packages/      npm tarballs and Maven -sources.jar files
#   WORK_DIR/declared.tsv   archive file name <TAB> registry <TAB> declared licence, as the registry states it
#                           (npm: the version document's "license", or its legacy "licenses" list joined
#                           with " OR "; Maven: the <licenses> names of the nearest pom in the parent
#                           chain that has any, joined with " OR " (a pom lists alternatives), each
#                           followed by its URL in brackets)
# usage: tests/bench/fetch-declared.sh WORK_DIR
set -euo pipefail
work="${1:?usage: fetch-declared.sh WORK_DIR}"
mkdir -p "$work/packages" "$work/poms" "$work/npm-meta"
out="$work/declared.tsv"
: > "$out.part"

# permissive, weak and strong copyleft, dual-licensed, documentation licences
npm="lodash express react chalk commander debug moment axios uuid yargs semver minimist glob rimraf
async underscore jquery bluebird ws mkdirp tslib argparse caniuse-lite pako dompurify jszip node-forge
openpgp web3 ffmpeg-static rc atob sprintf-js uri-js wrappy highlight.js marked chart.js three
@fortawesome/fontawesome-free ckeditor4 tinymce@5.10.9 spdx-exceptions mathjax pdfjs-dist typescript
esprima inherits once isarray safe-buffer"
for spec in $npm; do
  name="${spec%@*}"; [ "$name" = "" ] && name="$spec"
  version=latest; case "$spec" in ?*@*) version="${spec##*@}";; esac
  meta="$work/npm-meta/$(echo "$name@$version" | tr '/' '_').json"
  [ -s "$meta" ] || curl -fsS -o "$meta" "https://registry.npmjs.org/$(echo "$name" | sed 's#/#%2f#')/$version" || { echo "skip $spec"; rm -f "$meta"; continue; }
  read -r url lic < <(python3 - "$meta" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
lic = d.get("license")
if isinstance(lic, dict):
    lic = lic.get("type")
if not lic and isinstance(d.get("licenses"), list):
    lic = " OR ".join(x.get("type", "?") if isinstance(x, dict) else str(x) for x in d["licenses"])
print(d["dist"]["tarball"], lic or "NONE")
PY
)
  file="$(echo "$name" | tr '/@' '__')--${url##*/}"
  [ -s "$work/packages/$file" ] || curl -fsS -o "$work/packages/$file" "$url" || { echo "skip $spec"; continue; }
  printf '%s\tnpm\t%s\n' "$file" "$lic" >> "$out.part"
done

# group:artifact:version
maven="com.fasterxml.jackson.core:jackson-databind:2.17.2 com.fasterxml.jackson.core:jackson-core:2.17.2
com.google.guava:guava:33.2.1-jre org.apache.commons:commons-lang3:3.14.0 commons-io:commons-io:2.16.1
org.apache.commons:commons-collections4:4.4 org.slf4j:slf4j-api:2.0.13 junit:junit:4.13.2
org.junit.jupiter:junit-jupiter-api:5.10.2 ch.qos.logback:logback-classic:1.5.6 com.h2database:h2:2.2.224
org.hibernate.orm:hibernate-core:6.5.2.Final io.netty:netty-buffer:4.1.111.Final org.jsoup:jsoup:1.17.2
org.mariadb.jdbc:mariadb-java-client:3.4.1 com.mysql:mysql-connector-j:8.4.0 net.java.dev.jna:jna:5.14.0
org.eclipse.jetty:jetty-util:12.0.12 com.github.spotbugs:spotbugs-annotations:4.8.6
org.checkerframework:checker-qual:3.43.0 org.postgresql:postgresql:42.7.3 org.ow2.asm:asm:9.7
org.antlr:antlr4-runtime:4.13.1 com.sun.mail:jakarta.mail:2.0.1 org.glassfish.jersey.core:jersey-common:3.1.7
org.mozilla:rhino:1.7.15 org.hamcrest:hamcrest:2.2 org.xerial:sqlite-jdbc:3.46.0.0
org.apache.lucene:lucene-core:9.11.1 com.ibm.icu:icu4j:75.1"
pom_path() { local g=$1 a=$2 v=$3; echo "$(echo "$g" | tr . /)/$a/$v/$a-$v.pom"; }
for m in $maven; do
  IFS=: read -r g a v <<< "$m"
  jar="$a-$v-sources.jar"
  [ -s "$work/packages/$jar" ] || curl -fsS -o "$work/packages/$jar" "https://repo1.maven.org/maven2/$(echo "$g" | tr . /)/$a/$v/$jar" || { echo "skip $m"; rm -f "$work/packages/$jar"; continue; }
  lic=""; depth=0
  while [ -z "$lic" ] && [ $depth -lt 6 ]; do
    pom="$work/poms/$g:$a:$v.pom"
    [ -s "$pom" ] || curl -fsS -o "$pom" "https://repo1.maven.org/maven2/$(pom_path "$g" "$a" "$v")" || { rm -f "$pom"; break; }
    read -r lic parent < <(python3 - "$pom" <<'PY'
import sys, xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
ns = {"m": root.tag[1:root.tag.index("}")]} if root.tag.startswith("{") else {"m": ""}
q = (lambda p: p.replace("m:", "")) if not ns["m"] else (lambda p: p)
def find(e, p): return e.find(q(p), ns)
lics = []
for l in root.findall(q("m:licenses/m:license"), ns):
    name = (find(l, "m:name").text or "").strip() if find(l, "m:name") is not None else ""
    url = (find(l, "m:url").text or "").strip() if find(l, "m:url") is not None else ""
    lics.append((name + " [" + url + "]").replace("\t", " ").replace("\n", " "))
p = find(root, "m:parent")
parent = "-"
if p is not None:
    parent = ":".join((find(p, "m:" + k).text or "").strip() for k in ("groupId", "artifactId", "version"))
print(" OR ".join(lics).replace(" ", "\u00a0") if lics else "-", parent)
PY
)
    lic="${lic//$'\u00a0'/ }"; [ "$lic" = "-" ] && lic=""
    if [ -z "$lic" ]; then
      [ "$parent" = "-" ] && break
      IFS=: read -r g a v <<< "$parent"; depth=$((depth + 1))
    fi
  done
  printf '%s\tmaven\t%s\n' "$jar" "${lic:-NONE}" >> "$out.part"
done
sort "$out.part" > "$out" && rm "$out.part"
echo "$(wc -l < "$out") packages in $out"
