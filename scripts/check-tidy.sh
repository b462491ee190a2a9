#!/usr/bin/env bash
# Fails when a name in our C++ breaks the naming rule of .clang-tidy (readability-identifier-naming): types
# CamelCase, functions/variables/members snake_case, private members with a trailing `_`, constants kCamelCase.
# Usage: check-naming.sh [BUILD_DIR]   (BUILD_DIR holds compile_commands.json; default: build)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
build=${1:-build}
[ -f "$build/compile_commands.json" ] || {
  echo "check-naming.sh: $build/compile_commands.json is missing; configure first (cmake --preset default)" >&2
  exit 1
}
tidy=$(command -v clang-tidy-14 || command -v clang-tidy || true)
[ -n "$tidy" ] || { echo "check-naming.sh: clang-tidy is not installed (scripts/install-deps.sh installs it)" >&2; exit 1; }

# Every translation unit of ours (sources, tests, benchmarks); headers are checked through the units that include them.
mapfile -t units < <(python3 -c '
import json, sys
for c in json.load(open(sys.argv[1])):
    print(c["file"])' "$build/compile_commands.json" | grep -E "^$root/(src|tests|bench)/" | sort -u)
[ "${#units[@]}" -gt 0 ] || { echo "check-naming.sh: no translation units in $build/compile_commands.json" >&2; exit 1; }

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
printf '%s\n' "${units[@]}" | xargs -P "$(nproc)" -I{} sh -c '
  log="$1/$(echo "$2" | md5sum | cut -c1-16).log"
  "$3" -p "$4" --quiet --checks="-*,readability-identifier-naming" --warnings-as-errors="*" \
    --header-filter="^$5/(src|tests|bench)/" --extra-arg=-Wno-unknown-warning-option "$2" >"$log" 2>&1 || true
' _ "$out" {} "$tidy" "$build" "$root"

# One line per distinct violation, whichever units reported it.
violations=$(cat "$out"/*.log | grep -E "^$root/.*\[readability-identifier-naming" | sed "s|^$root/||" | sort -u || true)
if [ -n "$violations" ]; then
  echo "$violations"
  echo "check-naming.sh: $(echo "$violations" | wc -l) names break the naming rule in .clang-tidy (README: Developer guide)" >&2
  exit 1
fi
# A unit clang-tidy could not parse is a failure too: it would hide its names.
if grep -l "error: .*\[clang-diagnostic-error\]" "$out"/*.log >/dev/null 2>&1; then
  grep -h "\[clang-diagnostic-error\]" "$out"/*.log | head -20
  echo "check-naming.sh: clang-tidy could not parse some units (above)" >&2
  exit 1
fi
echo "check-naming.sh: ${#units[@]} units follow the naming rule" >&2
