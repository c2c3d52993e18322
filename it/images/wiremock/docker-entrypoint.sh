#!/bin/sh
# A small stand-in for the official wiremock/wiremock image's entrypoint: with no arguments, or only options, it
# runs WireMock with them (and JAVA_OPTS); anything else runs as a command. The image's CMD names port 8080 and the
# root dir /home/wiremock (mappings/ and __files/); options given instead keep WireMock's defaults, which are the
# same: port 8080 and the working directory /home/wiremock.
set -eu

if [ $# -eq 0 ] || [ "${1#-}" != "$1" ]; then
  # JAVA_OPTS is split into words on purpose, as in the official image.
  # shellcheck disable=SC2086
  set -- java ${JAVA_OPTS:-} -jar /var/wiremock/lib/wiremock-standalone.jar "$@"
  echo "docker-entrypoint: $*" >&2
fi
exec "$@"
