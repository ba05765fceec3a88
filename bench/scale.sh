#!/usr/bin/env bash
# Scale figures (issue 6, point 3), each printed on its own line:
#   plan     loading and planning 10,000 tasks in one JVM (goal <= 1 s), and `tick --dry-run` on
#            them as a command
#   history  `history --task X --limit 20` on 1,000,000 rows: inside the process (goal <= 20 ms)
#            and as a command against a Java hello world, alternating (goal <= 3x)
#   spawn    1,000 due /bin/true tasks through 8 workers against the raw cost of starting them
#            from Java with 8 threads (bench/anchors/SpawnTrue.java), alternating (goal <= 1.5x)
#   size     bytes per history row in that database (goal <= 300 plus output tails)
# Not a test: CI does not run it. Usage: bench/scale.sh [ROWS]   (default 1000000)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
rows="${1:-1000000}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$root/runner" --version >/dev/null
all="$root/cli/target/runner-all.jar"
mkdir -p "$work/classes"
javac -d "$work/classes" -cp "$all" "$root/bench/java/ScaleBench.java" \
  "$root/bench/anchors/SpawnTrue.java" "$root/bench/anchors/Hello.java"
bench() { java -cp "$all:$work/classes" ScaleBench "$@"; }
runner() { RUNNER_JAR="$root/cli/target/runner.jar" "$root/packaging/bin/runner" "$@"; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
wall() { /usr/bin/time -f "%e" -o "$work/t" "$@" >/dev/null 2>&1; cat "$work/t"; }

echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1)"

# plan: 10,000 tasks, a mix of crons, intervals and calendar repeats
mkdir -p "$work/plan"
python3 - "$work/plan/tasks_config.json" <<'PY'
import json, sys
tasks = {}
for i in range(10000):
    kind = i % 4
    if kind == 0: s = {"cron": f"{i % 60} {i % 24} * * *"}
    elif kind == 1: s = {"every": f"{5 + i % 55}m"}
    elif kind == 2: s = {"cron": "*/15 9-17 * * mon-fri", "timezone": "Asia/Shanghai"}
    else: s = {"repeat": {"unit": "week", "days": ["MON", "THU"], "time": "08:30"}}
    tasks[f"task_{i:05d}"] = dict(type="shell", command="true", description=f"任务 {i}", **s)
json.dump(tasks, open(sys.argv[1], "w"), ensure_ascii=False)
PY
echo "plan:    $(bench plan "$work/plan")"
runner --home "$work/plan" tick --now 2026-11-23T10:00:00Z >/dev/null  # first sight
echo "plan:    tick --dry-run on 10,000 tasks as a command: $(wall env RUNNER_JAR="$root/cli/target/runner.jar" "$root/packaging/bin/runner" --home "$work/plan" tick --dry-run --now 2026-11-23T12:00:00Z) s"

# history: a million rows over 50 tasks
mkdir -p "$work/hist"
python3 -c "import json; print(json.dumps({f'task_{i}': {'type': 'shell', 'cron': '0 0 1 1 *', 'command': 'true'} for i in range(50)}))" > "$work/hist/tasks_config.json"
start=$(date +%s)
bench fill "$work/hist/task_log.db" "$rows"
echo "history: filled $rows rows in $(( $(date +%s) - start )) s"
echo "history: in process: $(bench history "$work/hist/task_log.db" task_7)"
runner --home "$work/hist" history --task task_7 --limit 20 >/dev/null   # warm the native library cache
for i in $(seq 1 9); do
  wall java -cp "$work/classes" Hello >> "$work/hello.txt"
  wall env RUNNER_JAR="$root/cli/target/runner.jar" "$root/packaging/bin/runner" --home "$work/hist" history --task task_7 --limit 20 >> "$work/history.txt"
done
hw=$(median < "$work/hello.txt"); hh=$(median < "$work/history.txt")
awk -v h="$hh" -v w="$hw" 'BEGIN {printf "history: as a command: %.3f s, hello world %.3f s: %.2fx (median of 9)\n", h, w, h/w}'
echo "size:    $(bench size "$work/hist/task_log.db")"

# spawn: 1,000 /bin/true through 8 workers
python3 -c "import json; print(json.dumps({f't{i:04d}': {'type': 'shell', 'every': '1h', 'argv': ['/bin/true']} for i in range(1000)}))" > "$work/spawn.json"
for i in 1 2 3; do
  raw=$(java -cp "$work/classes" SpawnTrue 1000 8)
  home="$work/spawn$i"; mkdir -p "$home"; cp "$work/spawn.json" "$home/tasks_config.json"
  echo "RUNNER_MAX_WORKERS=8" > "$home/.env"
  total=$(wall env RUNNER_JAR="$root/cli/target/runner.jar" "$root/packaging/bin/runner" --home "$home" tick)
  dispatch=$(python3 - "$home/task_log.db" <<'PY'
import sqlite3, sys
from datetime import datetime
first, last, n = sqlite3.connect(sys.argv[1]).execute(
    "SELECT min(run_time), max(end_time), count(*) FROM task_logs WHERE status = 'success'").fetchone()
p = lambda t: datetime.strptime(t, "%Y-%m-%dT%H:%M:%S.%fZ")
print(f"{(p(last) - p(first)).total_seconds():.3f} {n}")
PY
)
  echo "$raw ${dispatch% *} $total ${dispatch#* }" >> "$work/spawn.txt"
done
raw=$(awk '{print $1}' "$work/spawn.txt" | median)
dispatch=$(awk '{print $2}' "$work/spawn.txt" | median)
total=$(awk '{print $3}' "$work/spawn.txt" | median)
awk -v r="$raw" -v d="$dispatch" -v t="$total" 'BEGIN {
  printf "spawn:   raw Java %.2f s; runner dispatch %.2f s (%.2fx), the whole tick %.2f s (%.2fx) (median of 3)\n", r, d, d/r, t, t/r }'
