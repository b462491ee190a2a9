#!/usr/bin/env bash
# The lookup round trip of vpc.type default in an env-specific stack (instance "lookup"):
#   missing     the app run directly (as the CLI runs it) emits a `missing` vpc-provider entry (offline)
#   roundtrip   cdk synth against moto: the CLI looks the VPC up, writes cdk.context.json, reruns the app,
#               and the template's VpcId output is moto's default VPC
source "$(dirname "$0")/lib.sh"
key='vpc-provider:account=123456789012:filter.isDefault=true:region=us-east-1:returnAsymmetricSubnets=true'

case "$CASE" in
  missing)
    export CDK_OUTDIR="$WORK/assembly" CDK_CONTEXT_JSON='{"instance":"lookup"}' CDK_CLI_ASM_VERSION=55.0.0
    must app "$APP" --instance-dir "$TEST_INSTANCES"
    [ ! -s app.out ] || fail "the app wrote to stdout: $(cat app.out)"
    python3 - "$CDK_OUTDIR/manifest.json" "$key" <<'PY' || fail "manifest.json has no correct vpc-provider missing entry"
import json, sys
m = json.load(open(sys.argv[1]))
missing = m.get("missing") or []
assert len(missing) == 1, f"expected one missing entry, got {missing!r}"
e = missing[0]
assert e["provider"] == "vpc-provider", e
assert e["key"] == sys.argv[2], e["key"]
p = e["props"]
assert p["account"] == "123456789012" and p["region"] == "us-east-1", p
assert p["filter"] == {"isDefault": "true"}, p
assert "lookup-role-123456789012-us-east-1" in p.get("lookupRoleArn", ""), p
PY
    ;;
  roundtrip)
    require_moto
    moto_reset
    write_cdk_json "$TEST_INSTANCES"
    [ ! -e cdk.context.json ] || fail "stale cdk.context.json"
    must synth cdk synth lookup/Base --json -c instance=lookup
    [ -f cdk.context.json ] || fail "the CLI wrote no cdk.context.json"
    must vpcs aws_ ec2 describe-vpcs --filters Name=isDefault,Values=true
    default_vpc=$(python3 -c 'import json,sys; v=json.load(open("vpcs.out"))["Vpcs"]; assert len(v)==1, v; print(v[0]["VpcId"])') \
      || fail "moto has no single default VPC"
    python3 - cdk.context.json synth.out "$key" "$default_vpc" <<'PY' || fail "the looked-up VPC is not moto's default VPC"
import json, sys
ctx = json.load(open(sys.argv[1]))
key, vpc = sys.argv[3], sys.argv[4]
assert key in ctx, f"cdk.context.json has no {key}: {list(ctx)}"
assert ctx[key]["vpcId"] == vpc, (ctx[key]["vpcId"], vpc)
t = json.load(open(sys.argv[2]))
assert t["Outputs"]["VpcId"]["Value"] == vpc, (t["Outputs"]["VpcId"], vpc)
types = {r["Type"] for r in t["Resources"].values()}
assert not any(x.startswith("AWS::EC2::") for x in types), f"vpc.type default must create no EC2 resources: {types}"
PY
    # Rerun: the CLI now takes the VPC from cdk.context.json, the app emits nothing missing.
    must synth2 cdk synth lookup/Base --json -c instance=lookup
    cmp -s synth.out synth2.out || fail "second synth (from cdk.context.json) differs from the first"
    python3 -c 'import json,sys; sys.exit(1 if json.load(open("cdk.out/manifest.json")).get("missing") else 0)' \
      || fail "the app still reports missing context although cdk.context.json has it"
    ;;
  *) fail "unknown case $CASE" ;;
esac
