# Shared helpers of the cdk tests (sourced). Every test script is called as
#   <script> <case> <work dir> <app binary> [<moto log>]
# and runs the pinned CDK CLI in <work dir> (wiped first) with a cdk.json whose app is the absolute path of
# the built heliocloud-cdk. Steps write their stdout/stderr to <work dir>/<step>.out/.err; a failing test
# prints them, and the part of moto's log written during the test.
set -euo pipefail

CDK_TESTS_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_DIR=$(cd "$CDK_TESTS_DIR/../.." && pwd)
TEST_INSTANCES="$CDK_TESTS_DIR/instances"
REPO_INSTANCES="$REPO_DIR/instance"
CDK="$REPO_DIR/node_modules/.bin/cdk"

CASE=${1:?usage: $0 <case> <work dir> <app binary> [<moto log>]}
WORK=${2:?work dir}
APP=${3:?app binary}
MOTO_LOG=${4:-}

# The CLI quietly, offline, with schema validation of our assembly.
export TESTING_CDK=1 CDK_DISABLE_CLI_TELEMETRY=true CDK_DISABLE_VERSION_CHECK=1 NODE_NO_WARNINGS=1
export AWS_EC2_METADATA_DISABLED=true AWS_REGION=${AWS_REGION:-us-east-1}
if [ -z "${AWS_ENDPOINT_URL:-}" ]; then
  # Offline tests: no credentials from this machine, so the CLI makes no AWS call and the account is unknown.
  unset AWS_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY AWS_SESSION_TOKEN AWS_PROFILE CDK_DEFAULT_ACCOUNT CDK_DEFAULT_REGION
  export AWS_CONFIG_FILE=/dev/null AWS_SHARED_CREDENTIALS_FILE=/dev/null
fi

[ -x "$APP" ] || { echo "FAIL: app binary $APP is missing; build the heliocloud-cdk target" >&2; exit 1; }
[ -x "$CDK" ] || { echo "FAIL: $CDK is missing; run npm ci in $REPO_DIR" >&2; exit 1; }

rm -rf "$WORK"
mkdir -p "$WORK"
cd "$WORK"

MOTO_LOG_START=0
if [ -n "$MOTO_LOG" ] && [ -f "$MOTO_LOG" ]; then MOTO_LOG_START=$(stat -c %s "$MOTO_LOG"); fi

STEPS=()
on_exit() {
  local rc=$?
  if [ "$rc" -ne 0 ]; then
    echo "---- $CASE failed (exit $rc); work dir $WORK" >&2
    local s
    for s in "${STEPS[@]}"; do
      echo "---- step $s: $(cat "$WORK/$s.cmd" 2>/dev/null) -> exit $(cat "$WORK/$s.rc" 2>/dev/null)" >&2
      if [ -s "$WORK/$s.out" ]; then echo "-- stdout:" >&2; head -c 20000 "$WORK/$s.out" >&2; echo >&2; fi
      if [ -s "$WORK/$s.err" ]; then echo "-- stderr:" >&2; head -c 20000 "$WORK/$s.err" >&2; echo >&2; fi
    done
    if [ -n "${AWS_ENDPOINT_URL:-}" ] && [ -n "$MOTO_LOG" ] && [ -f "$MOTO_LOG" ]; then
      echo "---- moto log ($MOTO_LOG) written during this test:" >&2
      tail -c +"$((MOTO_LOG_START + 1))" "$MOTO_LOG" | tail -n 400 >&2
    fi
  fi
  if declare -F cleanup >/dev/null; then cleanup || true; fi
  exit "$rc"
}
trap on_exit EXIT

fail() { echo "FAIL: $*" >&2; exit 1; }

# write_cdk_json <instance dir>: the app run by the CLI is the built binary with that instance dir.
write_cdk_json() {
  python3 - "$APP" "$1" >cdk.json <<'EOF'
import json, shlex, sys
print(json.dumps({"app": f"{shlex.quote(sys.argv[1])} --instance-dir {shlex.quote(sys.argv[2])}",
                  "output": "cdk.out", "notices": False}, indent=2))
EOF
}

# step <name> <command...>: runs it in $WORK; stdout/stderr to <name>.out/.err; returns its exit code.
step() {
  local name=$1
  shift
  STEPS+=("$name")
  printf '%q ' "$@" >"$name.cmd"
  local rc=0
  "$@" >"$name.out" 2>"$name.err" || rc=$?
  echo "$rc" >"$name.rc"
  return "$rc"
}

# cdk <args...>: the pinned CLI, never asking, never printing notices.
cdk() { "$CDK" "$@" --no-notices; }

# must <name> <command...>: step that has to succeed.
must() {
  local name=$1
  step "$@" || fail "step $name exited $(cat "$name.rc"), expected 0"
}

# must_fail <name> <command...>: step that has to exit non-zero.
must_fail() {
  local name=$1
  if step "$@"; then fail "step $name exited 0, expected a failure"; fi
}

# contains <file> <fixed string> <what>
contains() { grep -qF -- "$2" "$1" || fail "$3: '$2' not found in $1"; }

# Only for tests against moto.
aws_() { aws --endpoint-url "$AWS_ENDPOINT_URL" --output json "$@"; }
moto_reset() { curl -sf -o /dev/null -X POST "$AWS_ENDPOINT_URL/moto-api/reset" || fail "moto reset failed"; }
require_moto() {
  [ -n "${AWS_ENDPOINT_URL:-}" ] || fail "AWS_ENDPOINT_URL is not set (this test needs the moto fixture)"
  curl -sf -o /dev/null "$AWS_ENDPOINT_URL/moto-api/" || fail "moto does not answer at $AWS_ENDPOINT_URL"
}
