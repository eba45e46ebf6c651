#!/usr/bin/env bash
# The CLI as users run it, cold: the ./readiness launcher (and the packaged application it starts), one whole
# process per run, JVM start-up included, side by side with `java -version` and repolinter 0.12.0 in the same
# loop (issue #13). Prints the median wall time, the median CPU time (user + system) and the median peak RSS
# (/usr/bin/time -v, "Maximum resident set size") of each, and the ratios the issue's goals are stated in.
#
# Usage: bench/cli-cold.sh [RUNS [WARMUP]]          (default 5 measured rounds after 1 warm-up round)
# Environment:
#   BENCH_DIR=DIR     where the generated repositories, repolinter and the outputs go
#                     (default ${TMPDIR:-/tmp}/readiness-bench; reused across runs, regenerated when the
#                     generator changes)
#   REPOLINTER=off    do not install or run repolinter (otherwise installed with npm into BENCH_DIR if npm is
#                     there; nothing is installed into the project)
#   LAUNCHER=FILE     measure another copy of the launcher (an older build, to compare in the same run)
#   BEFORE=FILE       also measure this launcher (an older build) in the same loop, as empty-before,
#                     small-before and large-git-before
#   ONLY="a b"        run only these subjects (java-version empty small small-repolinter large-git
#                     large-folder large-repolinter)
# Needs: java, python3 (the generator), git, /usr/bin/time; npm for repolinter. Not run by ./mvnw verify.
# Check `uptime` first: other work on the machine slows every figure; the ratios suffer less.
set -euo pipefail

runs=${1:-5}
warmup=${2:-1}
here=$(cd -- "$(dirname -- "$0")" && pwd -P)
root=$(dirname -- "$here")
bench=${BENCH_DIR:-${TMPDIR:-/tmp}/readiness-bench}
mkdir -p "$bench/out" "$bench/empty"

# 1. the artifact users run: the launcher builds it on first use; build it now, outside the measurements
launcher=${LAUNCHER:-$root/readiness}
"$launcher" --version >/dev/null

# 2. the repositories, regenerated when the generator changed
stamp=$(sha256sum "$here/generate_repos.py" | cut -c1-16)
if [ "$(cat "$bench/stamp" 2>/dev/null)" != "$stamp" ]; then
  echo "generating the repositories in $bench ..." >&2
  rm -rf "$bench/small" "$bench/large-folder" "$bench/large-git" "$bench/stamp"
  python3 "$here/generate_repos.py" small "$bench/small"
  python3 "$here/generate_repos.py" large "$bench/large-folder"
  cp -r "$bench/large-folder" "$bench/large-git"
  (cd "$bench/large-git" && git init -q && git add -A \
    && git -c user.name=bench -c user.email=bench@example.invalid commit -q -m "generated" --no-gpg-sign)
  echo "$stamp" >"$bench/stamp"
fi

# 3. repolinter 0.12.0, into the bench folder (never into the project)
repolinter=""
if [ "${REPOLINTER:-}" != off ] && command -v npm >/dev/null; then
  if [ ! -f "$bench/repolinter/node_modules/repolinter/bin/repolinter.js" ]; then
    echo "installing repolinter 0.12.0 into $bench/repolinter ..." >&2
    mkdir -p "$bench/repolinter"
    (cd "$bench/repolinter" && echo '{"name":"readiness-bench","private":true}' >package.json \
      && npm install --no-audit --no-fund --silent repolinter@0.12.0 >/dev/null) || echo "repolinter: not installed" >&2
  fi
  if [ -f "$bench/repolinter/node_modules/repolinter/bin/repolinter.js" ]; then
    repolinter="$bench/repolinter/node_modules/repolinter/bin/repolinter.js"
  fi
fi

subjects="java-version empty small large-git large-folder"
if [ -n "$repolinter" ]; then
  subjects="java-version empty small small-repolinter large-git large-folder large-repolinter"
fi
if [ -n "${BEFORE:-}" ]; then
  "$BEFORE" --version >/dev/null
  subjects="$subjects empty-before small-before large-git-before"
fi
subjects=${ONLY:-$subjects}

