#!/bin/sh
# Builds the policy studio's editor into src/main/resources/static/js/studio-editor.js (committed: the Maven build
# and a fresh machine with only a JDK use the committed bundle and never run node).
#
#   cd openrma-service/src/main/frontend && npm ci && sh build.sh
#
# The bundle's first line records the SHA-256 of the sources it was built from (this script, the entry file,
# package.json and package-lock.json); StudioEditorBundleTests fails when they change and the bundle was not rebuilt.
set -eu
cd "$(dirname "$0")"
out=../resources/static/js/studio-editor.js
hash=$(cat build.sh studio-editor.js package.json package-lock.json | sha256sum | cut -d' ' -f1)
npx esbuild studio-editor.js --bundle --minify --format=iife --target=es2020 --legal-comments=none --outfile=build/studio-editor.js
{
  printf '/*! OpenRMA policy studio editor (CodeMirror 6, MIT). Built by src/main/frontend/build.sh; sources-sha256=%s */\n' "$hash"
  cat build/studio-editor.js
} > "$out"
rm -rf build
echo "wrote $out ($(wc -c < "$out") bytes, sources-sha256=$hash)"
