#!/usr/bin/env bash
# Figures for an idle tick: a 50-task home with nothing due, `runner tick` through the shipped
# launcher, next to a Java hello world on the same JVM. Runs alternate, N of each; prints medians
# of wall time, CPU time (user+sys) and peak RSS, and the ratios. Not a test: CI does not run it.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
runs="${1:-10}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

"$root/runner" --version >/dev/null   # builds the jar if needed, outside the measurement

mkdir -p "$work/home" "$work/hello"
{
  echo "{"
  for i in $(seq 1 50); do
    sep=","; [ "$i" = 50 ] && sep=""
    printf '  "task_%02d": {"type": "shell", "cron": "0 0 1 1 *", "command": "true", "description": "任务 %d"}%s\n' "$i" "$i" "$sep"
  done
  echo "}"
} > "$work/home/tasks_config.json"
"$root/runner" --home "$work/home" tick   # first sight: state rows, nothing runs

cat > "$work/hello/Hello.java" <<'JAVA'
public class Hello { public static void main(String[] a) { System.out.println("hello"); } }
JAVA
javac -d "$work/hello" "$work/hello/Hello.java"

measure() { # prints "wall cpu rss_kb"
  /usr/bin/time -f "%e %U %S %M" -o "$work/t" "$@" >/dev/null 2>&1
  awk '{printf "%.3f %.3f %d\n", $1, $2 + $3, $4}' "$work/t"
}
for i in $(seq 1 "$runs"); do
  measure java -cp "$work/hello" Hello >> "$work/hello.txt"
  measure "$root/runner" --home "$work/home" tick >> "$work/tick.txt"
done
if [ -n "$(sqlite3 -version 2>/dev/null || true)" ] && \
   [ "$(sqlite3 "$work/home/task_log.db" 'select count(*) from task_logs')" != 0 ]; then
  echo "warning: a task ran during the benchmark" >&2
fi

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
col() { awk -v c="$2" '{print $c}' "$1" | median; }
hw=$(col "$work/hello.txt" 1); hc=$(col "$work/hello.txt" 2); hm=$(col "$work/hello.txt" 3)
tw=$(col "$work/tick.txt" 1); tc=$(col "$work/tick.txt" 2); tm=$(col "$work/tick.txt" 3)
echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1), medians of $runs runs"
printf '%-34s %8s %8s %10s\n' "" "wall s" "cpu s" "peak RSS"
printf '%-34s %8.2f %8.2f %9dM\n' "java hello world" "$hw" "$hc" "$((hm / 1024))"
printf '%-34s %8.2f %8.2f %9dM\n' "runner tick (50 tasks, none due)" "$tw" "$tc" "$((tm / 1024))"
awk -v tw="$tw" -v hw="$hw" -v tc="$tc" -v hc="$hc" -v tm="$tm" -v hm="$hm" \
  'BEGIN {printf "ratio tick/hello: wall %.1fx, cpu %.1fx, rss %.1fx\n", tw/hw, tc/hc, tm/hm}'
awk -v tc="$tc" 'BEGIN {printf "an idle day (1440 ticks): %.1f CPU-minutes\n", tc*1440/60}'
