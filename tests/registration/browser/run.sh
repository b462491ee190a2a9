#!/usr/bin/env bash
# Browser tests of the Registration page: Debian's chromium, driven by playwright-core (pinned in
# package-lock.json), against heliocloud-registration as a local server on the moto fixture's Cognito.
#   run.sh <heliocloud-registration> <registration_test_pool> <source root>
# ctest runs it (test registration.browser, labels moto and browser) with AWS_ENDPOINT_URL set to moto.
set -euo pipefail
binary=${1:?usage: run.sh <heliocloud-registration> <registration_test_pool> <source root>}
pool_tool=${2:?usage: run.sh <heliocloud-registration> <registration_test_pool> <source root>}
root=${3:?usage: run.sh <heliocloud-registration> <registration_test_pool> <source root>}
here=$(cd "$(dirname "$0")" && pwd)

case "${AWS_ENDPOINT_URL:-}" in
  http://127.0.0.1:*) ;;
  *) echo "run.sh: AWS_ENDPOINT_URL must point at the local moto (run through ctest)" >&2; exit 1 ;;
esac
chromium=${HELIOCLOUD_CHROMIUM:-/usr/bin/chromium}
if [ ! -x "$chromium" ]; then
  echo "run.sh: $chromium is missing; scripts/install-deps.sh installs Debian's chromium" >&2
  exit 1
fi
if [ ! -d "$root/node_modules/playwright-core" ]; then
  echo "run.sh: $root/node_modules/playwright-core is missing; run scripts/install-deps.sh (npm ci)" >&2
  exit 1
fi

pool=$("$pool_tool" create)
work=$(mktemp -d)
server_pid=""
cleanup() {
  if [ -n "$server_pid" ]; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  "$pool_tool" delete "$pool" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

# Port 0: the server takes a free port and says which on stderr.
"$binary" --listen 127.0.0.1:0 --user-pool-id "$pool" --endpoint-url "$AWS_ENDPOINT_URL" 2>"$work/server.log" &
server_pid=$!
port=""
for _ in $(seq 1 200); do
  port=$(sed -n 's|^listening on http://127\.0\.0\.1:\([0-9]*\)/$|\1|p' "$work/server.log")
  [ -n "$port" ] && break
  kill -0 "$server_pid" 2>/dev/null || break
  sleep 0.05
done
if [ -z "$port" ]; then
  echo "run.sh: heliocloud-registration did not start; its log:" >&2
  cat "$work/server.log" >&2
  exit 1
fi

status=0
REGISTRATION_URL="http://127.0.0.1:$port" USER_POOL_ID="$pool" POOL_TOOL="$pool_tool" CHROMIUM="$chromium" \
  node --test --test-concurrency=1 "$here/registration.test.mjs" || status=$?
if [ "$status" -ne 0 ]; then
  echo "run.sh: the server's log:" >&2
  cat "$work/server.log" >&2
fi
exit "$status"
