#!/usr/bin/env bash
# Downloads the latest release tarball of about 200 popular npm packages from the npm registry and
# keeps only their licence files (LICENSE*, LICENCE*, COPYING*, at any depth) under
# OUTDIR/<package>/<path in the tarball>: real licence files for LicenseThroughput's third set.
# Data is never committed. Usage: fetch-license-files.sh OUTDIR
set -euo pipefail
out="${1:?usage: fetch-license-files.sh OUTDIR}"
mkdir -p "$out"
registry=https://registry.npmjs.org
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
packages=(
  lodash chalk react react-dom express commander debug ms semver tslib axios moment uuid glob
  minimist yargs async request bluebird underscore classnames prop-types rxjs webpack typescript
  eslint prettier jest mocha chai sinon babel-core core-js regenerator-runtime vue jquery
  body-parser cookie-parser cors dotenv mongoose mysql pg redis ws socket.io inquirer ora
  fs-extra rimraf mkdirp cross-env nodemon dayjs date-fns immutable redux react-redux
  react-router styled-components postcss autoprefixer sass less node-fetch cheerio colors
  through2 readable-stream safe-buffer inherits once wrappy graceful-fs minimatch brace-expansion
  balanced-match concat-map path-is-absolute inflight yallist lru-cache isarray string_decoder
  util-deprecate supports-color has-flag ansi-styles color-convert color-name escape-string-regexp
  strip-ansi ansi-regex js-yaml argparse esprima source-map source-map-support acorn ajv
  fast-deep-equal json-schema-traverse uri-js punycode qs mime mime-types mime-db bytes
  content-type cookie depd destroy encodeurl escape-html etag finalhandler fresh http-errors
  merge-descriptors methods on-finished parseurl path-to-regexp proxy-addr range-parser
  send serve-static setprototypeof statuses type-is vary iconv-lite raw-body negotiator
  accepts array-flatten content-disposition forwarded ipaddr.js toidentifier unpipe
  side-channel object-inspect function-bind has-symbols get-intrinsic call-bind es-errors
  define-properties object-keys is-callable is-regex picomatch micromatch braces fill-range
  to-regex-range is-number chokidar anymatch normalize-path readdirp binary-extensions
  glob-parent is-glob is-extglob fast-glob merge2 run-parallel queue-microtask reusify fastq
  signal-exit which isexe cross-spawn shebang-command shebang-regex path-key execa
  get-stream human-signals is-stream npm-run-path onetime mimic-fn strip-final-newline
  emoji-regex string-width wrap-ansi cliui y18n yargs-parser camelcase decamelize
  p-limit p-locate locate-path find-up path-exists yocto-queue tmp uglify-js terser
  handlebars mustache ejs pug marked highlight.js d3 three chart.js leaflet bootstrap
  buffer events process util assert punycode.js sprintf-js xtend deep-extend ini
  rc strip-json-comments jsonfile universalify tar minipass chownr yaml json5 diff
  bn.js elliptic hash.js sha.js pako zod nanoid clsx
)
n=0
for name in "${packages[@]}"; do
  [ -d "$out/$name" ] && { n=$((n + 1)); continue; }
  version=$(curl -fsS --retry 3 "$registry/$name/latest" | jq -r .version) || { echo "skip $name: no version" >&2; continue; }
  base=${name##*/}
  if ! curl -fsS --retry 3 -o "$tmp/p.tgz" "$registry/$name/-/$base-$version.tgz"; then
    echo "skip $name@$version: download failed" >&2
    continue
  fi
  rm -rf "$tmp/x" && mkdir -p "$tmp/x"
  tar -xzf "$tmp/p.tgz" -C "$tmp/x" 2>/dev/null || { echo "skip $name@$version: bad tarball" >&2; continue; }
  found=0
  while IFS= read -r -d '' f; do
    rel=${f#"$tmp/x/"}
    mkdir -p "$out/$name/$(dirname "$rel")"
    cp "$f" "$out/$name/$rel"
    found=1
  done < <(find "$tmp/x" -type f \( -iname 'LICENSE*' -o -iname 'LICENCE*' -o -iname 'COPYING*' \) -print0)
  [ "$found" = 1 ] || { mkdir -p "$out/$name"; echo "note $name@$version: no licence file" >&2; }
  n=$((n + 1))
done
echo "$n packages; $(find "$out" -type f | wc -l) licence files under $out"
