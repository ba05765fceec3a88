#!/usr/bin/env bash
# Did a change make runner slower? Builds REV (a commit, default the last one before issue 12's
# rework) in a temporary worktree beside this checkout's build and measures both, alternating run
# by run so a busy moment of the machine hits them alike:
#   idle tick   `runner tick` with nothing due on a 50-task home, through packaging/bin/runner
#   history     `runner history --task task_7 --limit 20` on ROWS rows, as a command
# Each build gets its own copy of the same home (the idle record names the jars it was made by).
# Prints medians of wall time, CPU time (user + sys) and peak RSS for both.
# Not a test: CI does not run it. Usage: bench/before-after.sh [REV] [RUNS] [ROWS]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
rev="${1:-e951b80}"
runs="${2:-15}"
rows="${3:-100000}"
work="$(mktemp -d)"
trap 'git -C "$root" worktree remove --force "$work/before" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT

git -C "$root" worktree add -q --detach "$work/before" "$rev"
(cd "$work/before" && mvn -B -q -o package -DskipTests -pl tasks,cli >/dev/null)
(cd "$root" && mvn -B -q -o package -DskipTests -pl tasks,cli >/dev/null)

# homes: the same config and history for both builds
mkdir -p "$work/classes" "$work/seed"
# filled by the older build, whose schema the newer one migrates on its first command
javac -d "$work/classes" -cp "$work/before/cli/target/runner-all.jar" "$root/bench/java/ScaleBench.java" \
  "$root/bench/anchors/SpawnTrue.java" "$root/bench/anchors/Hello.java"
python3 -c "import json; print(json.dumps({f'task_{i}': {'type': 'shell', 'cron': '0 0 1 1 *', 'command': 'true', 'description': f'任务 {i}'} for i in range(50)}, ensure_ascii=False))" \
  > "$work/seed/tasks_config.json"
java -cp "$work/before/cli/target/runner-all.jar:$work/classes" ScaleBench fill "$work/seed/task_log.db" "$rows"
for build in before after; do
  cp -r "$work/seed" "$work/idle-$build"
  rm -f "$work/idle-$build/task_log.db"
  cp -r "$work/seed" "$work/hist-$build"
done
jar_of() { [ "$1" = before ] && echo "$work/before/cli/target/runner.jar" || echo "$root/cli/target/runner.jar"; }
# a command line, not a function: /usr/bin/time runs it
runner() { local build="$1"; shift; echo env RUNNER_JAR="$(jar_of "$build")" "$root/packaging/bin/runner" "$@"; }
for build in before after; do
  $(runner "$build" --home "$work/idle-$build" tick) >/dev/null 2>&1   # first sight
  $(runner "$build" --home "$work/idle-$build" tick) >/dev/null 2>&1   # writes the idle record
  $(runner "$build" --home "$work/hist-$build" history --task task_7 --limit 20) >/dev/null
done

measure() { # appends "wall cpu rss_kb" for one run of the command to file $1
  local file="$1"; shift
  /usr/bin/time -f "%e %U %S %M" -o "$work/t" "$@" >/dev/null 2>&1
  awk '{printf "%.3f %.3f %d\n", $1, $2 + $3, $4}' "$work/t" >> "$work/$file"
}
for i in $(seq 1 "$runs"); do
  for build in before after; do
    measure "idle-$build.txt" $(runner "$build" --home "$work/idle-$build" tick)
    measure "hist-$build.txt" $(runner "$build" --home "$work/hist-$build" history --task task_7 --limit 20)
  done
done
for build in before after; do
  [ -s "$work/idle-$build/locks/idle" ] || echo "warning: $build wrote no idle record" >&2
done

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
col() { awk -v c="$2" '{print $c}' "$work/$1.txt" | median; }
echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1), medians of $runs alternating runs"
echo "before: $rev ($(git -C "$root" log -1 --format=%h "$rev")), after: $(git -C "$root" log -1 --format=%h HEAD) + working tree"
printf '%-40s %8s %8s %9s\n' "" "wall s" "cpu s" "peak RSS"
for what in idle hist; do
  for build in before after; do
    label="$([ $what = idle ] && echo "idle tick" || echo "history, $rows rows"), $build"
    printf '%-40s %8.3f %8.3f %8dM\n' "$label" "$(col $what-$build 1)" "$(col $what-$build 2)" \
      "$(( $(col $what-$build 3) / 1024 ))"
  done
done
