#!/usr/bin/env bash
# Compiles the TypeScript client (typescript-fetch, default options) that the build generated from
# openrma-service/openapi.json into openrma-sdk-java/target/generated-sources/typescript-fetch.
# Needs npm (it installs TypeScript 5 into a temporary folder); run after `./mvnw verify` (or generate-sources).
set -euo pipefail
cd "$(dirname "$0")"
SRC=target/generated-sources/typescript-fetch
[ -f "$SRC/index.ts" ] || { echo "no generated TypeScript client in $SRC: run ./mvnw -pl openrma-sdk-java generate-sources first" >&2; exit 2; }
TOOL=$(mktemp -d)
trap 'rm -rf "$TOOL"' EXIT
(cd "$TOOL" && npm install --silent --no-audit --no-fund typescript@5 >/dev/null)
"$TOOL/node_modules/.bin/tsc" --noEmit --strict --target es2020 --module es2020 --moduleResolution node --lib es2020,dom "$SRC/index.ts"
echo "TypeScript client compiles ($("$TOOL/node_modules/.bin/tsc" --version))"
