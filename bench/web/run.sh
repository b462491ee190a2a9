#!/usr/bin/env bash
# Benchmark of the web apps (issue: Registration page), against a private moto on 127.0.0.1:
#   1. wrk, 64 connections on 2 threads for 10 s each: /health and the form page (/) of heliocloud-registration
#      served locally -> requests/s, p50 and p99 latency. Goal: >= 20,000 requests/s for /health on 2 cores.
#   2. the Lambda package's cold start (bootstrap to first response through a Runtime API stand-in) and its
#      peak RSS. Goals: <= 30 ms, <= 20 MB.
#   3. the User Portal's pages for a signed-in user (portal_pages_bench): AWS stubbed (goal: < 1 ms a page),
#      then against this moto.
# wrk and the server share the machine's cores, so the figures are a floor for a dedicated server.
set -euo pipefail
cd "$(dirname "$0")/../.."
BIN=build/bin
DURATION=${DURATION:-10s}
RUNS=${RUNS:-20}
command -v wrk >/dev/null || { echo "bench/web: wrk is not installed (scripts/install-deps.sh installs it)" >&2; exit 1; }
for b in heliocloud-registration registration_test_pool lambda_cold_start portal_pages_bench; do
  [ -x "$BIN/$b" ] || { echo "bench/web: $BIN/$b is missing; build the bench target" >&2; exit 1; }
done
[ -x build/lambda/registration/bootstrap ] || { echo "bench/web: build/lambda/registration is missing; build the bench target" >&2; exit 1; }

state=$(mktemp -d)
server_pid=
cleanup() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; fi
  tests/support/moto.sh stop "$state" >/dev/null 2>&1 || true
  rm -rf "$state"
}
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

moto_port=$(free_port)
tests/support/moto.sh start "$state" "$moto_port"
export AWS_ENDPOINT_URL="http://127.0.0.1:$moto_port" AWS_ACCESS_KEY_ID=bench AWS_SECRET_ACCESS_KEY=bench
export AWS_REGION=us-east-1 AWS_DEFAULT_REGION=us-east-1
pool=$("$BIN/registration_test_pool" create)
key_arn=$(aws secretsmanager create-secret --name "registration-bench-$$" \
  --secret-string "$(head -c 48 /dev/urandom | base64 | tr -d '\n')" --query ARN --output text)

web_port=$(free_port)
"$BIN/heliocloud-registration" --listen "127.0.0.1:$web_port" --user-pool-id "$pool" \
  --endpoint-url "$AWS_ENDPOINT_URL" 2>/dev/null &
server_pid=$!
for _ in $(seq 1 100); do curl -sf -o /dev/null "http://127.0.0.1:$web_port/health" && break; sleep 0.05; done

# wrk_line <label> <path>: one line of requests/s and latency percentiles.
wrk_line() {
  local out
  out=$(wrk -t2 -c64 -d"$DURATION" --latency "http://127.0.0.1:$web_port$2")
  printf '%-44s %10s req/s   p50 %8s   p99 %8s   (%s)\n' "$1" \
    "$(awk '/^Requests\/sec:/ {print $2}' <<<"$out")" \
    "$(awk '$1 == "50%" {print $2}' <<<"$out")" "$(awk '$1 == "99%" {print $2}' <<<"$out")" \
    "$(awk '/requests in/ {print $1 " requests, " $5 " read"}' <<<"$out" | tr -d ,)"
  grep -q "Non-2xx" <<<"$out" && { echo "bench/web: $2 answered non-2xx responses:" >&2; echo "$out" >&2; exit 1; }
  return 0
}
echo "heliocloud-registration, local server, wrk -t2 -c64 -d$DURATION:"
wrk_line "GET /health" /health
wrk_line "GET / (the form page)" /
kill "$server_pid"
server_pid=

"$BIN/lambda_cold_start" "$RUNS" build/lambda/registration/bootstrap \
  "USER_POOL_ID=$pool" "SESSION_KEY_SECRET_ARN=$key_arn" "_HANDLER=registration"

echo "heliocloud-portal pages, AWS stubbed (aws_calls: AWS requests a page makes):"
env -u AWS_ENDPOINT_URL "$BIN/portal_pages_bench" --benchmark_min_time=1 2>/dev/null
echo "heliocloud-portal pages against moto:"
"$BIN/portal_pages_bench" --moto --benchmark_min_time=1 2>/dev/null
