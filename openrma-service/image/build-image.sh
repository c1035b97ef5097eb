#!/usr/bin/env bash
# Builds the service's container image as a tarball, target/openrma-service-image.tar, with Jib (no Docker daemon).
#   openrma-service/image/build-image.sh            offline: on a base image built here from this machine's JDK
#   BASE=eclipse-temurin:25-jre openrma-service/image/build-image.sh     on a registry base image (needs the registry)
# Load it with `docker load -i openrma-service/target/openrma-service-image.tar` (or podman load, skopeo copy ...).
set -euo pipefail
cd "$(dirname "$0")/../.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
if [ -z "${BASE:-}" ]; then
  BASE_TAR=$PWD/openrma-service/target/jre-base-image.tar
  [ -f "$BASE_TAR" ] || openrma-service/image/build-base-image.sh "$BASE_TAR"
  BASE=tar://$BASE_TAR
fi
./mvnw -B -q -pl openrma-service -am -DskipTests -Djib.disableUpdateChecks=true -Dopenrma.image.base="$BASE" \
  package com.google.cloud.tools:jib-maven-plugin:3.5.2:buildTar
ls -la openrma-service/target/openrma-service-image.tar
