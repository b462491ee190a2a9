#!/usr/bin/env bash
# Every template of several instances passes cfn-lint without errors. cfn-lint's exit code is a bit mask:
# 2 = error, 4 = warning, 8 = informational. Ignored rules, as aws-cdk-lib's own validator ignores them:
#   W3005  "dependency already enforced by a GetAtt/Ref": CDK adds explicit DependsOn that duplicate a Ref
#          (the NAT gateway / default route on the gateway attachment) - harmless and intended.
#   W1020  "Fn::Sub not needed": the synthesizer writes Fn::Sub for strings that may hold ${AWS::...}.
# Warnings are printed, not failed on. Expected: W3010 "Avoid hardcoding availability zones" in the env-specific
# stack, whose subnets use the AZs the CLI looked up (aws-cdk-lib writes the same); W6001 "output value is an
# import" in the Daskhub stacks, whose outputs re-export the Base and Auth values the deploy kit reads from this
# one stack (the original's outputs did the same).
source "$(dirname "$0")/lib.sh"
command -v cfn-lint >/dev/null || fail "cfn-lint is not installed"

# synth_instance <instance dir> <instance> [<context json>]: cdk synth -q into out/<instance>.
synth_instance() {
  write_cdk_json "$1"
  rm -f cdk.context.json
  if [ -n "${3:-}" ]; then printf '%s\n' "$3" >cdk.context.json; fi
  must "synth-$2" cdk synth -q -c instance="$2" -o "out/$2"
}

case "$CASE" in
  cfn_lint)
    azs='{"availability-zones:account=123456789012:region=us-east-1": ["us-east-1a", "us-east-1b", "us-east-1c"]}'
    synth_instance "$TEST_INSTANCES" heliocloud
    synth_instance "$TEST_INSTANCES" envspecific "$azs"
    synth_instance "$TEST_INSTANCES" destroy
    # Each combination of modules: Registry alone; Registry + Auth on a looked-up VPC; everything with Identity.
    vpc='"vpc-provider:account=123456789012:filter.isDefault=true:region=us-east-1:returnAsymmetricSubnets=true": {"vpcId": "vpc-0a1b2c3d", "vpcCidrBlock": "172.31.0.0/16", "availabilityZones": [], "subnetGroups": [{"name": "Public", "type": "Public", "subnets": [{"subnetId": "subnet-0a1a1a1a", "cidr": "172.31.0.0/20", "availabilityZone": "us-east-1a", "routeTableId": "rtb-0a1"}, {"subnetId": "subnet-0b2b2b2b", "cidr": "172.31.16.0/20", "availabilityZone": "us-east-1b", "routeTableId": "rtb-0a1"}]}]}'
    zone='"hosted-zone:account=123456789012:domainName=example.org:region=us-east-1": {"Id": "/hostedzone/Z0123456789ABCDEFGHIJ", "Name": "example.org."}'
    # example: as an operator with credentials synthesizes it (the account from the CLI, lookups cached).
    CDK_DEFAULT_ACCOUNT=123456789012 synth_instance "$REPO_INSTANCES" example "{$zone, ${azs#\{}"
    synth_instance "$TEST_INSTANCES" registryonly
    synth_instance "$TEST_INSTANCES" modules "{$vpc, $zone}"
    synth_instance "$TEST_INSTANCES" allmodules "{$zone, ${azs#\{}"
    # Daskhub with Kubecost on its own (env-specific: the looked-up zone); example.yaml has it without Kubecost,
    # environment-agnostic (the zone by name).
    synth_instance "$TEST_INSTANCES" daskhub "{$zone, ${azs#\{}"
    grep -q '"DeletionPolicy": "Delete"' out/destroy/*.template.json || fail "destroyOnRemoval: bucket is not DeletionPolicy Delete"
    grep -q '"us-east-1a"' out/envspecific/*.template.json || fail "env-specific stack does not use the looked-up AZs"
    templates=(out/*/*.template.json)
    # example: Base Auth Portal Daskhub RegistrationPage Registry; heliocloud, envspecific, destroy: Base;
    # registryonly: Base Registry; modules: Base Auth Portal Registry; allmodules: Base Identity Auth Portal Daskhub
    # RegistrationPage Registry; daskhub: Base Auth Daskhub.
    [ "${#templates[@]}" -eq 25 ] || fail "expected 25 templates, got ${templates[*]}"
    ls out/allmodules/*Identity*.template.json >/dev/null || fail "allmodules has no Identity stack"
    for i in example allmodules daskhub; do
      ls out/$i/*Daskhub*.template.json >/dev/null || fail "$i has no Daskhub stack"
    done
    grep -q CognitoClientIdKubeCost out/daskhub/*Daskhub*.template.json || fail "daskhub_metrics: no Kubecost output"
    ! grep -q CognitoClientIdKubeCost out/example/*Daskhub*.template.json || fail "Kubecost output without metrics"
    # Same input, same bytes: the Daskhub instance synthesized again gives the identical assembly.
    must synth-daskhub-again cdk synth -q -c instance=daskhub -o out-again/daskhub
    for f in out/daskhub/*.template.json out/daskhub/*.assets.json out/daskhub/manifest.json; do
      cmp -s "$f" "out-again/daskhub/$(basename "$f")" || fail "second synth differs: $(basename "$f")"
    done
    rc=0
    step lint cfn-lint --format parseable --regions us-east-1 --ignore-checks W3005 W1020 -- "${templates[@]}" || rc=$?
    cat lint.out
    [ $((rc & 2)) -eq 0 ] || fail "cfn-lint found errors (exit $rc)"
    [ $((rc & ~(2 | 4 | 8))) -eq 0 ] || fail "cfn-lint failed to run (exit $rc)"
    ;;
  *) fail "unknown case $CASE" ;;
esac
