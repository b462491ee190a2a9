#!/usr/bin/env bash
# Browser test of the User Portal: Debian's chromium, driven by playwright-core (pinned in package-lock.json),
# against heliocloud-portal as a local server on the moto fixture, signed in through the OIDC stand-in, with one
# dataset bucket (the CloudCatalog demo fixture) for the datasets pages.
#   run.sh <heliocloud-portal> <oidc_stand_in> <source root>
# ctest runs it (test portal.browser, labels moto and browser) with AWS_ENDPOINT_URL set to moto.
set -euo pipefail
usage="usage: run.sh <heliocloud-portal> <oidc_stand_in> <source root>"
portal=${1:?$usage}
stand_in=${2:?$usage}
root=${3:?$usage}
here=$(cd "$(dirname "$0")" && pwd)

case "${AWS_ENDPOINT_URL:-}" in
  http://127.0.0.1:*) ;;
  *) echo "run.sh: AWS_ENDPOINT_URL must point at the local moto (run through ctest)" >&2; exit 1 ;;
esac
chromium=${HELIOCLOUD_CHROMIUM:-/usr/bin/chromium}
[ -x "$chromium" ] || { echo "run.sh: $chromium is missing; scripts/install-deps.sh installs it" >&2; exit 1; }
[ -d "$root/node_modules/playwright-core" ] || { echo "run.sh: run npm ci first (playwright-core)" >&2; exit 1; }

work=$(mktemp -d)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

# The portal's address must be known before it starts: the stand-in checks the callback URL against it.
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
site="http://127.0.0.1:$port"
user="ada-$$"

# The user is an administrator (group admins), so the approvals page is theirs; a registration waits in a real
# moto user pool (a disabled user, as the Registration page leaves one).
"$stand_in" --redirect-uri "$site/loggedin" --logout-uri "$site/" --username "$user" --group admins \
  >"$work/stand_in.out" 2>&1 &
pids+=($!)
issuer=""
for _ in $(seq 1 200); do
  issuer=$(grep -o 'http://127\.0\.0\.1:[0-9]*' "$work/stand_in.out" | head -n 1 || true)
  [ -n "$issuer" ] && break
  sleep 0.05
done
[ -n "$issuer" ] || { echo "run.sh: the stand-in did not start:" >&2; cat "$work/stand_in.out" >&2; exit 1; }

user_pool=$(aws cognito-idp create-user-pool --pool-name "portal_browser_$$" --query UserPool.Id --output text)
waiting="waiting-$$"
aws cognito-idp admin-create-user --user-pool-id "$user_pool" --username "$waiting" --message-action SUPPRESS \
  --user-attributes Name=email,Value="$waiting@example.org" >/dev/null
aws cognito-idp admin-disable-user --user-pool-id "$user_pool" --username "$waiting"
identity_pool=$(aws cognito-identity create-identity-pool --identity-pool-name "portal_browser_$$" \
  --no-allow-unauthenticated-identities --query IdentityPoolId --output text)

# A dataset bucket for the datasets pages: the CloudCatalog demo fixture, its addresses rewritten to the bucket.
datasets="browser-datasets-$$"
aws s3api create-bucket --bucket "$datasets" >/dev/null
mkdir -p "$work/datasets"
cp -r "$root/tests/cloudcatalog/data/demo-bucket/." "$work/datasets/"
find "$work/datasets" -type f \( -name '*.json' -o -name '*.csv' \) -exec sed -i "s/demo-bucket/$datasets/g" {} +
aws s3 cp --recursive --quiet "$work/datasets" "s3://$datasets/"

"$portal" --listen "127.0.0.1:$port" --endpoint-url "$AWS_ENDPOINT_URL" --user-pool-id "$user_pool" \
  --identity-pool-id "$identity_pool" --client-id stand-in-client --client-secret stand-in-secret \
  --issuer "$issuer" --cognito-domain "$issuer" --instance-types t3.micro,t3.small \
  --dataset-buckets "$datasets" 2>"$work/portal.log" &
pids+=($!)
for _ in $(seq 1 200); do
  curl -fsS "$site/health" >/dev/null 2>&1 && break
  sleep 0.05
done

status=0
PORTAL_URL="$site" PORTAL_USER="$user" WAITING_USER="$waiting" PORTAL_DATASET_BUCKET="$datasets" \
  CHROMIUM="$chromium" node --test --test-concurrency=1 "$here/portal.test.mjs" || status=$?
if [ "$status" -ne 0 ]; then
  echo "run.sh: the portal's log:" >&2
  cat "$work/portal.log" >&2
fi
exit "$status"
