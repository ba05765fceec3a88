#!/usr/bin/env bash
# runner web: the time from start to its URL on stdout, and GET /api/v1/runs?limit=50 (and a
# filtered page, and /api/v1/tasks) on ROWS history rows of TASKS tasks; curl's total time, median
# of 21 and p95; its RSS.
# Usage: bench/web.sh [ROWS] [TASKS]   (needs sqlite3, curl; builds nothing: mvn package first)
set -euo pipefail
rows=${1:-1000000}
tasks=${2:-200}
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d); trap 'kill "${pid:-0}" 2>/dev/null || true; rm -rf "$work"' EXIT
# the launcher users get (its JVM flags), installed from this build
"$root/packaging/install.sh" --prefix "$work/prefix" --no-link > /dev/null
runner="$work/prefix/bin/runner"
home="$work/home"; mkdir -p "$home"
python3 -c "import json; print(json.dumps({f'task_{i}': {'type': 'shell', 'every': '1h', 'command': 'true'} for i in range($tasks)}))" > "$home/tasks_config.json"
"$runner" --home "$home" db init > /dev/null
sqlite3 "$home/task_log.db" <<SQL
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $rows)
INSERT INTO task_logs (task_name, status, run_time, duration, message, scheduled_for, trigger,
                       attempt, end_time, host, pid, final)
SELECT 'task_' || (i % $tasks),
       CASE WHEN i % 10 = 0 THEN 'technical_failure' ELSE 'success' END,
       strftime('%Y-%m-%dT%H:%M:%S.000Z', '2025-01-01', '+' || i || ' minutes'), 1.5,
       '{"exit_code":0,"output_tail":"ok"}',
       strftime('%Y-%m-%dT%H:%M:%S.000Z', '2025-01-01', '+' || i || ' minutes'), 'schedule', 1,
       strftime('%Y-%m-%dT%H:%M:%S.000Z', '2025-01-01', '+' || i || ' minutes', '+2 seconds'),
       'bench', 1, 1
FROM n;
SQL
"$runner" --home "$home" tick > /dev/null 2>&1 || true  # state rows, as a home has them
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
p95() { sort -n | awk '{a[NR]=$1} END {i=int(NR*0.95+0.999); print a[i]}'; }
for i in 1 2 3 4 5; do
  start=$(date +%s.%N)
  "$runner" --home "$home" web --listen 127.0.0.1:0 > "$work/out" 2>/dev/null & pid=$!
  until grep -q '^runner web: ' "$work/out" 2>/dev/null; do sleep 0.01; done
  end=$(date +%s.%N)
  echo "$end - $start" | bc >> "$work/start.txt"
  url=$(sed -n 's/^runner web: //p' "$work/out")
  if [ "$i" -lt 5 ]; then kill "$pid"; wait "$pid" 2>/dev/null || true; fi
done
echo "rows: $rows, tasks: $tasks"
echo "start to URL: median $(median < "$work/start.txt") s of 5"
# a resident server: 50 requests each first, so what is measured is its steady state, not the
# JIT's first compilations (the first request's time is printed apart)
for path in "api/v1/runs?limit=50" "api/v1/runs?limit=50&page=100&status=failed" "api/v1/tasks"; do
  first=$(curl -s -o /dev/null -w '%{time_total}' "$url$path")
  for i in $(seq 50); do curl -s -o /dev/null "$url$path"; done
  : > "$work/t.txt"
  for i in $(seq 101); do curl -s -o /dev/null -w '%{time_total}\n' "$url$path" >> "$work/t.txt"; done
  echo "GET /$path: first $first s; then median $(median < "$work/t.txt") s, p95 $(p95 < "$work/t.txt") s (101)"
done
echo "RSS: $(ps -o rss= -p "$pid" | awk '{printf "%.0f MB", $1/1024}')"
# 50 consoles listening to /api/v1/events at once: the API's answers with them open, and RSS
for i in $(seq 50); do curl -sN "${url}api/v1/events" > "$work/events-$i.txt" 2>/dev/null & done
sleep 2  # the listeners connect (this is a benchmark: nothing is asserted on time)
echo "event listeners open: $(grep -l '^: runner' "$work"/events-*.txt | wc -l) of 50"
: > "$work/t.txt"
for i in $(seq 21); do curl -s -o /dev/null -w '%{time_total}\n' "${url}api/v1/tasks" >> "$work/t.txt"; done
echo "GET /api/v1/tasks with 50 listeners: median $(median < "$work/t.txt") s, p95 $(p95 < "$work/t.txt") s (21)"
curl -s -o /dev/null -X POST -H 'Content-Type: application/json' -d '{}' "${url}api/v1/tasks/task_1/run"
sleep 2
echo "listeners told of the run: $(grep -l '^event: run_ended' "$work"/events-*.txt | wc -l) of 50"
echo "RSS with 50 listeners: $(ps -o rss= -p "$pid" | awk '{printf "%.0f MB", $1/1024}')"
echo "threads: $(ls /proc/"$pid"/task | wc -l)"
