#!/usr/bin/env bash
# Downloads packages whose licence their registry DECLARES, for RegistryAgreement (how well
# Provenant's licence detection agrees with the declared licence):
#   WORK_DIR/npm/<name>-<version>.tgz        npm tarball (scoped names: @s/n -> s_n)
#   WORK_DIR/npm-meta/<name>.json            https://registry.npmjs.org/<name>/latest
#   WORK_DIR/maven/<artifactId>-<version>-sources.jar
#   WORK_DIR/poms/<groupId>:<artifactId>:<version>.pom   the artifact's pom and its parents, followed
#                                            until one has <licenses>
#   WORK_DIR/m2/G/A/V/A-V.pom                 the same poms in Maven repository layout
#   WORK_DIR/manifest.tsv   ecosystem TAB archive TAB metadata TAB coordinates
#                           (metadata = npm json, or the nearest pom with <licenses>, "-" if none)
# Idempotent: skips what exists. Archives already under $REUSE_DIRS (default: the code bench's
# packages) are symlinked instead of downloaded. Data is never committed.
# Usage: fetch-declared-packages.sh WORK_DIR
set -uo pipefail
out="${1:?usage: fetch-declared-packages.sh WORK_DIR}"
mkdir -p "$out/npm" "$out/npm-meta" "$out/maven" "$out/poms"
npm_registry=https://registry.npmjs.org
central=https://repo1.maven.org/maven2
reuse_dirs=${REUSE_DIRS:-/work/bench-data/code/packages /work/bench-data/declared/packages}
manifest="$out/manifest.tsv.tmp"
: >"$manifest"

# Popular npm packages with varied declared licences. Copyleft / weak copyleft / unusual ones are
# grouped at the end so it is easy to see what the set covers.
npm_packages=(
  # MIT / ISC / BSD / Apache: the common case
  lodash chalk react express commander debug semver axios moment uuid minimist yargs async
  bluebird underscore jquery ws mkdirp cheerio classnames prop-types ms dotenv cors body-parser
  inherits once wrappy ini which isexe yaml signal-exit graceful-fs fs-extra nodemon dayjs
  date-fns immutable redux zod nanoid clsx esprima uglify-js terser source-map qs ieee754
  esutils estraverse escodegen eslint-scope espree entities domhandler css-select nth-check
  uri-js sprintf-js protobufjs joi tough-cookie sqlite3 nunjucks leaflet wavesurfer.js
  dashjs rrule typescript rxjs long doctrine video.js hls.js echarts less swagger-ui-dist
  mathjax pdfjs-dist localforage fuse.js request sharp d3 handlebars markdown-it highlight.js
  three chart.js bootstrap marked postcss vue svelte preact lit
  # 0BSD / BlueOak / Artistic / Unlicense / MIT-0 / Python / CC / OFL / Unicode
  tslib htmx.org glob jackspeak path-scurry tap npm domain-browser tweetnacl big-integer
  nodemailer argparse caniuse-lite spdx-exceptions spdx-license-ids mdn-data cldr-core
  @fortawesome/fontawesome-free font-awesome twemoji jsonify
  # dual / multiple
  atob rc json-schema type-fest expand-template JSONStream harmony-reflect oracledb pako
  jszip node-forge sjcl dompurify dojo
  # weak and strong copyleft (declared)
  axe-core ical.js webextension-polyfill web-ext @ghostery/adblocker p5 mariadb openpgp
  web3-utils @img/sharp-libvips-linux-x64 @ffmpeg-installer/ffmpeg ffmpeg-static pngquant-bin
  tinymce @wordpress/hooks @wordpress/i18n @wordpress/escape-html @wordpress/url
  @wikimedia/codex @nextcloud/router @nextcloud/axios @nextcloud/l10n pm2 zigbee2mqtt
  ckeditor4 @ckeditor/ckeditor5-utils
  # proprietary / "SEE LICENSE IN"
  highcharts gsap mapbox-gl devextreme
)

