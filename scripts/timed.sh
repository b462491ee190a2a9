#!/usr/bin/env bash
# Runs one stage of `make demo|test|bench` and prints how long it took, so CI's log shows where the time goes.
# Usage: timed.sh NAME COMMAND [ARGS...]   (exits with the command's status)
set -uo pipefail
name=$1
shift
start=$(date +%s)
echo "== stage $name: started $(date -u +%H:%M:%S)" >&2
"$@"
status=$?
echo "== stage $name: $(($(date +%s) - start)) s (exit $status)" >&2
exit "$status"
