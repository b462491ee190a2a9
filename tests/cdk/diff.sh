#!/usr/bin/env bash
# cdk diff <stack> --template <golden> --fail: the committed golden template of example/Base (offline; no AWS).
# Regenerate the golden after an intended change, then review it:
#   (cd build/cdk-tests/cdk.synth.json && cp cdk.out/exampleBase8C8B2DBF.template.json \
#      ../../../tests/cdk/golden/example-Base.template.json)
source "$(dirname "$0")/lib.sh"
write_cdk_json "$REPO_INSTANCES"
golden="$CDK_TESTS_DIR/golden/example-Base.template.json"

case "$CASE" in
  golden)
    must diff cdk diff example/Base --template "$golden" --fail -c instance=example
    cat diff.out diff.err | grep -q "There were no differences" || fail "cdk diff did not report 'There were no differences'"
    ;;
  golden_modified)
    # The golden with the VPC's CIDR changed and the managed policy removed: diff must see both and fail.
    python3 - "$golden" modified.template.json <<'PY'
import json, sys
t = json.load(open(sys.argv[1]))
res = t["Resources"]
vpc = next(k for k, r in res.items() if r["Type"] == "AWS::EC2::VPC")
res[vpc]["Properties"]["CidrBlock"] = "10.9.0.0/16"
policy = next(k for k, r in res.items() if r["Type"] == "AWS::IAM::ManagedPolicy")
del res[policy]
t["Outputs"] = {k: v for k, v in t["Outputs"].items() if v["Value"] != {"Ref": policy}}
json.dump(t, open(sys.argv[2], "w"), indent=1)
print(vpc, policy)
PY
    read -r vpc policy < <(python3 -c 'import json; r=json.load(open("'"$golden"'"))["Resources"]; print(next(k for k,v in r.items() if v["Type"]=="AWS::EC2::VPC"), next(k for k,v in r.items() if v["Type"]=="AWS::IAM::ManagedPolicy"))')
    must_fail diff cdk diff example/Base --template modified.template.json --fail -c instance=example
    cat diff.out diff.err >diff.all
    contains diff.all "$vpc" "diff output names the changed VPC"
    contains diff.all "CidrBlock" "diff output names the changed property"
    contains diff.all "$policy" "diff output names the added managed policy"
    ;;
  *) fail "unknown case $CASE" ;;
esac
