#!/usr/bin/env bash
# Fails when a C++ file of the project is not formatted as .clang-format says (clang-format -i fixes it).
set -euo pipefail
cd "$(dirname "$0")/.."
mapfile -t files < <(git ls-files 'src/*.cpp' 'src/*.h' 'tests/*.cpp' 'tests/*.h' 'bench/*.cpp' 'bench/*.h' 'fuzz/*.cpp' 'fuzz/*.h')
[ "${#files[@]}" -gt 0 ] || { echo "check-format.sh: no C++ files found (not a git checkout?)" >&2; exit 1; }
clang-format --dry-run --Werror "${files[@]}"
echo "check-format.sh: ${#files[@]} files formatted as .clang-format says" >&2
