#!/bin/sh
# Installs runner: the jars under PREFIX/lib/runner, the launcher as PREFIX/bin/runner, the man
# page and bash completion under PREFIX/share, and for the default prefix a link
# /usr/local/bin/runner. No root needed with --prefix ~/.local.
#   packaging/install.sh [--prefix DIR] [--no-link]
# Run from a clone; builds the jars first if they are missing.
set -eu
here="$(cd "$(dirname "$0")/.." && pwd)"
prefix=/opt/runner
link=yes
while [ $# -gt 0 ]; do
  case "$1" in
    --prefix) prefix="$2"; shift 2 ;;
    --prefix=*) prefix="${1#--prefix=}"; shift ;;
    --no-link) link=no; shift ;;
    -h|--help) sed -n '2,6p' "$0"; exit 0 ;;
    *) echo "install.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
[ "$prefix" = /opt/runner ] || link=no

jars="$here/cli/target"
if [ ! -f "$jars/runner.jar" ] || [ ! -f "$jars/runner-all.jar" ]; then
  echo "install.sh: building the jars..." >&2
  (cd "$here" && mvn -q -B -DskipTests package) >&2
fi

lib="$prefix/lib/runner"
mkdir -p "$lib" "$prefix/bin"
cp "$jars/runner.jar" "$jars/runner-all.jar" "$lib/"
rm -f "$lib"/runner-*.aot* "$lib"/runner-*.jsa* "$lib/runner.jvm"   # caches of an older version
# the launcher, with the jar's place written in
sed "s|@RUNNER_JAR@|$lib/runner.jar|" "$here/packaging/bin/runner" > "$prefix/bin/runner.tmp"
chmod 755 "$prefix/bin/runner.tmp"
mv "$prefix/bin/runner.tmp" "$prefix/bin/runner"
mkdir -p "$prefix/share/man/man1" "$prefix/share/bash-completion/completions"
cp "$here/man/runner.1" "$prefix/share/man/man1/runner.1"
cp "$here/completions/runner.bash" "$prefix/share/bash-completion/completions/runner"
if [ "$link" = yes ]; then
  ln -sf "$prefix/bin/runner" /usr/local/bin/runner
  echo "installed: $prefix (linked as /usr/local/bin/runner)"
else
  echo "installed: $prefix/bin/runner"
fi
echo "next: runner init ~/runner-home && runner --home ~/runner-home install cron"
