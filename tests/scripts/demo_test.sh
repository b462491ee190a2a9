#!/usr/bin/env bash
# scripts/demo.sh run, as `make demo` runs it after the build: every step prints its line with a duration, the
# sample job is read back as published, the Portal signs the demo user in through the OIDC stand-in and shows
# the home page, the Registration page answers; a second run restarts cleanly; stop ends every process.
#   demo_test.sh <demo.sh> <build dir> <state dir>
set -euo pipefail
demo=${1:?usage: demo_test.sh <demo.sh> <build dir> <state dir>}
export HELIOCLOUD_BUILD_DIR=${2:?build dir} HELIOCLOUD_DEMO_DIR=${3:?state dir}
export HELIOCLOUD_DEMO_WEB_PORTS="free free"
unset HELIOCLOUD_DEMO_PORT AWS_ENDPOINT_URL AWS_PROFILE
work=$HELIOCLOUD_DEMO_DIR-test
rm -rf "$work"
mkdir -p "$work"

fail() {
  echo "FAIL: $*" >&2
  for f in "$work"/*.out "$HELIOCLOUD_DEMO_DIR"/logs/*.log; do
    [ -f "$f" ] && { echo "---- $f" >&2; tail -n 40 "$f" >&2; }
  done
  exit 1
}
trap '"$demo" stop >/dev/null 2>&1 || true' EXIT

# gone <pid...>: each has ended within 5 s (an ended process nobody reaped yet, a zombie, counts as ended).
gone() {
  local pid
  for pid in "$@"; do
    for _ in $(seq 1 50); do
      case "$(ps -o stat= -p "$pid" 2>/dev/null)" in "" | Z*) continue 2 ;; esac
      sleep 0.1
    done
    return 1
  done
}

# One run: exit 0, one line with a duration per step, in order, and what each step must say.
check_run() {
  local out=$1
  local expected=(emulator bootstrap deploy publish read-back web-apps)
  mapfile -t steps < <(grep -E '^[a-z-]+ +.*\([0-9]+\.[0-9] s\)$' "$out" | awk '{print $1}')
  [ "${steps[*]}" = "${expected[*]}" ] || fail "step lines are '${steps[*]}', expected '${expected[*]}'"
  grep -q 'demo/Registry' "$out" || fail "the deploy line does not name the Registry stack"
  grep -q 'cannot run Lambda functions' "$out" || fail "the demo does not say the functions ran in-process"
  grep -qE 'DEMO_SOLARWIND_1D +2023-01-01 \.\. 2024-12-01 +24 files' "$out" || fail "solar wind dataset not read back"
  grep -qE 'DEMO_KP_3H +2023-01-01 \.\. 2024-10-01 +8 files' "$out" || fail "Kp dataset not read back"
  grep -q 'make demo-stop' "$out" || fail "the demo does not say how to stop it"
}

start=$(date +%s)
"$demo" run >"$work/run1.out" 2>&1 || fail "demo.sh run exited $?"
check_run "$work/run1.out"
echo "first run: $(($(date +%s) - start)) s"
running() { sed -n "s/^$1=//p" "$HELIOCLOUD_DEMO_DIR/running"; }
portal=$(running portal)
registration=$(running registration)
endpoint=$(running endpoint)
user_pool=$(running user_pool)

# The Portal: not signed in → the stand-in → back signed in as demo (cookies kept in a jar).
curl -sf -L -c "$work/jar" -b "$work/jar" -o "$work/home.html" "$portal/" || fail "the Portal's sign-in flow failed"
grep -q demo "$work/home.html" || fail "the Portal's home page does not show the user demo"
# Someone registers on the Registration page (its CSRF token from the form), demo approves on the Portal.
csrf() { sed -n 's/.*name="csrf_token" value="\([^"]*\)".*/\1/p' "$1" | head -n 1; }
curl -sf -c "$work/rjar" -b "$work/rjar" -o "$work/register.html" "$registration/" || fail "no Registration page"
curl -sf -c "$work/rjar" -b "$work/rjar" -o "$work/registered.json" -H "X-CSRF-Token: $(csrf "$work/register.html")" \
  -H 'Content-Type: application/json' "$registration/register" \
  -d '{"username": "ada", "email": "ada@example.org", "affiliation": "Demo Lab", "password": "Sun-Wind-2024!x"}' ||
  fail "registering ada failed: $(cat "$work/registered.json" 2>/dev/null)"
curl -sf -L -c "$work/jar" -b "$work/jar" -o "$work/approvals.html" "$portal/approvals" || fail "no /approvals page"
grep -q 'value="ada"' "$work/approvals.html" || fail "ada's registration is not on the Portal's /approvals"
curl -sf -L -c "$work/jar" -b "$work/jar" -o "$work/approved.html" "$portal/approvals/approve" \
  --data-urlencode "csrf_token=$(csrf "$work/approvals.html")" --data-urlencode username=ada || fail "approving ada failed"
enabled=$(AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test aws --endpoint-url "$endpoint" --region us-east-1 \
  cognito-idp admin-get-user --user-pool-id "$user_pool" --username ada --query Enabled --output text)
[ "$enabled" = True ] || fail "ada is not enabled in the pool after the approval ($enabled)"

# Again: the previous run's processes are stopped and everything starts from an empty emulator.
mapfile -t old_pids < <(cat "$HELIOCLOUD_DEMO_DIR"/pids/* "$HELIOCLOUD_DEMO_DIR"/moto/moto.pid)
[ "${#old_pids[@]}" -eq 4 ] || fail "expected 4 recorded processes (emulator, stand-in, Portal, Registration page): ${old_pids[*]}"
"$demo" run >"$work/run2.out" 2>&1 || fail "the second demo.sh run exited $?"
check_run "$work/run2.out"
gone "${old_pids[@]}" || fail "a process of the first run (${old_pids[*]}) still runs"

mapfile -t new_pids < <(cat "$HELIOCLOUD_DEMO_DIR"/pids/* "$HELIOCLOUD_DEMO_DIR"/moto/moto.pid)
"$demo" stop >"$work/stop.out" 2>&1 || fail "demo.sh stop exited $?"
gone "${new_pids[@]}" || fail "a process (${new_pids[*]}) still runs after stop"
echo "PASS ($(($(date +%s) - start)) s for two runs)"
