#!/usr/bin/env bash
# Starts the oidc_stand_in executable on a free port, reads the issuer it prints, checks its discovery
# document, JWKS and the authorize redirect, and stops it by its PID.
set -euo pipefail
bin=${1:?usage: stand_in_binary_test.sh <oidc_stand_in>}
out=$(mktemp)
pid=
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -f "$out"; }
trap cleanup EXIT
"$bin" --redirect-uri http://127.0.0.1:9/cb --logout-uri http://127.0.0.1:9/ --username grace >"$out" &
pid=$!
for _ in $(seq 1 100); do grep -q '^issuer=' "$out" && break; sleep 0.05; done
issuer=$(sed -n 's/^issuer=//p' "$out")
[ -n "$issuer" ] || { echo "no issuer line" >&2; exit 1; }

config=$(curl -sf "$issuer/.well-known/openid-configuration")
python3 - "$issuer" "$config" <<'PY'
import json, sys
issuer, config = sys.argv[1], json.loads(sys.argv[2])
assert config["issuer"] == issuer, config
assert config["jwks_uri"] == issuer + "/.well-known/jwks.json", config
assert config["code_challenge_methods_supported"] == ["S256"], config
PY
jwks=$(curl -sf "$issuer/.well-known/jwks.json")
python3 -c 'import json,sys; k=json.loads(sys.argv[1])["keys"][0]; assert k["kty"]=="RSA" and k["alg"]=="RS256" and k["kid"], k' "$jwks"

challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM
location=$(curl -s -o /dev/null -w '%{redirect_url}' \
  "$issuer/oauth2/authorize?response_type=code&client_id=stand-in-client&redirect_uri=http%3A%2F%2F127.0.0.1%3A9%2Fcb&scope=openid&state=s1&code_challenge=$challenge&code_challenge_method=S256")
case "$location" in
  http://127.0.0.1:9/cb\?code=*\&state=s1) ;;
  *) echo "unexpected authorize redirect: $location" >&2; exit 1 ;;
esac
# An unregistered redirect URI is refused, not followed.
status=$(curl -s -o /dev/null -w '%{http_code}' \
  "$issuer/oauth2/authorize?response_type=code&client_id=stand-in-client&redirect_uri=http%3A%2F%2Fevil.example%2F&scope=openid&code_challenge=$challenge&code_challenge_method=S256")
[ "$status" = 400 ] || { echo "unregistered redirect_uri answered $status" >&2; exit 1; }
echo ok
