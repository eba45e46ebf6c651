#!/bin/sh
# Hostile repositories as whole CLI processes (issue #10): generates each input in a temp folder, runs
# `readiness check` on it RUNS times under /usr/bin/time -v, and prints the median wall time and the largest
# peak RSS beside the same CLI on an empty folder in the same run. Needs python3 (to generate) and GNU time.
# Usage: bench/hostile.sh [RUNS] [CASE...]      (READINESS=path/to/readiness to bench another build)
set -e
root=$(cd -- "$(dirname -- "$0")/.." && pwd -P)
runs=${1:-5}
[ $# -gt 0 ] && shift
cli=${READINESS:-$root/readiness}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 "$root/bench/hostile_inputs.py" "$work/in"
"$cli" check "$work/in/empty" >/dev/null 2>&1 || true # builds on first use, outside the figures
cases=${*:-"empty plain glob notebook-one-line config-comment deep-json deep-yaml deep-toml deep-calls many-tokens search-grids"}
printf '%-20s %8s %8s %10s %s\n' case median max "peak RSS" exit
for c in $cases; do
  : >"$work/times"
  rss=0
  for i in $(seq "$runs"); do
    /usr/bin/time -v -o "$work/time.txt" timeout 300 "$cli" check "$work/in/$c" >"$work/out.txt" 2>"$work/err.txt" \
      && code=0 || code=$?
    awk -F': ' '/Elapsed \(wall clock\)/ {n = split($2, t, ":"); s = 0; for (k = 1; k <= n; k++) s = s * 60 + t[k];
      print s}' "$work/time.txt" >>"$work/times"
    r=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$work/time.txt")
    [ "$r" -gt "$rss" ] && rss=$r
  done
  median=$(sort -n "$work/times" | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}')
  max=$(sort -n "$work/times" | tail -n 1)
  printf '%-20s %7.2fs %7.2fs %7d MB %s\n' "$c" "$median" "$max" $((rss / 1024)) "$code"
done
