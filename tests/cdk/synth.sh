#!/usr/bin/env bash
# cdk synth <stack>: the template, and only the template, on stdout (YAML by default, JSON with --json).
source "$(dirname "$0")/lib.sh"
write_cdk_json "$REPO_INSTANCES"
template=cdk.out/exampleBase8C8B2DBF.template.json

# The resources of vpc.type new (ec2.Vpc max_azs=2, nat_gateways=1), the shared bucket and the policy.
check_resources() {  # <template json file>
  python3 - "$1" <<'PY'
import collections, json, sys
t = json.load(open(sys.argv[1]))
types = collections.Counter(r["Type"] for r in t["Resources"].values())
want = {"AWS::EC2::VPC": 1, "AWS::EC2::Subnet": 4, "AWS::EC2::RouteTable": 4,
        "AWS::EC2::SubnetRouteTableAssociation": 4, "AWS::EC2::Route": 4, "AWS::EC2::NatGateway": 1,
        "AWS::EC2::EIP": 1, "AWS::EC2::InternetGateway": 1, "AWS::EC2::VPCGatewayAttachment": 1,
        "AWS::S3::Bucket": 1, "AWS::S3::BucketPolicy": 1, "AWS::IAM::ManagedPolicy": 1}
bad = {k: (types.get(k, 0), n) for k, n in want.items() if types.get(k, 0) != n}
assert not bad, f"resource counts (got, want): {bad}; all: {dict(types)}"
vpc = [r for r in t["Resources"].values() if r["Type"] == "AWS::EC2::VPC"][0]
assert vpc["Properties"]["CidrBlock"] == "10.0.0.0/16", vpc
assert set(t.get("Outputs", {})) >= {"VpcId", "UserSharedBucketName", "S3ManagedPolicyArn"}, t.get("Outputs")
PY
}

case "$CASE" in
  yaml)
    must synth cdk synth example/Base -c instance=example
    # Every line of stdout is part of one YAML document: a top-level template section or an indented line.
    python3 - synth.out <<'PY' || fail "stdout of cdk synth is not only the YAML template"
import re, sys
sections = {"AWSTemplateFormatVersion", "Description", "Metadata", "Parameters", "Rules", "Mappings",
            "Conditions", "Transform", "Resources", "Outputs"}
lines = open(sys.argv[1]).read().splitlines()
assert lines, "stdout is empty"
seen = set()
for n, line in enumerate(lines, 1):
    if line == "" or line.startswith(" "):
        continue
    m = re.fullmatch(r"([A-Za-z]+):( .*)?", line)
    assert m and m.group(1) in sections, f"line {n} is not template YAML: {line!r}"
    seen.add(m.group(1))
assert "Resources" in seen, "no Resources section"
PY
    for t in AWS::EC2::VPC AWS::EC2::Subnet AWS::EC2::NatGateway AWS::EC2::InternetGateway AWS::S3::Bucket AWS::IAM::ManagedPolicy; do
      grep -q "^    Type: $t\$" synth.out || fail "YAML template has no resource of type $t"
    done
    [ "$(grep -c '^    Type: AWS::EC2::Subnet$' synth.out)" = 4 ] || fail "YAML template does not have 4 subnets"
    check_resources "$template" || fail "the synthesized template lacks expected resources"
    ;;
  json)
    must synth cdk synth example/Base --json -c instance=example
    python3 - synth.out "$template" <<'PY' || fail "stdout of cdk synth --json is not exactly the template"
import json, sys
printed = json.load(open(sys.argv[1]))   # fails on anything but one JSON document
written = json.load(open(sys.argv[2]))
# The CLI hides CDK's bootstrap-version rule when it prints a template (as it does for aws-cdk-lib apps).
written.get("Rules", {}).pop("CheckBootstrapVersion", None)
if written.get("Rules") == {}:
    del written["Rules"]
assert printed == written, "printed template differs from the file in cdk.out"
PY
    check_resources synth.out || fail "the printed template lacks expected resources"
    ;;
  *) fail "unknown case $CASE" ;;
esac