command_of() {
  case "$1" in
    java-version) echo "java -version" ;;
    empty) echo "$launcher check $bench/empty" ;;
    small) echo "$launcher check $bench/small" ;;
    large-git) echo "$launcher check $bench/large-git" ;;
    large-folder) echo "$launcher check $bench/large-folder" ;;
    *-before) echo "$BEFORE check $bench/${1%-before}" ;;
    small-repolinter) echo "node $repolinter lint $bench/small" ;;
    large-repolinter) echo "node $repolinter lint $bench/large-folder" ;;
  esac
}

# one run: appends "wall_ms cpu_ms rss_kb" to $bench/out/<subject>.times (output kept in <subject>.txt)
measure() {
  local subject=$1 keep=$2 cmd start end rc
  cmd=$(command_of "$subject")
  start=$(date +%s%N)
  set +e
  # shellcheck disable=SC2086 # the command is split on purpose
  /usr/bin/time -v -o "$bench/out/$subject.time" $cmd >"$bench/out/$subject.txt" 2>"$bench/out/$subject.err"
  rc=$?
  set -e
  end=$(date +%s%N)
  # exit 1 is "findings at or above fail-on" for readiness and repolinter alike; 2 and up are errors
  if [ "$rc" -gt 1 ]; then
    echo "$subject failed (exit $rc): $cmd" >&2
    cat "$bench/out/$subject.err" >&2
    exit 1
  fi
  if [ "$keep" = yes ]; then
    awk -v wall=$(((end - start) / 1000000)) '
      /User time/ {u = $NF} /System time/ {s = $NF} /Maximum resident set size/ {m = $NF}
      END {printf "%d %d %d\n", wall, (u + s) * 1000, m}' "$bench/out/$subject.time" >>"$bench/out/$subject.times"
  fi
}

for s in $subjects; do rm -f "$bench/out/$s.times"; done
echo "$(date -u +%FT%TZ) $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); $runs rounds after $warmup warm-up" >&2
for ((r = 1; r <= warmup + runs; r++)); do
  keep=no
  [ "$r" -gt "$warmup" ] && keep=yes
  for s in $subjects; do
    measure "$s" "$keep"
  done
  echo "round $r/$((warmup + runs)) done" >&2
done

median() { # column N of a file of numbers
  sort -n -k"$2","$2" "$1" | awk -v c="$2" '{v[NR] = $c} END {print (NR % 2) ? v[(NR + 1) / 2] : int((v[NR / 2] + v[NR / 2 + 1]) / 2)}'
}

echo
java -version 2>&1 | head -n 1
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-18s %10s %10s %10s %10s  %s\n' subject "wall ms" "min ms" "cpu ms" "peak MB" "last line of output"
for s in $subjects; do
  f="$bench/out/$s.times"
  last=$(grep -v '^\s*$' "$bench/out/$s.txt" | tail -n 1 | cut -c1-60 || true)
  [ "$s" = java-version ] && last=""
  printf '%-18s %10s %10s %10s %10s  %s\n' "$s" "$(median "$f" 1)" "$(sort -n "$f" | head -n 1 | cut -d' ' -f1)" \
    "$(median "$f" 2)" "$(($(median "$f" 3) / 1024))" "$last"
done

ratio() { # median wall of $1 over median wall of $2
  if [ -f "$bench/out/$1.times" ] && [ -f "$bench/out/$2.times" ]; then
    awk -v a="$(median "$bench/out/$1.times" 1)" -v b="$(median "$bench/out/$2.times" 1)" -v n="$3" \
      'BEGIN {printf "%-40s %.2fx\n", n, a / b}'
  fi
}
echo
ratio empty java-version "empty folder / java -version (goal <= 1.3)"
ratio small small-repolinter "small / repolinter (goal <= 1, aim 0.5)"
ratio large-git large-repolinter "large, git / repolinter (goal <= 1)"
ratio large-folder large-repolinter "large, folder / repolinter (goal <= 1)"
ratio small small-before "small / before"
ratio large-git large-git-before "large, git / before"
ratio empty-before java-version "before: empty folder / java -version"
ratio small-before small-repolinter "before: small / repolinter"
ratio large-git-before large-repolinter "before: large, git / repolinter"
