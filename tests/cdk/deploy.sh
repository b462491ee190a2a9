#!/usr/bin/env bash
# Deploys against moto (the fixture; AWS_ENDPOINT_URL etc. come from heliocloud_moto_test):
#   vpc_new             bootstrap, deploy envspecific/Base (new VPC, env-specific: the CLI looks the AZs up),
#                       check VPC/subnets/bucket/policy in moto, template diff is clean, redeploy is a no-op;
#                       then reset moto (moto cannot delete the VPC with its NAT gateway and ENIs)
#   destroy_default_vpc bootstrap, deploy lookup/Base (default VPC: no VPC resources, destroyOnRemoval bucket),
#                       cdk destroy --force, check the stack and the bucket are gone
#   modules             bootstrap, deploy modules/{Base,Auth,Registry}: buckets, table, functions and user pool
#                       exist as configured; redeploy is a no-op; the deployed function zip's bootstrap runs the
#                       catalog handler against moto like Lambda starts it; destroy removes all three stacks
#   registration_page   bootstrap, deploy registration/{Base,Auth,Registration Page} with the zone in moto: the
#                       function (runtime, environment from the Auth stack), load balancer, listeners, target
#                       group and alias record exist as configured; redeploy is a no-op; destroy removes them
source "$(dirname "$0")/lib.sh"
require_moto
# moto_lambda_backend docker|simple: moto keeps functions that CloudFormation creates in its Docker Lambda
# backend, but its Lambda API answers from the backend the config names; the fixture picks "simple" (invoke
# echoes the payload, no Docker here). Tests that read deployed functions switch to the Docker backend's view.
moto_lambda_backend() {
  local docker=false
  [ "$1" = docker ] && docker=true
  curl -sf -o /dev/null -X POST "$AWS_ENDPOINT_URL/moto-api/config" -H 'Content-Type: application/json' \
    -d "{\"lambda\":{\"use_docker\":$docker}}" || fail "cannot configure moto's Lambda backend"
}
cleanup() {  # leave moto empty, with the fixture's Lambda backend
  curl -sf -o /dev/null -X POST "$AWS_ENDPOINT_URL/moto-api/reset" || true
  moto_lambda_backend simple || true
}
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
  modules)
    # Base, Auth and Registry of one instance. Resource types moto cannot create (it skips them with a warning
    # and the deploy still succeeds): AWS::S3::BucketPolicy, AWS::Cognito::UserPoolUICustomizationAttachment;
    # the custom resources (Custom::EmptyBucket, Custom::RequesterPays) are accepted but their provider is
    # not run by moto's docker-less Lambda. tests/stacks (template assertions) and
    # tests/custom_resources (the provider against moto S3) cover those.
    moto_lambda_backend docker
    must bootstrap cdk bootstrap aws://123456789012/us-east-1 -c instance=modules
    must deploy cdk deploy --all --require-approval never -c instance=modules
    for s in modulesBase modulesAuth modulesRegistry; do
      id=$(python3 -c 'import json,sys; m=json.load(open("cdk.out/manifest.json"))
print(next(k for k,a in m["artifacts"].items() if a.get("displayName")==sys.argv[1]))' "modules/${s#modules}")
      describe "st_$s" "$id"
      [ "$(field "st_$s" Status)" = CREATE_COMPLETE ] || fail "$id status is $(field "st_$s" Status)"
    done
    reg=st_modulesRegistry
    [ "$(field $reg IngestBucketName)" = helio-test-ingest ] || fail "IngestBucketName is $(field $reg IngestBucketName)"
    [ "$(field $reg DatasetBucketNames)" = helio-test-data1,helio-test-data2 ] || fail "DatasetBucketNames output"
    for b in helio-test-ingest helio-test-data1 helio-test-data2; do must "head_$b" aws_ s3api head-bucket --bucket "$b"; done
    table=$(field $reg DatasetTableName)
    must table aws_ dynamodb describe-table --table-name "$table"
    contains table.out '"AttributeName": "id"' "the dataset table's partition key"
    contains table.out PAY_PER_REQUEST "on-demand billing"
    for out in IngesterFunctionName CatalogerFunctionName; do
      fn=$(field $reg $out)
      must "fn_$out" aws_ lambda get-function --function-name "$fn"
      contains "fn_$out.out" provided.al2023 "$out runtime"
    done
    contains fn_IngesterFunctionName.out '"Handler": "ingest"' "ingester handler"
    contains fn_IngesterFunctionName.out '"MemorySize": 1024' "ingester memory"
    contains fn_IngesterFunctionName.out helio-test-data1,helio-test-data2 "ingester environment"
    pool=$(field st_modulesAuth UserPoolId)
    must pool aws_ cognito-idp describe-user-pool --user-pool-id "$pool"
    contains pool.out affiliation "the user pool's custom attribute"

    must deploy2 cdk deploy --all --require-approval never -c instance=modules
    [ "$(cat deploy2.out deploy2.err | grep -c '(no changes)')" -eq 3 ] || fail "second deploy changed something"

    # The deployed code: the zip the CLI uploaded is what Lambda runs. It must hold an executable bootstrap
    # that speaks the Runtime API; run the catalog handler for real against the deployed buckets and table.
    regid=$(python3 -c 'import json; m=json.load(open("cdk.out/manifest.json"))
print(next(k for k,a in m["artifacts"].items() if a.get("displayName")=="modules/Registry"))')
    code_key=$(python3 -c 'import json,sys; t=json.load(open(sys.argv[1]))
fn=next(r for r in t["Resources"].values() if r["Type"]=="AWS::Lambda::Function" and r["Properties"]["Handler"]=="catalog")
print(fn["Properties"]["Code"]["S3Key"])' "cdk.out/$regid.template.json")
    must zip aws_ s3 cp "s3://cdk-hnb659fds-assets-123456789012-us-east-1/$code_key" code.zip
    mkdir code && (cd code && python3 -c 'import zipfile,sys,os
z=zipfile.ZipFile("../code.zip")
for i in z.infolist():
    z.extract(i)
    mode=(i.external_attr>>16)&0o777
    if mode: os.chmod(i.filename, mode)')
    [ -x code/bootstrap ] || fail "the deployed zip has no executable bootstrap: $(unzip -l code.zip 2>/dev/null | head)"
    echo '{}' >event.json
    python3 "$CDK_TESTS_DIR/fake_lambda_runtime.py" runtime.port event.json result.json & rt=$!
    for _ in $(seq 1 50); do [ -s runtime.port ] && break; sleep 0.1; done
    # Its own session, so the whole process tree can be stopped once it answered (it then waits for more work).
    setsid env -i PATH=/usr/bin:/bin AWS_LAMBDA_RUNTIME_API="127.0.0.1:$(cat runtime.port)" _HANDLER=catalog \
      AWS_REGION=us-east-1 AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test AWS_ENDPOINT_URL="$AWS_ENDPOINT_URL" \
      INGEST_BUCKET=helio-test-ingest DATASET_BUCKETS=helio-test-data1,helio-test-data2 DATASET_TABLE="$table" \
      CATALOG_NAME="Test Catalog" CATALOG_CONTACT=test@example.org CATALOG_DESCRIPTION= REQUESTER_PAYS=false \
      code/bootstrap >run.out 2>run.err & fn_pid=$!
    STEPS+=(run)
    rt_rc=0
    wait "$rt" || rt_rc=$?
    kill -- "-$fn_pid" 2>/dev/null || true
    wait "$fn_pid" 2>/dev/null || true
    [ "$rt_rc" -eq 0 ] || fail "the fake Runtime API got no answer from the deployed bootstrap"
    contains result.json '"kind": "response"' "the catalog function answered its invocation"
    must catalog aws_ s3 cp s3://helio-test-data1/catalog.json catalog.json
    contains catalog.json '"name": "Test Catalog"' "catalog.json written by the deployed function"

    # `heliocloud catalog <instance>` finds the Cataloger through the Registry stack's outputs and invokes it.
    # moto runs no function code here (no Docker), so the invocation comes back as a function error naming
    # the function: the CLI must report that and fail.
    cli="$(dirname "$APP")/heliocloud"
    cataloger=$(field $reg CatalogerFunctionName)
    must_fail cli_catalog "$cli" catalog modules --instance-dir "$TEST_INSTANCES"
    cat cli_catalog.out cli_catalog.err >cli_catalog.all
    contains cli_catalog.all "$cataloger" "heliocloud catalog names the Cataloger it found through the stack outputs"

    must destroy cdk destroy --all --force -c instance=modules
    must left aws_ cloudformation list-stacks --query "StackSummaries[?StackStatus!='DELETE_COMPLETE'].StackName" --output text
    ! grep -q modules left.out || fail "stacks left after destroy: $(cat left.out)"
    no_moto_500
    ;;
  registration_page)
    # What moto cannot check here (tests/stacks asserts it on the template): the WAF web ACL and its
    # association (moto's CloudFormation skips AWS::WAFv2::*), the generated secret (Secrets Manager's
    # GenerateSecretString is skipped, so SESSION_KEY_SECRET_ARN is empty), the Lambda target (moto registers
    # no target) and the load balancer's attributes (ignored).
    moto_lambda_backend docker
    must zone aws_ route53 create-hosted-zone --name example.org --caller-reference registration-test
    # moto checks the listener's certificate: request one and give its ARN to a copy of the instance file.
    must cert aws_ acm request-certificate --domain-name register.example.org
    cert_arn=$(python3 -c 'import json; print(json.load(open("cert.out"))["CertificateArn"])')
    mkdir instances
    sed "s|domain_certificate_arn: .*|domain_certificate_arn: $cert_arn|" "$TEST_INSTANCES/registration.yaml" \
      >instances/registration.yaml
    cp "$TEST_INSTANCES/default.yaml" instances/
    write_cdk_json "$PWD/instances"
    must bootstrap cdk bootstrap aws://123456789012/us-east-1 -c instance=registration
    must deploy cdk deploy --all --require-approval never -c instance=registration
    artifact() {
      python3 -c 'import json,sys; m=json.load(open("cdk.out/manifest.json"))
print(next(k for k,a in m["artifacts"].items() if a.get("displayName")==sys.argv[1]))' "$1"
    }
    auth_id=$(artifact registration/Auth)
    page_id=$(artifact "registration/Registration Page")
    for id in "$(artifact registration/Base)" "$auth_id" "$page_id"; do
      describe "st_$id" "$id"
      [ "$(field "st_$id" Status)" = CREATE_COMPLETE ] || fail "$id status is $(field "st_$id" Status)"
    done
    page="st_$page_id"
    [ "$(field "$page" RegistrationPageUrl)" = https://register.example.org ] || fail "RegistrationPageUrl is $(field "$page" RegistrationPageUrl)"
    fn=$(field "$page" RegistrationFunctionName)
    must fn aws_ lambda get-function --function-name "$fn"
    contains fn.out provided.al2023 "the function's runtime"
    contains fn.out "\"USER_POOL_ID\": \"$(field "st_$auth_id" UserPoolId)\"" "the function's user pool (from the Auth stack)"
    must lbs aws_ elbv2 describe-load-balancers
    contains lbs.out internet-facing "the load balancer's scheme"
    lb_arn=$(python3 -c 'import json,sys; print(json.load(open("lbs.out"))["LoadBalancers"][0]["LoadBalancerArn"])')
    must listeners aws_ elbv2 describe-listeners --load-balancer-arn "$lb_arn"
    contains listeners.out '"Protocol": "HTTPS"' "the HTTPS listener"
    contains listeners.out "$cert_arn" "the listener's certificate"
    contains listeners.out ELBSecurityPolicy-TLS13-1-2-2021-06 "the listener's TLS policy"
    contains listeners.out '"Type": "redirect"' "the HTTP listener's redirect"
    must groups aws_ elbv2 describe-target-groups
    contains groups.out '"TargetType": "lambda"' "the Lambda target group"
    zone_id=$(python3 -c 'import json; print(json.load(open("zone.out"))["HostedZone"]["Id"].split("/")[-1])')
    must records aws_ route53 list-resource-record-sets --hosted-zone-id "$zone_id"
    contains records.out register.example.org. "the alias record"

    must deploy2 cdk deploy --all --require-approval never -c instance=registration
    [ "$(cat deploy2.out deploy2.err | grep -c '(no changes)')" -eq 3 ] || fail "second deploy changed something"
    must destroy cdk destroy --all --force -c instance=registration
    must left aws_ cloudformation list-stacks --query "StackSummaries[?StackStatus!='DELETE_COMPLETE'].StackName" --output text
    ! grep -q registration left.out || fail "stacks left after destroy: $(cat left.out)"
    no_moto_500
    ;;
  *) fail "unknown case $CASE" ;;
esac
