#!/usr/bin/env bash
# Issue 10, point 2: runner under a real cron daemon. Installs Debian's `cron` when missing,
# gives it a line that calls `runner tick` every minute on a scratch home (cron's own bare
# environment: no LANG, a short PATH), lets it run for MINUTES, then prints, per minute, when
# cron started the tick, how many runs each task got and how late each started. The home holds
# `every: 1m` (the shipped hello's schedule), `every: 2m`, `every: 5m` and `* * * * *`, each
# appending its start to a file. Not a test: it takes MINUTES of wall time. Needs root (it writes
# /etc/cron.d and starts the daemon if none runs).
# Usage: bench/real-cron.sh [MINUTES]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
minutes="${1:-10}"
[ "$(id -u)" = 0 ] || { echo "real-cron.sh: needs root (writes /etc/cron.d)" >&2; exit 2; }
if ! command -v cron >/dev/null; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q cron >/dev/null
fi
"$root/runner" --version >/dev/null # builds the jars when they are missing or stale

work="$(mktemp -d)"
home="$work/home"
cronfile=/etc/cron.d/runner-real-cron-bench
started_cron=""
cleanup() {
  rm -f "$cronfile"
  if [ -n "$started_cron" ]; then kill "$started_cron" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
mkdir -p "$home" "$work/jar"
# a copy, so a build during the run does not swap the jars under cron's ticks
cp "$root/cli/target/runner.jar" "$root/cli/target/runner-all.jar" "$work/jar/"
cat > "$home/tasks_config.json" <<'EOF'
{
  "every_1m": { "type": "shell", "every": "1m", "command": "date +%s.%N >> every_1m.txt" },
  "every_2m": { "type": "shell", "every": "2m", "command": "date +%s.%N >> every_2m.txt" },
  "every_5m": { "type": "shell", "every": "5m", "command": "date +%s.%N >> every_5m.txt" },
  "cron_1m": { "type": "shell", "cron": "* * * * *", "command": "date +%s.%N >> cron_1m.txt" }
}
EOF
# what cron starts: a note of the instant it did so, then the tick as an installed home has it
cat > "$work/tick.sh" <<EOF
#!/bin/sh
date +%s.%N >> "$work/ticks.txt"
RUNNER_JAR="$work/jar/runner.jar" exec "$root/packaging/bin/runner" --home "$home" tick
EOF
chmod +x "$work/tick.sh"
printf '* * * * * root %s >> %s/cron-output.txt 2>&1\n' "$work/tick.sh" "$work" > "$cronfile"
chmod 0644 "$cronfile"
if ! pgrep -x cron >/dev/null; then
  cron
  started_cron="$(pgrep -xn cron)"
fi

# start at a minute's beginning so every minute counted is whole
now=$(date +%s)
first=$(( (now / 60 + 1) * 60 ))
last=$(( first + minutes * 60 ))
echo "cron calls runner tick from $(date -u -d "@$first" +%H:%M:%SZ) for $minutes minutes" >&2
while [ "$(date +%s)" -lt $(( last + 45 )) ]; do sleep 5; done
rm -f "$cronfile"

# a file of start instants, or nothing when the task never ran
starts() { cat "$1" 2>/dev/null || true; }
echo "minute    tick started  every_1m every_2m every_5m cron_1m  (start after the minute, s)"
for m in $(seq "$first" 60 $(( last - 60 ))); do
  line="$(date -u -d "@$m" +%H:%M)Z"
  tick=$(starts "$work/ticks.txt" | awk -v m="$m" '$1 >= m && $1 < m + 60 {printf "+%.2f ", $1 - m}')
  line="$line    ${tick:-none}"
  for task in every_1m every_2m every_5m cron_1m; do
    runs=$(starts "$home/$task.txt" \
      | awk -v m="$m" '$1 >= m && $1 < m + 60 {printf "%s+%.2f", (n++ ? "," : ""), $1 - m}')
    line="$line  ${runs:--}"
  done
  echo "$line"
done
for task in every_1m cron_1m; do
  starts "$home/$task.txt" | awk -v f="$first" -v l="$last" -v t="$task" '$1 >= f && $1 < l {
      n++; late = $1 - int(($1 - f) / 60) * 60 - f; sum += late; if (late > max) max = late
      seen[int(($1 - f) / 60)]++ }
    END { dup = 0; for (k in seen) if (seen[k] > 1) dup++
      printf "%s: %d runs in %d minutes, %d minutes with more than one, start lateness mean %.2f s max %.2f s\n",
        t, n, (l - f) / 60, dup, (n ? sum / n : 0), max }'
done
expect2=$(( minutes / 2 )); expect5=$(( minutes / 5 ))
for pair in "every_2m $expect2" "every_5m $expect5"; do
  set -- $pair
  n=$(starts "$home/$1.txt" | awk -v f="$first" -v l="$last" '$1 >= f && $1 < l' | wc -l)
  echo "$1: $n runs (the grid holds $2 fires in the $minutes minutes)"
done
skipped=$("$root/runner" --home "$home" history --json --limit 1000 \
  | { grep -o '"skipped_fires": *[0-9]*' || true; } | awk -F: '{s += $2} END {print s + 0}')
echo "fires coalesced into skipped_fires: $skipped"
if [ -s "$work/cron-output.txt" ]; then
  echo "what the ticks printed (cron would mail it):"; sed 's/^/  /' "$work/cron-output.txt"
fi
