#!/usr/bin/env bash
# Deploys against moto (the fixture; AWS_ENDPOINT_URL etc. come from heliocloud_moto_test):
#   vpc_new             bootstrap, deploy envspecific/Base (new VPC, env-specific: the CLI looks the AZs up),
#                       check VPC/subnets/bucket/policy in moto, template diff is clean, redeploy is a no-op;
#                       then reset moto (moto cannot delete the VPC with its NAT gateway and ENIs)
#   destroy_default_vpc bootstrap, deploy lookup/Base (default VPC: no VPC resources, destroyOnRemoval bucket),
#                       cdk destroy --force, check the stack and the bucket are gone
source "$(dirname "$0")/lib.sh"
require_moto
cleanup() { curl -sf -o /dev/null -X POST "$AWS_ENDPOINT_URL/moto-api/reset" || true; }  # leave moto empty
moto_reset
write_cdk_json "$TEST_INSTANCES"

# describe <step> <stack name>: describe-stacks into <step>.out; then field <step> Status|<output key>.
describe() { must "$1" aws_ cloudformation describe-stacks --stack-name "$2"; }
field() {
  python3 -c 'import json,sys; s=json.load(open(sys.argv[1]))["Stacks"][0]
print(s["StackStatus"] if sys.argv[2]=="Status" else {o["OutputKey"]:o["OutputValue"] for o in s.get("Outputs",[])}.get(sys.argv[2],""))' "$1.out" "$2"
}

# moto answered no request of this test with HTTP 500 (an SDK retry can hide one; it means a moto bug).
no_moto_500() {
  if tail -c +"$((MOTO_LOG_START + 1))" "$MOTO_LOG" | grep -q '" 500 '; then fail "moto answered HTTP 500 (see its log)"; fi
}

