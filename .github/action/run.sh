#!/usr/bin/env bash
# The ML Readiness GitHub Action's work (action.yml runs it; ActionRunIT runs it on a repository it builds, with the
# environment of a pull-request run). Three checks of the same tree with the one-file CLI:
#   1. a FULL scan to SARIF ($INPUT_SARIF_FILE) for code scanning, also on pull requests: code scanning compares a
#      pull request's analysis with its base itself, and an upload is a full analysis of the commit;
#   2. the Markdown report to the job summary ($GITHUB_STEP_SUMMARY): the review of the pull request (--base) on a
#      pull request, the full scan otherwise;
#   3. the gate, printed to the log in $INPUT_FORMAT (github: annotations): its exit code is this script's, so the
#      job fails when a finding that counts is at or above $INPUT_FAIL_ON (on a pull request: only new findings).
# Outputs ($GITHUB_OUTPUT): sarif-file, base, exit-code. Exit: 0 pass, 1 findings at or above fail-on, 2 error.
set -euo pipefail

path=${INPUT_PATH:-.}
fail_on=${INPUT_FAIL_ON:-error}
format=${INPUT_FORMAT:-github}
sarif_file=${INPUT_SARIF_FILE:-ml-readiness.sarif}
config=${INPUT_CONFIG:-}
base=${INPUT_BASE:-}
here=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd -P)
root=$(cd -- "$here/../.." && pwd -P)
jar=${READINESS_JAR:-$root/target/ml-readiness-cli.jar}
options=${READINESS_OPTIONS:-$root/src/main/jvm/cli.options}
java=${JAVA_HOME:+$JAVA_HOME/bin/}java

fail() {
  echo "::error title=ml-readiness::$1"
  exit 2
}

[ -f "$jar" ] || fail "the ML Readiness CLI ($jar) is missing; the action builds it before this step"
[ -d "$path" ] || fail "path '$path' is not a folder of the checked-out repository"

readiness() {
  "$java" @"$options" -jar "$jar" "$@"
}

config_args=()
if [ -n "$config" ]; then
  config_args=(--config "$config")
fi

# The pull request's base commit: the input, else the event's pull_request.base.sha (pull_request and
# pull_request_target events). Nothing on other events: the action then runs full scans only.
if [ -z "$base" ] && [ -n "${GITHUB_EVENT_PATH:-}" ] && [ -f "$GITHUB_EVENT_PATH" ]; then
  base=$(jq -r '.pull_request.base.sha // empty' "$GITHUB_EVENT_PATH")
fi

# actions/checkout fetches one commit by default: fetch the base, then enough history for a merge base.
if [ -n "$base" ]; then
  if ! git -C "$path" cat-file -e "$base^{commit}" 2>/dev/null; then
    echo "ml-readiness: fetching the base commit $base"
    git -C "$path" fetch --no-tags --quiet origin "$base" || fail "could not fetch the base commit $base (use actions/checkout with fetch-depth: 0)"
  fi
  if ! git -C "$path" merge-base "$base" HEAD >/dev/null 2>&1; then
    if [ "$(git -C "$path" rev-parse --is-shallow-repository)" = true ]; then
      echo "ml-readiness: fetching the history down to the merge base"
      git -C "$path" fetch --no-tags --quiet --unshallow origin "$base" HEAD 2>/dev/null \
        || git -C "$path" fetch --no-tags --quiet --unshallow origin \
        || fail "could not fetch the history for a merge base (use actions/checkout with fetch-depth: 0)"
    fi
  fi
fi
base_args=()
if [ -n "$base" ]; then
  base_args=(--base "$base")
fi

# 1. the full scan for code scanning; its findings never decide the exit code here
status=0
readiness check "$path" --format sarif --output "$sarif_file" --fail-on never "${config_args[@]}" || status=$?
[ "$status" -eq 0 ] || fail "the full scan for SARIF failed (exit code $status)"
# code scanning reads locations relative to the repository root: when path is a subfolder, prefix its URIs with it
# (percent-encoded per segment, as the CLI encodes paths)
prefix=""
if git -C "$path" rev-parse --is-inside-work-tree >/dev/null 2>&1; then
  prefix=$(git -C "$path" rev-parse --show-prefix)
fi
if [ -n "$prefix" ]; then
  tmp_sarif="$sarif_file.tmp.$$"
  jq --arg p "$prefix" '($p | split("/") | map(@uri) | join("/")) as $pre
    | .runs[].results[].locations[]?.physicalLocation.artifactLocation.uri |= ($pre + .)' \
    "$sarif_file" >"$tmp_sarif" && mv -f "$tmp_sarif" "$sarif_file" || fail "could not rebase the SARIF locations on $prefix"
fi

# 2. the job summary
if [ -n "${GITHUB_STEP_SUMMARY:-}" ]; then
  status=0
  readiness check "$path" "${base_args[@]}" --format markdown --fail-on never "${config_args[@]}" \
    >>"$GITHUB_STEP_SUMMARY" || status=$?
  [ "$status" -eq 0 ] || fail "the Markdown report failed (exit code $status)"
fi

# 3. the gate
status=0
NO_COLOR=1 readiness check "$path" "${base_args[@]}" --format "$format" --fail-on "$fail_on" \
  "${config_args[@]}" || status=$?

if [ -n "${GITHUB_OUTPUT:-}" ]; then
  {
    echo "sarif-file=$sarif_file"
    echo "base=$base"
    echo "exit-code=$status"
  } >>"$GITHUB_OUTPUT"
fi
exit "$status"