# groupId:artifactId:version, varied declared licences.
maven_artifacts=(
  # Apache-2.0
  org.apache.commons:commons-lang3:3.14.0 commons-io:commons-io:2.16.1
  org.apache.commons:commons-collections4:4.4 com.google.guava:guava:33.2.1-jre
  com.fasterxml.jackson.core:jackson-core:2.17.2 com.fasterxml.jackson.core:jackson-databind:2.17.2
  io.netty:netty-buffer:4.1.111.Final commons-codec:commons-codec:1.17.0
  org.apache.commons:commons-text:1.12.0 org.apache.logging.log4j:log4j-api:2.23.1
  com.google.code.gson:gson:2.11.0 joda-time:joda-time:2.12.7 org.springframework:spring-core:6.1.10
  com.github.ben-manes.caffeine:caffeine:3.1.8 org.yaml:snakeyaml:2.2
  org.apache.commons:commons-compress:1.26.2 commons-cli:commons-cli:1.8.0
  org.apache.lucene:lucene-core:9.11.0 info.picocli:picocli:4.7.6 org.apache.pdfbox:pdfbox:3.0.2
  org.jetbrains.kotlin:kotlin-stdlib:2.0.0 org.scala-lang:scala-library:2.13.14
  org.xerial:sqlite-jdbc:3.46.0.0 org.freemarker:freemarker:2.3.32
  # MIT / BSD / ISC / others permissive
  org.slf4j:slf4j-api:2.0.13 org.checkerframework:checker-qual:3.43.0 org.jsoup:jsoup:1.17.2
  org.mockito:mockito-core:5.12.0 net.sf.jopt-simple:jopt-simple:5.0.4
  org.bouncycastle:bcprov-jdk18on:1.78.1 org.antlr:antlr4-runtime:4.13.1 org.ow2.asm:asm:9.7
  org.hamcrest:hamcrest:2.2 org.postgresql:postgresql:42.7.3 com.google.protobuf:protobuf-java:3.25.3
  com.github.luben:zstd-jni:1.5.6-3 org.hsqldb:hsqldb:2.7.3 org.json:json:20240303
  com.ibm.icu:icu4j:75.1 org.tukaani:xz:1.9 org.mindrot:jbcrypt:0.4
  org.graalvm.sdk:graal-sdk:24.0.1 jakarta.xml.bind:jakarta.xml.bind-api:4.0.2
  # EPL / MPL / CDDL / dual
  junit:junit:4.13.2 org.junit.jupiter:junit-jupiter-api:5.10.2 org.clojure:clojure:1.11.3
  org.aspectj:aspectjweaver:1.9.22 org.eclipse.jetty:jetty-server:12.0.10
  org.eclipse.collections:eclipse-collections:11.1.0 com.h2database:h2:2.2.224
  ch.qos.logback:logback-classic:1.5.6 jakarta.persistence:jakarta.persistence-api:3.1.0
  jakarta.servlet:jakarta.servlet-api:6.0.0 javax.servlet:javax.servlet-api:4.0.1
  javax.annotation:javax.annotation-api:1.3.2 com.sun.mail:javax.mail:1.6.2
  org.glassfish.jersey.core:jersey-common:3.1.7 org.mozilla:rhino:1.7.15
  net.sf.saxon:Saxon-HE:12.4 org.locationtech.jts:jts-core:1.19.0
  org.javassist:javassist:3.30.2-GA org.jruby:jruby-core:9.4.7.0 org.jgrapht:jgrapht-core:1.5.2
  # LGPL / GPL / AGPL
  org.hibernate.orm:hibernate-core:6.5.2.Final org.hibernate:hibernate-core:5.6.15.Final
  net.java.dev.jna:jna:5.14.0 com.github.spotbugs:spotbugs-annotations:4.8.6
  org.mariadb.jdbc:mariadb-java-client:3.4.0 org.jfree:jfreechart:1.5.4
  com.mysql:mysql-connector-j:8.4.0 org.openjdk.jmh:jmh-core:1.37
  com.itextpdf:itextpdf:5.5.13.3 com.itextpdf:kernel:8.0.4
  # issue 15: the jars the first measurement answered with no licence when read alone, and more
  com.github.javaparser:javaparser-core:3.26.1 org.openjfx:javafx-base:21.0.3 com.guardsquare:proguard-base:7.5.0
  org.reactivestreams:reactive-streams:1.0.4 org.apache.httpcomponents:httpclient:4.5.14
  org.apache.httpcomponents:httpcore:4.4.16 org.apache.commons:commons-math3:3.6.1 commons-logging:commons-logging:1.3.2
  org.apache.commons:commons-csv:1.11.0 com.google.code.findbugs:jsr305:3.0.2
  com.google.errorprone:error_prone_annotations:2.28.0 org.jetbrains:annotations:24.1.0 javax.inject:javax.inject:1
  jakarta.inject:jakarta.inject-api:2.0.1 jakarta.annotation:jakarta.annotation-api:2.1.1
  jakarta.validation:jakarta.validation-api:3.1.0 io.reactivex.rxjava3:rxjava:3.1.8 io.projectreactor:reactor-core:3.6.7
  org.apache.logging.log4j:log4j-core:2.23.1 com.zaxxer:HikariCP:5.1.0 io.micrometer:micrometer-core:1.13.1
  org.apache.avro:avro:1.11.3 io.grpc:grpc-api:1.64.0 org.ow2.asm:asm-tree:9.7 net.bytebuddy:byte-buddy:1.14.17
  org.objenesis:objenesis:3.4 org.assertj:assertj-core:3.26.0 org.testng:testng:7.10.2
  org.apache.tomcat.embed:tomcat-embed-core:10.1.25 org.glassfish:jakarta.el:4.0.2
  com.sun.activation:jakarta.activation:2.0.1 org.eclipse.angus:angus-mail:2.0.3 org.apache.groovy:groovy:4.0.21
  org.jline:jline:3.26.2 org.fusesource.jansi:jansi:2.4.1 com.jcraft:jsch:0.1.55 xerces:xercesImpl:2.12.2
  org.dom4j:dom4j:2.1.4 org.jdom:jdom2:2.0.6.1 com.thoughtworks.xstream:xstream:1.4.20 redis.clients:jedis:5.1.3
  org.apache.derby:derby:10.17.1.0 org.firebirdsql.jdbc:jaybird:5.0.5.java11 org.lwjgl:lwjgl:3.3.3
  net.java.dev.jna:jna-platform:5.14.0 org.glassfish.jaxb:jaxb-runtime:4.0.5 org.apache.velocity:velocity-engine-core:2.3
  net.minidev:json-smart:2.5.1 com.jayway.jsonpath:json-path:2.9.0 org.jboss.logging:jboss-logging:3.6.0.Final
  io.undertow:undertow-core:2.3.14.Final com.github.oshi:oshi-core:6.6.1 org.apache.poi:poi:5.2.5
  com.lowagie:itext:2.1.7 org.jfree:jcommon:1.0.24 gnu.getopt:java-getopt:1.0.13 net.sourceforge.jexcelapi:jxl:2.6.12
  org.eclipse.jgit:org.eclipse.jgit:6.10.0.202406032230-r org.thymeleaf:thymeleaf:3.1.2.RELEASE
)

