#!/usr/bin/env bash
# Hostile Markdown (and the slowest fuzz cases) as whole CLI processes: wall time and peak RSS of
# `./readiness check DIR` for each input beside the same CLI on an empty folder, in the same run (issue 10).
# Usage: bench/markdown-hostile.sh [runs]   (default 3; reports the median time and the largest RSS)
# Needs python3 and GNU time (/usr/bin/time). Check `uptime` first: other builds skew every figure.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd -P)
runs=${1:-3}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$root/readiness" rules >/dev/null # builds the application first if needed

# Each case: a small ML repository (README, requirements, a script) plus the hostile file.
make_case() { # name, path, python expression for the content
  local dir="$work/$1"
  mkdir -p "$dir/src"
  printf '# Churn\n\nPredicts churn.\n\n## Usage\n\n`make train`\n' >"$dir/README.md"
  printf 'pandas==2.1.0\nscikit-learn==1.3.0\n' >"$dir/requirements.txt"
  printf 'import pandas as pd\n' >"$dir/src/train.py"
  mkdir -p "$(dirname "$dir/$2")"
  python3 -c "import sys; sys.stdout.write($3)" >"$dir/$2"
}
mkdir -p "$work/empty"
make_case baseline notes.txt '""'
make_case dashes docs/dashes.md '"- " * 200000 + "x"'
make_case pipes-19k docs/pipes.md '"# Data\n\n" + "| a |\n" * 19000'
make_case pipes-200k docs/pipes.md '"# Data\n\n" + "| a |\n" * 200000'
make_case table-20mb docs/table.md '"# Data\n\n| a | b |\n|---|---|\n" + "| 1 | 2 |\n" * 2000000'
make_case nested-600 docs/nested.md '"".join("  " * i + "- x\n" for i in range(600))'
make_case nested-4000 docs/nested.md '"".join("  " * i + "- x\n" for i in range(4000))'
make_case wide-table docs/wide.md '"|" + "a|" * 1000 + "\n|" + "-|" * 1000 + "\n" + "|b\n" * 99'
make_case html-attrs docs/attrs.md '"<a" + " x=y" * 100000'
make_case emphasis docs/emph.md '"*a **a " * 30000 + "b" + " a** a*" * 30000'
make_case comments docs/comments.md '"</" + "<!--" * 100000'
# the slowest kinds of FuzzTest: a slice repeated, a syntax token repeated
make_case fuzz-pyproject pyproject.toml '"[project]\nname = \"churn\"\ndependencies = [" + "\"pandas==2.1.0\", " * 2000 + "]\n"'
make_case fuzz-environment environment.yml '"name: churn\ndependencies:\n" + "  - pip:\n" * 4000'
make_case fuzz-requirement-version requirements.txt '"scikit-learn>=" + "it-lit" * 20000 + "\n"'

printf '%-26s %10s %9s %12s\n' case bytes "time (s)" "peak RSS MB"
for dir in "$work/empty" $(ls -d "$work"/*/ | grep -v '/empty/$'); do
  dir=${dir%/}
  name=$(basename "$dir")
  bytes=$(du -sb "$dir" | cut -f1)
  times=()
  rss=0
  for _ in $(seq "$runs"); do
    /usr/bin/time -f '%e %M' -o "$work/.time" "$root/readiness" check "$dir" --fail-on never >/dev/null 2>&1 || true
    read -r t m <"$work/.time"
    times+=("$t")
    [ "$m" -gt "$rss" ] && rss=$m
  done
  median=$(printf '%s\n' "${times[@]}" | sort -n | sed -n "$(( (runs + 1) / 2 ))p")
  printf '%-26s %10s %9s %12s\n' "$name" "$bytes" "$median" "$((rss / 1024))"
done