case "$CASE" in
  vpc_new)
    stack=envspecificBase94003292
    must bootstrap cdk bootstrap aws://123456789012/us-east-1 -c instance=envspecific
    must deploy cdk deploy envspecific/Base --require-approval never -c instance=envspecific
    contains cdk.context.json "availability-zones:account=123456789012:region=us-east-1" "the AZ lookup result"
    describe stack "$stack"
    [ "$(field stack Status)" = CREATE_COMPLETE ] || fail "stack status is $(field stack Status)"

    must vpcs aws_ ec2 describe-vpcs --filters Name=cidr,Values=10.0.0.0/16 --query 'Vpcs[].VpcId' --output text
    read -r -a vpc_ids <vpcs.out
    [ "${#vpc_ids[@]}" -eq 1 ] || fail "expected one VPC with CIDR 10.0.0.0/16, got: $(cat vpcs.out)"
    vpc=${vpc_ids[0]}
    [ "$(field stack VpcId)" = "$vpc" ] || fail "stack output VpcId is not the 10.0.0.0/16 VPC $vpc"
    must subnets aws_ ec2 describe-subnets --filters "Name=vpc-id,Values=$vpc" --query 'Subnets[].[CidrBlock,AvailabilityZone]' --output text
    [ "$(wc -l <subnets.out)" -eq 4 ] || fail "expected 4 subnets in $vpc, got: $(cat subnets.out)"
    [ "$(cut -f2 subnets.out | sort -u | wc -l)" -eq 2 ] || fail "the subnets do not span 2 AZs"
    must nat aws_ ec2 describe-nat-gateways --filter "Name=vpc-id,Values=$vpc" --query 'length(NatGateways)' --output text
    [ "$(cat nat.out)" = 1 ] || fail "expected 1 NAT gateway, got $(cat nat.out)"

    bucket=$(field stack UserSharedBucketName)
    [ -n "$bucket" ] || fail "no output UserSharedBucketName"
    must bucket aws_ s3api head-bucket --bucket "$bucket"
    policy=$(field stack S3ManagedPolicyArn)
    [ -n "$policy" ] || fail "no output S3ManagedPolicyArn"
    must policy_doc aws_ iam get-policy-version --policy-arn "$policy" --version-id v1
    contains policy_doc.out "$bucket" "the managed policy grants on the shared bucket"

    must diff cdk diff envspecific/Base --method=template --fail -c instance=envspecific
    cat diff.out diff.err | grep -q "There were no differences" || fail "cdk diff right after deploy is not clean"
    must deploy2 cdk deploy envspecific/Base --require-approval never -c instance=envspecific
    cat deploy2.out deploy2.err | grep -q "(no changes)" || fail "second deploy did not report (no changes)"

    # An UPDATE: the same instance with destroyOnRemoval turned on (the bucket's DeletionPolicy changes).
    # This is the path stock moto breaks (change sets found across stacks, BootstrapVersion UsePreviousValue).
    mkdir instances2
    cp "$REPO_INSTANCES/default.yaml" instances2/
    { cat "$TEST_INSTANCES/envspecific.yaml"; printf 'userSharedBucket:\n  destroyOnRemoval: True\n'; } >instances2/envspecific.yaml
    app2="$APP --instance-dir $WORK/instances2"
    must deploy3 cdk deploy envspecific/Base --require-approval never -c instance=envspecific --app "$app2"
    describe stack3 "$stack"
    [ "$(field stack3 Status)" = UPDATE_COMPLETE ] || fail "after the update the stack status is $(field stack3 Status)"
    must template3 aws_ cloudformation get-template --stack-name "$stack" --query 'TemplateBody' --output json
    contains template3.out "Delete" "the deployed template has the bucket's new DeletionPolicy"
    [ "$(field stack3 UserSharedBucketName)" = "$bucket" ] || fail "the update replaced the shared bucket"
    must diff3 cdk diff envspecific/Base --method=template --fail -c instance=envspecific --app "$app2"
    no_moto_500
    ;;
  destroy_default_vpc)
    stack=lookupBaseF242EB54
    must bootstrap cdk bootstrap aws://123456789012/us-east-1 -c instance=lookup
    must deploy cdk deploy lookup/Base --require-approval never -c instance=lookup
    describe stack "$stack"
    [ "$(field stack Status)" = CREATE_COMPLETE ] || fail "stack status is $(field stack Status)"
    must resources aws_ cloudformation list-stack-resources --stack-name "$stack" --query 'StackResourceSummaries[].ResourceType' --output text
    ! grep -q "AWS::EC2::" resources.out || fail "vpc.type default must deploy no EC2 resources: $(cat resources.out)"
    must vpcs aws_ ec2 describe-vpcs --filters Name=isDefault,Values=true --query 'Vpcs[0].VpcId' --output text
    [ "$(field stack VpcId)" = "$(cat vpcs.out)" ] || fail "output VpcId is not moto's default VPC $(cat vpcs.out)"
    bucket=$(field stack UserSharedBucketName)
    [ -n "$bucket" ] || fail "no output UserSharedBucketName"
    must bucket aws_ s3api head-bucket --bucket "$bucket"

    must destroy cdk destroy lookup/Base --force -c instance=lookup
    must stacks aws_ cloudformation list-stacks --query "StackSummaries[?StackName=='$stack'].StackStatus" --output text
    [ "$(cat stacks.out)" = DELETE_COMPLETE ] || fail "after destroy the stack status is '$(cat stacks.out)'"
    must_fail gone aws_ cloudformation describe-stacks --stack-name "$stack"
    must_fail bucket_gone aws_ s3api head-bucket --bucket "$bucket"
    must buckets aws_ s3api list-buckets --query 'Buckets[].Name' --output text
    ! grep -q "lookupbase" buckets.out || fail "a stack bucket is left (or re-created) after destroy: $(cat buckets.out)"
    no_moto_500
    ;;
  *) fail "unknown case $CASE" ;;
esac