fetch() { # url dest: download unless present; fails quietly (1) on 404
  [ -s "$2" ] && return 0
  curl -fsS --retry 3 -o "$2.part" "$1" 2>/dev/null && mv "$2.part" "$2" || { rm -f "$2.part"; return 1; }
}
reuse() { # file name -> path of an existing copy under reuse_dirs, if any
  local d
  for d in $reuse_dirs; do [ -s "$d/$1" ] && { echo "$d/$1"; return 0; }; done
  return 1
}

for name in "${npm_packages[@]}"; do
  flat=${name#@}; flat=${flat//\//_}
  meta="$out/npm-meta/$flat.json"
  if ! fetch "$npm_registry/$name/latest" "$meta"; then echo "skip npm $name: not in the registry" >&2; continue; fi
  version=$(jq -r .version "$meta")
  tarball=$(jq -r .dist.tarball "$meta")
  archive="npm/$flat-$version.tgz"
  if [ ! -e "$out/$archive" ]; then
    if src=$(reuse "${name##*/}-$version.tgz" || reuse "${flat}--${name##*/}-$version.tgz"); then ln -s "$src" "$out/$archive"
    elif ! fetch "$tarball" "$out/$archive"; then echo "skip npm $name@$version: tarball failed" >&2; continue; fi
  fi
  printf 'npm\t%s\t%s\t%s@%s\n' "$archive" "npm-meta/$flat.json" "$name" "$version" >>"$manifest"
done

pom_field() { # pom-file block field: first <field> inside <block> (or the project itself if block is -)
  if [ "$2" = - ]; then
    sed -e '/<parent>/,/<\/parent>/d' -e '/<dependencies>/,/<\/dependencies>/d' \
        -e '/<dependencyManagement>/,/<\/dependencyManagement>/d' -e '/<build>/,/<\/build>/d' \
        -e '/<profiles>/,/<\/profiles>/d' -e '/<plugins>/,/<\/plugins>/d' "$1"
  else
    sed -n "/<$2>/,/<\/$2>/p" "$1"
  fi | grep -o "<$3>[^<]*</$3>" | head -1 | sed -e "s/<[^>]*>//g" -e 's/^[[:space:]]*//;s/[[:space:]]*$//'
}

for gav in "${maven_artifacts[@]}"; do
  IFS=: read -r g a v <<<"$gav"
  path="$central/${g//.//}/$a/$v"
  archive="maven/$a-$v-sources.jar"
  if [ ! -e "$out/$archive" ]; then
    if src=$(reuse "$a-$v-sources.jar"); then ln -s "$src" "$out/$archive"
    elif ! fetch "$path/$a-$v-sources.jar" "$out/$archive"; then echo "skip maven $gav: no sources jar" >&2; continue; fi
  fi
  # the pom, then parents until one declares <licenses>
  licensed=- cg=$g ca=$a cv=$v depth=0
  while [ -n "$cg" ] && [ "$depth" -lt 8 ]; do
    pom="$out/poms/$cg:$ca:$cv.pom"
    fetch "$central/${cg//.//}/$ca/$cv/$ca-$cv.pom" "$pom" || { echo "note maven $gav: pom $cg:$ca:$cv missing" >&2; break; }
    if grep -q '<licenses>' "$pom"; then licensed="poms/$cg:$ca:$cv.pom"; break; fi
    pg=$(pom_field "$pom" parent groupId); pa=$(pom_field "$pom" parent artifactId); pv=$(pom_field "$pom" parent version)
    cg=$pg ca=$pa cv=$pv depth=$((depth + 1))
  done
  [ "$licensed" = - ] && echo "note maven $gav: no pom with <licenses>" >&2
  printf 'maven\t%s\t%s\t%s\n' "$archive" "$licensed" "$gav" >>"$manifest"
done

# the same poms in Maven repository layout (WORK_DIR/m2/G/A/V/A-V.pom): the repository a run names with
# read.code.maven_repository, as ~/.m2/repository would hold them after a real fetch
for pom in "$out"/poms/*.pom; do
  IFS=: read -r g a v <<<"$(basename "$pom" .pom)"
  dest="$out/m2/${g//.//}/$a/$v/$a-$v.pom"
  [ -s "$dest" ] || { mkdir -p "$(dirname "$dest")" && cp "$pom" "$dest"; }
done

mv "$manifest" "$out/manifest.tsv"
echo "$(grep -c '^npm' "$out/manifest.tsv") npm packages, $(grep -c '^maven' "$out/manifest.tsv") maven artifacts in $out/manifest.tsv" >&2
