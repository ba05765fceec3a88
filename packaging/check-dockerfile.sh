#!/bin/sh
# The Dockerfile, checked without a Docker engine: linted (dockerfile-utils, the checker behind
# VS Code's Dockerfile support, from npm), and its build stage must run the commands CI runs.
set -eu
cd "$(dirname "$0")/.."
npx --yes dockerfile-utils@0.16.3 lint packaging/Dockerfile
# the build stage: from the first FROM to the second
stage="$(awk '/^FROM /{n++} n==1' packaging/Dockerfile)"
for command in 'mvn -B verify' 'packaging/install.sh --prefix'; do
  if ! printf '%s\n' "$stage" | grep -q "^RUN.*$command\|^ *&& $command\|^ *$command"; then
    echo "check-dockerfile: the build stage does not run '$command' as .ci/run does" >&2
    exit 1
  fi
  grep -q "^$command" .ci/run || { echo "check-dockerfile: .ci/run no longer runs '$command'" >&2; exit 1; }
done
echo "packaging/Dockerfile: lint clean; build stage runs mvn -B verify and packaging/install.sh"
