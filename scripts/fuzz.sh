#!/usr/bin/env bash
# The fuzz targets of fuzz/ (libFuzzer, clang, in build-fuzz/):
#   fuzz.sh build            configure (cmake --preset fuzz) and build every target
#   fuzz.sh replay           run each target once over its corpus in fuzz/corpus/<target> (seeds and every
#                            input that once failed): the regression check CI runs; any failure fails
#   fuzz.sh run SECONDS      fuzz each target for SECONDS, new inputs in build-fuzz/corpus/<target>, failing
#                            inputs in build-fuzz/artifacts/<target>/; prints executions and coverage per target
# A failing input, once fixed, goes into fuzz/corpus/<target>/ so that replay keeps it fixed.
set -uo pipefail
cd "$(dirname "$0")/.." || exit 1
build="build-fuzz"
mode=${1:-replay}

targets() { sed -n 's/^heliocloud_fuzz_target(\([a-z0-9_]*\) .*/\1/p' fuzz/CMakeLists.txt; }

case "$mode" in
build)
  [ -f "$build/build.ninja" ] || cmake --preset fuzz >/dev/null || exit 1
  exec cmake --build "$build" --target fuzz-targets
  ;;
replay)
  failed=()
  for t in $(targets); do
    log="$build/replay-$t.log"
    # -runs=0: execute the corpus and stop, no mutation.
    if "$build/bin/$t" -runs=0 "fuzz/corpus/$t" >"$log" 2>&1; then
      echo "fuzz replay $t: $(find "fuzz/corpus/$t" -type f | wc -l) inputs pass" >&2
    else
      tail -30 "$log" >&2
      failed+=("$t")
    fi
  done
  ((${#failed[@]} == 0)) || { echo "fuzz replay: failing targets: ${failed[*]} (logs in $build/replay-*.log)" >&2; exit 1; }
  ;;
run)
  seconds=${2:-60}
  failed=()
  printf '| target | executions | coverage (edges) | corpus |\n|---|---|---|---|\n'
  for t in $(targets); do
    mkdir -p "$build/corpus/$t" "$build/artifacts/$t"
    log="$build/run-$t.log"
    "$build/bin/$t" -max_total_time="$seconds" -max_len=8192 -print_final_stats=1 -timeout=10 -rss_limit_mb=2048 \
      -artifact_prefix="$build/artifacts/$t/" "$build/corpus/$t" "fuzz/corpus/$t" >"$log" 2>&1 || failed+=("$t")
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    cov=$(grep -oE 'cov: [0-9]+' "$log" | tail -1 | cut -d' ' -f2)
    printf '| %s | %s | %s | %s |\n' "$t" "${runs:-?}" "${cov:-?}" "$(find "$build/corpus/$t" -type f | wc -l)"
  done
  if ((${#failed[@]})); then
    echo "fuzz: failing targets: ${failed[*]}; inputs in $build/artifacts/<target>/, logs in $build/run-*.log" >&2
    exit 1
  fi
  ;;
*)
  echo "usage: fuzz.sh build | replay | run SECONDS" >&2
  exit 2
  ;;
esac
