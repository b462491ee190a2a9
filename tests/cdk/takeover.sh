#!/usr/bin/env bash
# Taking over an instance the original deployed (issue 16): for the original's example and full instances
# (tests/cdk/original/<case>/, the original's instance file and templates) our app, run by the CLI with the
# cdk.context.json the original's CDK app wrote,
#   1. reuses every cached lookup (no missing context: the context keys equal aws-cdk-lib's),
#   2. keeps every resource that holds data or identity with its logical id, type and every property whose
#      change replaces it, and every export the original's stacks import (takeover_check.py),
#   3. gets no replacement or deletion of those resources from `cdk diff --template <original>` (offline).
source "$(dirname "$0")/lib.sh"
original="$CDK_TESTS_DIR/original/$CASE"
[ -d "$original" ] || fail "unknown case $CASE"

# Asset contents do not matter here (no protected resource depends on them): the stack tests' small packages.
export HELIOCLOUD_LAMBDA_DIR="$REPO_DIR/tests/stacks/data/lambda"
# The instance dir: our defaults and the original's instance file as the operator has it.
mkdir instances
cp "$REPO_INSTANCES/default.yaml" "$original/$CASE.yaml" instances/
write_cdk_json "$WORK/instances"
# What the original's CDK app cached on the operator's machine (keys as aws-cdk-lib writes them).
python3 - >cdk.context.json <<'PY'
import json
account, region = "123456789012", "us-east-1"
print(json.dumps({
    f"availability-zones:account={account}:region={region}": [f"us-east-1{z}" for z in "abcdef"],
    f"hosted-zone:account={account}:domainName=myorganization-domain.org:region={region}":
        {"Id": "/hostedzone/Z0123456789ABCDEFGHIJ", "Name": "myorganization-domain.org."},
}, indent=2))
PY

must synth cdk synth -c instance="$CASE" -q
python3 -c 'import json,sys; m=json.load(open("cdk.out/manifest.json")); sys.exit(1 if m.get("missing") else 0)' \
  || fail "the app asked for context the original's cdk.context.json already has: $(python3 -c 'import json; print([e["key"] for e in json.load(open("cdk.out/manifest.json"))["missing"]])')"

must check python3 "$CDK_TESTS_DIR/takeover_check.py" "$original" cdk.out

# cdk diff of each stack against the original's template: no protected resource replaced or destroyed.
for template in "$original"/*.template.json; do
  artifact=$(basename "$template" .template.json)
  stack=$(python3 -c 'import json,sys; print(json.load(open("cdk.out/manifest.json"))["artifacts"][sys.argv[1]]["displayName"])' "$artifact")
  step "diff-$artifact" cdk diff "$stack" -e --template "$template" -c instance="$CASE" || true
  grep -q "^Resources" "diff-$artifact.out" "diff-$artifact.err" || grep -q "no differences" "diff-$artifact.err" \
    || fail "cdk diff $stack printed no resource section (see diff-$artifact)"
  python3 - "$template" "diff-$artifact.out" "diff-$artifact.err" "$CDK_TESTS_DIR/takeover_check.py" <<'PY' \
    || fail "cdk diff $stack replaces or destroys a resource that holds data or identity (see diff-$artifact)"
import importlib.util, json, re, sys
spec = importlib.util.spec_from_file_location("check", sys.argv[4])
check = importlib.util.module_from_spec(spec)
spec.loader.exec_module(check)
resources = json.load(open(sys.argv[1]))["Resources"]
protected = {lid for lid, r in resources.items()
             if r["Type"] in check.PROTECTED and lid not in check.INTENDED_REMOVALS}
text = open(sys.argv[2]).read() + open(sys.argv[3]).read()
text = re.sub(r"\x1b\[[0-9;]*m", "", text)
bad = []
# Resource lines: "[~] AWS::S3::Bucket Registry/X X1234 replace" (or "may be replaced"), "[-] AWS::... destroy".
for line in text.splitlines():
    m = re.match(r"^\[([-+~])\] ((?:AWS|Custom)::\S+) (.*)$", line.strip())
    if not m:
        continue
    hit = protected & set(m.group(3).split())
    if hit and (m.group(1) == "-" or re.search(r"replace|destroy", m.group(3), re.I)):
        bad.append(line.strip())
for b in bad:
    print("cdk diff:", b)
sys.exit(1 if bad else 0)
PY
done
