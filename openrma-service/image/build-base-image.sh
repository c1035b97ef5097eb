#!/usr/bin/env bash
# Builds, without a Docker daemon or a registry, a minimal base image for the service's container image:
# a jlink'ed Java runtime of this machine's JDK plus the few glibc libraries it links against, written as a
# Docker-format image tarball (manifest.json, config, one layer) that Jib reads with from.image=tar://...
# Used where no registry is reachable (CI here); elsewhere the image builds on eclipse-temurin (pom.xml,
# property openrma.image.base). See docs/operations.md.
#
# Usage: openrma-service/image/build-base-image.sh OUTPUT.tar      (JAVA_HOME: a JDK >= 21 with jlink)
set -euo pipefail
OUT=$(realpath -m "$1")
JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
ROOT=$WORK/rootfs
mkdir -p "$ROOT"/{etc,tmp,opt} "$ROOT/var/lib/openrma/uploads"
chmod 1777 "$ROOT/tmp"

# The Java runtime: the modules Spring Boot, Tomcat, the JDBC driver, Jackson and JFR need (java.desktop for
# java.beans; jdk.unsupported for libraries using sun.misc.Unsafe), no debug symbols, man pages or headers.
"$JAVA_HOME/bin/jlink" --output "$ROOT/opt/java" --strip-debug --no-man-pages --no-header-files \
  --add-modules java.base,java.compiler,java.desktop,java.instrument,java.logging,java.management,java.naming,java.net.http,java.prefs,java.rmi,java.scripting,java.security.jgss,java.security.sasl,java.sql,java.transaction.xa,java.xml,jdk.charsets,jdk.crypto.cryptoki,jdk.jfr,jdk.localedata,jdk.management,jdk.management.jfr,jdk.naming.dns,jdk.net,jdk.unsupported,jdk.zipfs

# The shared libraries the runtime loads (glibc and friends), at the paths the dynamic loader looks in. The
# service is headless: the X11 parts of java.desktop (window toolkit, splash screen) are never loaded.
for lib in $( (find "$ROOT/opt/java/bin" -type f; find "$ROOT/opt/java/lib" -name '*.so' -not -name '*xawt*' -not -name '*splashscreen*' -not -name 'libjawt.so') \
              | xargs ldd 2>/dev/null | grep -o '/[^ ]*\.so[^ ]*' | sort -u); do
  case "$lib" in "$ROOT"*) continue ;; esac
  mkdir -p "$ROOT$(dirname "$lib")"
  cp -L "$lib" "$ROOT$lib"
done

# Users (the service runs as 65532, "openrma"), name resolution from /etc/hosts then DNS.
printf 'root:x:0:0:root:/root:/sbin/nologin\nopenrma:x:65532:65532:openrma:/var/lib/openrma:/sbin/nologin\n' > "$ROOT/etc/passwd"
printf 'root:x:0:\nopenrma:x:65532:\n' > "$ROOT/etc/group"
printf 'hosts: files dns\n' > "$ROOT/etc/nsswitch.conf"

# One layer, reproducible (sorted, fixed times, numeric owners); the service's data folder belongs to it.
LAYER=$WORK/layer.tar
(cd "$ROOT" && tar --sort=name --mtime=@0 --numeric-owner --owner=0 --group=0 --exclude=var/lib/openrma -cf "$LAYER" ./*)
(cd "$ROOT" && tar --sort=name --mtime=@0 --numeric-owner --owner=65532 --group=65532 -rf "$LAYER" var/lib/openrma)
DIFF_ID=sha256:$(sha256sum "$LAYER" | cut -d' ' -f1)

cat > "$WORK/config.json" <<JSON
{"architecture":"amd64","os":"linux","created":"1970-01-01T00:00:00Z",
 "config":{"Env":["PATH=/opt/java/bin:/usr/bin:/bin","JAVA_HOME=/opt/java","LANG=C.UTF-8"],"User":"65532","WorkingDir":"/var/lib/openrma"},
 "rootfs":{"type":"layers","diff_ids":["$DIFF_ID"]}}
JSON
printf '[{"Config":"config.json","RepoTags":["openrma/jre-base:local"],"Layers":["layer.tar"]}]\n' > "$WORK/manifest.json"
mkdir -p "$(dirname "$OUT")"
tar --mtime=@0 -cf "$OUT" -C "$WORK" manifest.json config.json layer.tar
echo "base image: $OUT ($(du -h "$OUT" | cut -f1), Java $("$ROOT/opt/java/bin/java" -version 2>&1 | head -1 | cut -d'"' -f2))"
