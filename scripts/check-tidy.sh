#!/usr/bin/env bash
# Fails when clang-tidy 22, with the repository's .clang-tidy (naming rule included), reports anything in our
# C++. One pass over every translation unit: about 12 minutes on 2 cores (clang-tidy 14 took an hour, as it
# matched every check against the system headers too). TIDY_CHECKS, when set, replaces the config's list of
# checks (e.g. '-*,readability-identifier-naming' to check only names).
# Usage: [TIDY_CHECKS=...] check-tidy.sh [BUILD_DIR] [UNIT_REGEX]
#   BUILD_DIR holds compile_commands.json (default: build); UNIT_REGEX picks the units by path below the
#   repository (default: ^(src|tests|bench|fuzz)/).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
build=${1:-build}
units_regex=${2:-^(src|tests|bench|fuzz)/}
[ -f "$build/compile_commands.json" ] || {
  echo "check-tidy.sh: $build/compile_commands.json is missing; configure first (cmake --preset default)" >&2
  exit 1
}
# One version: another one's checks find other things (the config names checks of clang-tidy 22).
tidy=$(command -v clang-tidy-22 || true)
[ -n "$tidy" ] || { echo "check-tidy.sh: clang-tidy-22 is not installed (scripts/install-deps.sh installs it)" >&2; exit 1; }

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
# clang cannot read GCC's precompiled headers, and the sources must stand without them anyway: the units are
# checked as written, so one that leans on the precompiled header for an include fails here.
mapfile -t units < <(python3 - "$build/compile_commands.json" "$out/compile_commands.json" "$root" "$units_regex" <<'PY'
import json, re, shlex, sys
src, dst, root, pattern = sys.argv[1:5]
kept = []
def units(c):
    # A unity build compiles generated files that #include several sources each (CMAKE_UNITY_BUILD): each
    # source is checked on its own, with the unity file's options, as written.
    if re.search(r"/Unity/unity_[0-9]+_cxx\.cxx$", c["file"]):
        for line in open(c["file"]):
            m = re.match(r'#include "(.*)"$', line.strip())
            if m:
                yield m.group(1), c["file"]
    else:
        yield c["file"], None
def expanded(commands):
    for c in commands:
        for file, unity in units(c):
            args = shlex.split(c["command"]) if "command" in c else list(c["arguments"])
            if unity:
                args = [file if a == unity else a for a in args]
            yield {"directory": c["directory"], "file": file, "args": args}
for c in expanded(json.load(open(src))):
    rel = c["file"][len(root) + 1:] if c["file"].startswith(root + "/") else None
    if rel is None or not re.search(pattern, rel):
        continue
    args = c["args"]
    clean, skip = [], False
    for a in args:
        if skip:
            skip = False
            continue
        if a == "-include" and any(x.endswith("cmake_pch.hxx") for x in args):
            skip = True
            continue
        if a == "-Winvalid-pch" or a.endswith("cmake_pch.hxx"):
            continue
        clean.append(a)
    kept.append({"directory": c["directory"], "file": c["file"], "arguments": clean})
json.dump(kept, open(dst, "w"))
for f in sorted({c["file"] for c in kept}):
    print(f)
PY
)
[ "${#units[@]}" -gt 0 ] || { echo "check-tidy.sh: no units matching $units_regex in $build/compile_commands.json" >&2; exit 1; }

# shellcheck disable=SC2016 # the inner script expands its own arguments
printf '%s\n' "${units[@]}" | xargs -P "$(nproc)" -I{} sh -c '
  log="$1/$(echo "$2" | md5sum | cut -c1-16).log"
  "$3" -p "$1" --quiet --header-filter="^$4/(src|tests|bench|fuzz)/" ${5:+"--checks=$5"} \
    --extra-arg=-Wno-unknown-warning-option "$2" >"$log" 2>&1 || true
' _ "$out" {} "$tidy" "$root" "${TIDY_CHECKS:-}"

# One line per distinct finding, whichever units reported it (a header's finding comes from every includer).
findings=$(cat "$out"/*.log | grep -E "^$root/.*(warning|error): .*\[[a-z0-9.,-]+\]$" | sed "s|^$root/||" | sort -u || true)
# A unit clang-tidy could not parse is a failure too: it would hide its findings. Said even when there are
# findings, so that one is never hidden behind the other.
unparsed=$(grep -h "\[clang-diagnostic-error\]" "$out"/*.log | sort -u | head -20 || true)
status=0
if [ -n "$findings" ]; then
  echo "$findings"
  echo "check-tidy.sh: $(echo "$findings" | wc -l) findings of clang-tidy (.clang-tidy; README: Developer guide)" >&2
  status=1
fi
if [ -n "$unparsed" ]; then
  echo "$unparsed"
  echo "check-tidy.sh: clang-tidy could not parse some units (above)" >&2
  status=1
fi
[ "$status" -eq 0 ] && echo "check-tidy.sh: ${#units[@]} units pass clang-tidy (.clang-tidy)" >&2
exit "$status"
