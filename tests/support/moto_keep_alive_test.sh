#!/usr/bin/env bash
# The launcher's opt-in keep-alive (moto_launcher.py, L.): with HC_MOTO_KEEP_ALIVE=1, moto keeps a connection
# open after a request without a body, closes it after one with a body, and never loses a request or a body
# in between. curl -v says when it reuses a connection.
#   moto_keep_alive_test.sh <port>
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
port=${1:?usage: moto_keep_alive_test.sh <port>}
state=$(mktemp -d)
trap '"$here/moto.sh" stop "$state"; rm -rf "$state"' EXIT
HC_MOTO_KEEP_ALIVE=1 "$here/moto.sh" start "$state" "$port"

url=http://127.0.0.1:$port
# One curl, one connection pool: create a bucket, list it, put an object (a body), list, head the bucket.
log=$(curl -sv --fail -o /dev/null -X PUT "$url/kab" \
  --next -sv --fail -o /dev/null "$url/kab?list-type=2" \
  --next -sv --fail -o /dev/null -X PUT -H "Content-Type: text/plain" --data-binary hello "$url/kab/a" \
  --next -sv --fail -o "$state/listing.xml" "$url/kab?list-type=2" \
  --next -sv --fail -o /dev/null -I "$url/kab" 2>&1)

fail() { echo "moto_keep_alive_test: $1" >&2; echo "$log" >&2; exit 1; }
reused=$(grep -c "Re-using existing connection" <<<"$log" || true)
closes=$(grep -ci "^< Connection: close" <<<"$log" || true)
# Reused: the listing after the bucket, the PUT with a body after it, the HEAD after the second listing.
[ "$reused" -eq 3 ] || fail "expected 3 reused connections, got $reused"
[ "$closes" -eq 1 ] || fail "expected only the PUT with a body to close its connection, got $closes closes"
grep -q "<Key>a</Key>" "$state/listing.xml" || fail "the object put before the close is not listed"
grep -q "<Size>5</Size>" "$state/listing.xml" || fail "the object's body was not read whole"
echo "moto_keep_alive_test: ok ($reused reused connections, $closes close)"
