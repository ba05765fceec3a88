#!/usr/bin/env bash
# Output that cannot eat a small server's memory (issue 15, point 2), through the installed
# launcher, alternating where two things are compared:
#   logs     `runner logs ID` of a 50 MB run log: peak RSS; `--tail 20` of it against a Java hello
#            world (wall, median of RUNS)
#   1 GB     a run printing 1 GB: runner's peak RSS, the stored log's size against the cap, and
#            what the run's message says was dropped
# Not a test: CI does not run it. Usage: bench/output.sh [RUNS]   (mvn package first)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
runs="${1:-10}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$root/packaging/install.sh" --prefix "$work/prefix" --no-link > /dev/null
runner="$work/prefix/bin/runner"
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
mkdir -p "$work/home" "$work/hello"
cat > "$work/home/tasks_config.json" <<'JSON'
{"fifty": {"type": "shell", "command": "yes 'a line of the fifty megabytes, 64 bytes long ...........' | head -c 52428800"},
 "gigabyte": {"type": "shell", "command": "yes 'a line of the gigabyte, 64 bytes long ..........................' | head -c 1073741824"}}
JSON
javac -d "$work/hello" "$root/bench/anchors/Hello.java"
echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1)"

"$runner" --home "$work/home" run fifty > /dev/null
id=$("$runner" --home "$work/home" history --task fifty --json | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["id"])')
log=$(ls "$work"/home/logs/runs/fifty/"$id".log)
echo "the 50 MB run's log: $(stat -c %s "$log") bytes"
/usr/bin/time -f "%M" -o "$work/rss" "$runner" --home "$work/home" logs "$id" > /dev/null
echo "runner logs $id (all of it): peak RSS $(( $(cat "$work/rss") / 1024 )) MB"
: > "$work/tail.txt"; : > "$work/hello.txt"
for i in $(seq "$runs"); do
  /usr/bin/time -a -o "$work/tail.txt" -f "%e" "$runner" --home "$work/home" logs "$id" --tail 20 > /dev/null
  /usr/bin/time -a -o "$work/hello.txt" -f "%e" java -cp "$work/hello" Hello > /dev/null
done
tail_wall=$(median < "$work/tail.txt"); hello_wall=$(median < "$work/hello.txt")
echo "logs --tail 20: wall $tail_wall s; hello world $hello_wall s; ratio $(echo "scale=2; $tail_wall / $hello_wall" | bc) (medians of $runs)"

/usr/bin/time -f "%M %e" -o "$work/giga" "$runner" --home "$work/home" run gigabyte > /dev/null
read -r rss wall < "$work/giga"
id=$("$runner" --home "$work/home" history --task gigabyte --json | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["id"])')
echo "a run printing 1 GB: runner's peak RSS $((rss / 1024)) MB, $wall s wall"
echo "its stored log: $(stat -c %s "$work/home/logs/runs/gigabyte/$id.log") bytes (cap RUNNER_MAX_OUTPUT, default 52428800)"
echo "its message: $("$runner" --home "$work/home" history --task gigabyte --json | python3 -c 'import json,sys; print(json.dumps(json.load(sys.stdin)[0]["message"].get("output_dropped")))')"
