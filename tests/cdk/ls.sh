#!/usr/bin/env bash
# cdk ls: the stack list, plain and --long --json, and the artifact id of the original's instance name.
source "$(dirname "$0")/lib.sh"

# aws-cdk-lib's stack artifact id: path components joined, plus the first 8 hex digits of md5(path), upper case.
artifact_id() { python3 -c 'import hashlib,sys; p=sys.argv[1]; print(p.replace("/","")+hashlib.md5(p.encode()).hexdigest()[:8].upper())' "$1"; }

case "$CASE" in
  plain)
    write_cdk_json "$REPO_INSTANCES"
    must ls cdk ls -c instance=example
    # Without credentials: every stack, those whose records would look the zone up included (they name it).
    expected=$'example/Base\nexample/Auth\nexample/Portal\nexample/Daskhub\nexample/Registration Page\nexample/Registry'
    [ "$(cat ls.out)" = "$expected" ] || fail "cdk ls printed '$(cat ls.out)', expected exactly: $expected"
    ;;
  long_json)
    write_cdk_json "$REPO_INSTANCES"
    must ls cdk ls --long --json -c instance=example
    python3 - ls.out "$(artifact_id example/Base)" <<'PY' || fail "cdk ls --long --json output is wrong"
import json, sys
stacks = json.load(open(sys.argv[1]))   # stdout must be JSON and nothing else
assert isinstance(stacks, list) and [x["id"] for x in stacks] == ["example/Base", "example/Auth", "example/Portal", "example/Daskhub", "example/Registration Page", "example/Registry"], stacks
s = stacks[0]
assert s["id"] == "example/Base", s
assert s["name"] == sys.argv[2] == "exampleBase8C8B2DBF", (s["name"], sys.argv[2])
env = s["environment"]
assert set(env) >= {"account", "region", "name"}, env
assert env["name"] == f"aws://{env['account']}/{env['region']}", env
assert env["region"] == "us-east-1", env   # AWS_REGION of the test; example.yaml sets no env
PY
    ;;
  artifact_id)
    write_cdk_json "$TEST_INSTANCES"
    must ls cdk ls --long --json -c instance=heliocloud
    python3 - ls.out <<'PY' || fail "artifact id of heliocloud/Base is not the original's heliocloudBase8F34CA3B"
import json, sys
s = json.load(open(sys.argv[1]))
assert [x["id"] for x in s] == ["heliocloud/Base"], s
assert s[0]["name"] == "heliocloudBase8F34CA3B", s[0]
PY
    python3 -c 'import json,sys; a=json.load(open("cdk.out/manifest.json"))["artifacts"]; sys.exit(0 if "heliocloudBase8F34CA3B" in a and a["heliocloudBase8F34CA3B"].get("displayName")=="heliocloud/Base" else 1)' \
      || fail "cdk.out/manifest.json has no artifact heliocloudBase8F34CA3B with displayName heliocloud/Base"
    ;;
  *) fail "unknown case $CASE" ;;
esac
