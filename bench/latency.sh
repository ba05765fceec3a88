#!/usr/bin/env bash
# Issue 6, point 2: from a fire's scheduled instant to its process starting, when cron starts
# `runner tick` at that instant (goal: under 1 s at the median). Each round makes a home whose
# task is due at a whole second T, lets a first tick see it, starts `runner tick` through the
# installed launcher at T, and reads the start time the task wrote. Not a test.
# Usage: bench/latency.sh [ROUNDS]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
rounds="${1:-11}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$root/runner" --version >/dev/null
runner() { RUNNER_JAR="$root/cli/target/runner.jar" "$root/packaging/bin/runner" "$@"; }
for i in $(seq 1 "$rounds"); do
  home="$work/home$i"; mkdir -p "$home"
  t=$(( $(date +%s) + 3 ))
  at=$(date -u -d "@$t" +%Y-%m-%dT%H:%M:%SZ)
  printf '{"probe": {"type": "shell", "at": "%s", "command": "date +%%s.%%N > started"}}\n' "$at" \
    > "$home/tasks_config.json"
  runner --home "$home" tick --now "$(date -u -d "@$((t - 60))" +%Y-%m-%dT%H:%M:%SZ)" >/dev/null
  # wait for T as cron would: the tick starts at the scheduled second
  while [ "$(date +%s%N)" -lt "${t}000000000" ]; do sleep 0.001; done
  runner --home "$home" tick >/dev/null
  awk -v s="$(cat "$home/started")" -v t="$t" 'BEGIN {printf "%.3f\n", s - t}' >> "$work/latency.txt"
done
sort -n "$work/latency.txt" | awk '{a[NR]=$1} END {
  printf "fire to process start: median %.3f s, min %.3f s, max %.3f s (%d rounds)\n", a[int((NR+1)/2)], a[1], a[NR], NR }'
