#!/usr/bin/env bash
# The idle tick (issue 6, point 1): a 50-task home with nothing due, measured four ways in one
# run, alternating so that a busy moment of the machine hits all of them alike:
#   hello      a Java hello world on the same JVM (the floor)
#   installed  runner tick through packaging/bin/runner, as install.sh sets it up
#   clone      runner tick through ./runner (adds its check that the jar is not stale)
#   python     the user's old stack: APScheduler's CronTrigger per task on Debian's python3
# Prints medians of wall time, CPU time (user + sys) and peak RSS, and the ratios the issue asks
# for. Not a test: CI does not run it. Usage: bench/noop-tick.sh [RUNS]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
runs="${1:-21}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

if ! /usr/bin/python3 -c "import apscheduler" 2>/dev/null; then
  echo "installing Debian's python3-apscheduler for the anchor..." >&2
  (apt-get install -y python3-apscheduler || (apt-get update && apt-get install -y python3-apscheduler)) >/dev/null
fi
"$root/runner" --version >/dev/null   # builds the jar and its class-data archive if needed

mkdir -p "$work/home" "$work/hello"
{
  echo "{"
  for i in $(seq 1 50); do
    sep=","; [ "$i" = 50 ] && sep=""
    printf '  "task_%02d": {"type": "shell", "cron": "0 0 1 1 *", "command": "true", "description": "任务 %d"}%s\n' "$i" "$i" "$sep"
  done
  echo "}"
} > "$work/home/tasks_config.json"
javac -d "$work/hello" "$root/bench/anchors/Hello.java"
hello=(java -cp "$work/hello" Hello)
installed=(env RUNNER_JAR="$root/cli/target/runner.jar" "$root/packaging/bin/runner" --home "$work/home" tick)
clone=("$root/runner" --home "$work/home" tick)
python=(/usr/bin/python3 "$root/bench/anchors/apscheduler_tick.py" "$work/home")
"${installed[@]}"; "${installed[@]}"; "${python[@]}"   # first sight for both, then the idle record

measure() { # appends "wall cpu rss_kb" for one run of the command to file $1
  local file="$1"; shift
  /usr/bin/time -f "%e %U %S %M" -o "$work/t" "$@" >/dev/null 2>&1
  awk '{printf "%.3f %.3f %d\n", $1, $2 + $3, $4}' "$work/t" >> "$work/$file"
}
for i in $(seq 1 "$runs"); do
  measure hello.txt "${hello[@]}"
  measure installed.txt "${installed[@]}"
  measure clone.txt "${clone[@]}"
  measure python.txt "${python[@]}"
done
if [ ! -s "$work/home/locks/idle" ]; then
  echo "warning: no idle record: every tick took the full path" >&2
fi

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
col() { awk -v c="$2" '{print $c}' "$work/$1.txt" | median; }
echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1), medians of $runs alternating runs"
printf '%-36s %8s %8s %9s\n' "" "wall s" "cpu s" "peak RSS"
for what in hello installed clone python; do
  label=$(case $what in hello) echo "java hello world";; installed) echo "runner tick, installed launcher";;
    clone) echo "runner tick, ./runner in a clone";; python) echo "python3 + APScheduler no-op tick";; esac)
  printf '%-36s %8.3f %8.3f %8dM\n' "$label" "$(col $what 1)" "$(col $what 2)" "$(( $(col $what 3) / 1024 ))"
done
awk -v tw="$(col installed 1)" -v hw="$(col hello 1)" -v tc="$(col installed 2)" \
    -v pc="$(col python 2)" -v cw="$(col clone 1)" -v cc="$(col clone 2)" -v tm="$(col installed 3)" 'BEGIN {
  printf "installed: wall %.2fx hello (goal <= 3x), cpu %.2fx python (goal <= 0.5x), peak RSS %d MB (goal <= 64)\n", tw/hw, tc/pc, tm/1024
  printf "clone:     wall %.2fx hello, cpu %.2fx python\n", cw/hw, cc/pc
  printf "an idle day (1440 ticks, installed): %.1f CPU-minutes\n", tc*1440/60
}'
