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
#   daskhub             the CLI looks the hosted zone up in moto; deploy daskhub/Daskhub (with Base and Auth):
#                       admin host, role, EFS, key, tokens, policies, hub record and every output as the kit's
#                       contract says; redeploy is a no-op; a changed kit updates the host's metadata in place
#   web_sites           bootstrap, deploy websites/{Base,Auth,Portal,Registration Page} with the zone and a
#                       certificate in moto: functions (runtime, environment from the Auth stack), load balancers,
#                       listeners, the portal machines' security group and the alias records exist as
#                       configured; redeploy is a no-op; destroy removes them
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
    # The app looks up the Portal's zone even when only the other stacks are deployed.
    must zone aws_ route53 create-hosted-zone --name example.org --caller-reference modules-test
    must bootstrap cdk bootstrap aws://123456789012/us-east-1 -c instance=modules
    # Base, Auth and Registry only: the portal switch brings Auth; the Portal stack is deployed in web_sites.
    must deploy cdk deploy modules/Base modules/Auth modules/Registry --require-approval never -c instance=modules
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

    must deploy2 cdk deploy modules/Base modules/Auth modules/Registry --require-approval never -c instance=modules
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

    must destroy cdk destroy modules/Base modules/Auth modules/Registry --force -c instance=modules
    must left aws_ cloudformation list-stacks --query "StackSummaries[?StackStatus!='DELETE_COMPLETE'].StackName" --output text
    ! grep -q modules left.out || fail "stacks left after destroy: $(cat left.out)"
    no_moto_500
    ;;
  daskhub)
    # Base (new VPC), Auth and Daskhub (with Kubecost) of one instance. What moto cannot check here, and what does:
    #  - cfn-init on the admin host (ssm-user created, every kit file written with its owner and mode, the tools
    #    installed, the signal): moto starts no instance and ignores the CreationPolicy; tests/stacks asserts the
    #    metadata, tests/daskhub runs the kit's scripts against stand-ins;
    #  - cfn-hup bringing an update's kit to the running host: moto only stores the new metadata (checked below);
    #  - IMDSv2 and the instance's security group: moto does not apply the launch template's metadata options and
    #    puts the instance in the VPC's default group; tests/stacks asserts both;
    #  - the admin role's managed policies (moto attaches no ManagedPolicyArns under CloudFormation) and every IAM
    #    condition (moto enforces no IAM): tests/stacks asserts the statements;
    #  - the KMS key under CloudFormation: moto drops it (its tags) and mishandles an object KeyPolicy; the
    #    launcher's patch (moto_launcher.py, J.) makes it behave as AWS;
    #  - Secrets Manager generating the tokens: moto skips AWS::SecretsManager::Secret under CloudFormation; the
    #    launcher's model (moto_launcher.py, I.) generates them from GenerateSecretString the same way.
    stack_id() { python3 -c 'import json,sys; m=json.load(open("cdk.out/manifest.json"))
print(next(k for k,a in m["artifacts"].items() if a.get("displayName")==sys.argv[1]))' "$1"; }
    # The zone first: every run of the app (bootstrap's too) has the CLI look it up.
    must zone aws_ route53 create-hosted-zone --name example.org --caller-reference heliocloud-daskhub-test \
      --query HostedZone.Id --output text
    zone_id=$(sed 's|^/hostedzone/||' zone.out)
    must bootstrap cdk bootstrap aws://123456789012/us-east-1 -c instance=daskhub
    must deploy cdk deploy daskhub/Daskhub --require-approval never -c instance=daskhub
    contains cdk.context.json "hosted-zone:account=123456789012:domainName=example.org" "the zone lookup"
    for s in Base Auth Daskhub; do
      describe "st_$s" "$(stack_id "daskhub/$s")"
      [ "$(field "st_$s" Status)" = CREATE_COMPLETE ] || fail "daskhub/$s status is $(field "st_$s" Status)"
    done
    hub=st_Daskhub
    # Every output of the contract (contracts/daskhub.h), Kubecost's included, and nothing else.
    python3 - "$hub.out" <<'PY' || fail "the Daskhub outputs are not the kit's contract"
import json, sys
outputs = {o["OutputKey"]: o["OutputValue"] for o in json.load(open(sys.argv[1]))["Stacks"][0]["Outputs"]}
expected = {"InstanceID", "KMSArn", "ASGArn", "CustomS3Arn", "AdminRoleArn", "Route53Arn", "EFSId", "EFSMountArn",
            "CognitoClientId", "CognitoDomainPrefix", "CognitoUserPoolId", "CognitoClientIdKubeCost",
            "HubApiKeySecretArn", "GatewayApiKeySecretArn"}
assert set(outputs) == expected, sorted(set(outputs) ^ expected)
assert all(outputs.values()), {k: v for k, v in outputs.items() if not v}
assert outputs["CognitoDomainPrefix"] == "helio-hub", outputs["CognitoDomainPrefix"]
PY
    [ "$(field $hub CustomS3Arn)" = "$(field st_Base S3ManagedPolicyArn)" ] || fail "CustomS3Arn is not the Base S3 policy"
    [ "$(field $hub CognitoUserPoolId)" = "$(field st_Auth UserPoolId)" ] || fail "CognitoUserPoolId is not the Auth pool"
    [ "$(field $hub CognitoClientId)" = "$(field st_Auth ClientIdDaskhub)" ] || fail "CognitoClientId is not Auth's hub client"
    [ "$(field $hub CognitoClientIdKubeCost)" = "$(field st_Auth ClientIdKubecost)" ] || fail "CognitoClientIdKubeCost"

    # The admin host: Amazon Linux 2023 from the public parameter, in the Base VPC's first private subnet.
    instance=$(field $hub InstanceID)
    must host aws_ ec2 describe-instances --instance-ids "$instance" --query 'Reservations[0].Instances[0]'
    must ami aws_ ssm get-parameter --name /aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64 \
      --query Parameter.Value --output text
    must private aws_ ec2 describe-subnets --filters "Name=vpc-id,Values=$(field st_Base VpcId)" \
      "Name=tag:aws-cdk:subnet-type,Values=Private" --query 'Subnets[].SubnetId' --output text
    python3 - host.out "$(cat ami.out)" "$(cat private.out)" <<'PY' || fail "the admin host is not as the stack says"
import json, sys
host, ami, private = json.load(open(sys.argv[1])), sys.argv[2], sys.argv[3].split()
assert host["ImageId"] == ami, (host["ImageId"], ami)
assert host["SubnetId"] in private, (host["SubnetId"], private)
assert host["InstanceType"] == "t3.micro", host["InstanceType"]
assert "IamInstanceProfile" in host, host
PY
    # Its role: trusted by EC2 alone, reads the two tokens and this stack's outputs.
    role=$(field $hub AdminRoleArn)
    must role aws_ iam get-role --role-name "${role##*/}" --query Role.AssumeRolePolicyDocument
    python3 -c 'import json,sys; d=json.load(open("role.out")); p=[s["Principal"] for s in d["Statement"]]
sys.exit(0 if p == [{"Service": "ec2.amazonaws.com"}] else 1)' || fail "the admin role trusts more than EC2: $(cat role.out)"
    must role_policies aws_ iam list-role-policies --role-name "${role##*/}" --query 'PolicyNames[0]' --output text
    must role_policy aws_ iam get-role-policy --role-name "${role##*/}" --policy-name "$(cat role_policies.out)"
    contains role_policy.out "$(field $hub HubApiKeySecretArn)" "the admin role may read the hub token"
    contains role_policy.out "$(field $hub GatewayApiKeySecretArn)" "the admin role may read the gateway token"

    # The tokens: generated at deploy, 64 hex characters each, different.
    for out in HubApiKeySecretArn GatewayApiKeySecretArn; do
      must "secret_$out" aws_ secretsmanager get-secret-value --secret-id "$(field $hub $out)" --query SecretString --output text
      grep -qxE '[0-9a-f]{64}' "secret_$out.out" || fail "$out is not 64 hex characters"
    done
    ! cmp -s secret_HubApiKeySecretArn.out secret_GatewayApiKeySecretArn.out || fail "both tokens are the same"
    ! grep -qF "$(cat secret_HubApiKeySecretArn.out)" cdk.out/*.json || fail "a token is in the cloud assembly"

    # EFS encrypted, backed up, no mount targets (the kit makes them in the cluster's VPC); key rotation on.
    efs=$(field $hub EFSId)
    must efs aws_ efs describe-file-systems --file-system-id "$efs" --query 'FileSystems[0].Encrypted' --output text
    [ "$(cat efs.out)" = True ] || fail "the EFS file system is not encrypted"
    must backup aws_ efs describe-backup-policy --file-system-id "$efs" --query BackupPolicy.Status --output text
    [ "$(cat backup.out)" = ENABLED ] || fail "EFS backups are $(cat backup.out)"
    must targets aws_ efs describe-mount-targets --file-system-id "$efs" --query 'length(MountTargets)' --output text
    [ "$(cat targets.out)" = 0 ] || fail "the stack made EFS mount targets"
    must rotation aws_ kms get-key-rotation-status --key-id "$(field $hub KMSArn)" --query KeyRotationEnabled --output text
    [ "$(cat rotation.out)" = True ] || fail "KMS key rotation is off"

    # The cluster's policies: external-dns on the looked-up zone, the mount policy on this file system.
    must dns_policy aws_ iam get-policy-version --policy-arn "$(field $hub Route53Arn)" --version-id v1
    contains dns_policy.out "hostedzone/$zone_id" "external-dns is limited to the looked-up zone"
    contains dns_policy.out hub.example.org "external-dns is limited to the hub's records"
    must mount_policy aws_ iam get-policy-version --policy-arn "$(field $hub EFSMountArn)" --version-id v1
    contains mount_policy.out "file-system/$efs" "the mount policy names the file system"
    must asg_policy aws_ iam get-policy-version --policy-arn "$(field $hub ASGArn)" --version-id v1
    contains asg_policy.out "k8s.io/cluster-autoscaler/eks-test" "the autoscaler scales only the cluster's groups"

    # The hub's placeholder record in the zone.
    must record aws_ route53 list-resource-record-sets --hosted-zone-id "$zone_id" \
      --query "ResourceRecordSets[?Name=='hub.example.org.']"
    python3 -c 'import json,sys; r=json.load(open("record.out")); assert len(r)==1, r; r=r[0]
sys.exit(0 if (r["Type"], r["TTL"], r["ResourceRecords"]) == ("CNAME", 300, [{"Value": "0.0.0.0"}]) else 1)' \
      || fail "the hub record is not the placeholder: $(cat record.out)"

    # The CLI never skips a stack with an SSM-typed parameter (the admin host's AMI): it sends a change set,
    # which AWS finds empty while the parameter's value is unchanged and moto executes. Nothing may change.
    must deploy2 cdk deploy daskhub/Daskhub --require-approval never -c instance=daskhub
    [ "$(cat deploy2.out deploy2.err | grep -c '(no changes)')" -eq 2 ] || fail "second deploy changed Base or Auth"
    must diff2 cdk diff daskhub/Daskhub --method=template --fail -c instance=daskhub
    describe hub2 "$(stack_id daskhub/Daskhub)"
    [ "$(field hub2 InstanceID)" = "$instance" ] || fail "the second deploy replaced the admin host"

    # A changed kit (another Let's Encrypt contact) changes only the host's metadata: the same instance, the new
    # kit in the deployed template (cfn-hup brings it to the host; moto runs none).
    mkdir instances2
    cp "$REPO_INSTANCES/default.yaml" instances2/
    sed 's/helio.cloud@example.org/ops.team@example.org/' "$TEST_INSTANCES/daskhub.yaml" >instances2/daskhub.yaml
    app2="$APP --instance-dir $WORK/instances2"
    must deploy3 cdk deploy daskhub/Daskhub --require-approval never -c instance=daskhub --app "$app2"
    describe hub3 "$(stack_id daskhub/Daskhub)"
    [ "$(field hub3 Status)" = UPDATE_COMPLETE ] || fail "after the kit update the stack status is $(field hub3 Status)"
    [ "$(field hub3 InstanceID)" = "$instance" ] || fail "the kit update replaced the admin host"
    must template3 aws_ cloudformation get-template --stack-name "$(stack_id daskhub/Daskhub)" --query TemplateBody --output json
    contains template3.out ops.team@example.org "the deployed metadata holds the new kit"
    no_moto_500
    ;;
  web_sites)
    # Portal and Registration Page of one instance. What moto cannot check here (tests/stacks asserts it on the
    # templates): the WAF web ACLs and their associations (moto's CloudFormation skips AWS::WAFv2::*), the
    # Portal's identity pool, its principal tags and role attachment (AWS::Cognito::IdentityPool* are skipped
    # too, so IdentityPoolId is empty), the Lambda targets (moto registers none) and the load balancers'
    # attributes (ignored). The launcher creates the generated secrets.
    moto_lambda_backend docker
    must zone aws_ route53 create-hosted-zone --name example.org --caller-reference web-sites-test
    # moto checks the listeners' certificate: request one and give its ARN to a copy of the instance file.
    must cert aws_ acm request-certificate --domain-name '*.example.org'
    cert_arn=$(python3 -c 'import json; print(json.load(open("cert.out"))["CertificateArn"])')
    mkdir instances
    sed "s|domain_certificate_arn: .*|domain_certificate_arn: $cert_arn|" "$TEST_INSTANCES/websites.yaml" \
      >instances/websites.yaml
    cp "$TEST_INSTANCES/default.yaml" instances/
    write_cdk_json "$PWD/instances"
    must bootstrap cdk bootstrap aws://123456789012/us-east-1 -c instance=websites
    must deploy cdk deploy --all --require-approval never -c instance=websites
    artifact() {
      python3 -c 'import json,sys; m=json.load(open("cdk.out/manifest.json"))
print(next(k for k,a in m["artifacts"].items() if a.get("displayName")==sys.argv[1]))' "$1"
    }
    auth_id=$(artifact websites/Auth)
    page_id=$(artifact "websites/Registration Page")
    portal_id=$(artifact websites/Portal)
    for id in "$(artifact websites/Base)" "$auth_id" "$page_id" "$portal_id"; do
      describe "st_$id" "$id"
      [ "$(field "st_$id" Status)" = CREATE_COMPLETE ] || fail "$id status is $(field "st_$id" Status)"
    done
    pool=$(field "st_$auth_id" UserPoolId)
    [ "$(field "st_$page_id" RegistrationPageUrl)" = https://register.example.org ] || fail "RegistrationPageUrl is $(field "st_$page_id" RegistrationPageUrl)"
    [ "$(field "st_$portal_id" PortalUrl)" = https://portal.example.org ] || fail "PortalUrl is $(field "st_$portal_id" PortalUrl)"
    for site in page portal; do
      stack_var="${site}_id"
      out_key=$([ $site = page ] && echo RegistrationFunctionName || echo PortalFunctionName)
      fn=$(field "st_${!stack_var}" "$out_key")
      must "fn_$site" aws_ lambda get-function --function-name "$fn"
      contains "fn_$site.out" provided.al2023 "the $site function's runtime"
      contains "fn_$site.out" "\"USER_POOL_ID\": \"$pool\"" "the $site function's user pool (from the Auth stack)"
    done
    contains fn_portal.out '"SITE_URL": "https://portal.example.org"' "the portal's own address"
    must lbs aws_ elbv2 describe-load-balancers
    [ "$(python3 -c 'import json; print(len(json.load(open("lbs.out"))["LoadBalancers"]))')" = 2 ] || fail "expected two load balancers"
    for lb_arn in $(python3 -c 'import json; print(" ".join(l["LoadBalancerArn"] for l in json.load(open("lbs.out"))["LoadBalancers"]))'); do
      must listeners aws_ elbv2 describe-listeners --load-balancer-arn "$lb_arn"
      contains listeners.out '"Protocol": "HTTPS"' "the HTTPS listener"
      contains listeners.out "$cert_arn" "the listener's certificate"
      contains listeners.out ELBSecurityPolicy-TLS13-1-2-2021-06 "the listener's TLS policy"
      contains listeners.out '"Type": "redirect"' "the HTTP listener's redirect"
    done
    must groups aws_ ec2 describe-security-groups --filters "Name=description,Values=Machines launched from the HelioCloud portal"
    contains groups.out 203.0.113.0/24 "the portal machines' configured network"
    ! grep -q 0.0.0.0/0 <(python3 -c 'import json; print(json.load(open("groups.out"))["SecurityGroups"][0]["IpPermissions"])') \
      || fail "the portal machines' security group is open to the world"
    zone_id=$(python3 -c 'import json; print(json.load(open("zone.out"))["HostedZone"]["Id"].split("/")[-1])')
    must records aws_ route53 list-resource-record-sets --hosted-zone-id "$zone_id"
    contains records.out register.example.org. "the registration page's alias record"
    contains records.out portal.example.org. "the portal's alias record"

    must deploy2 cdk deploy --all --require-approval never -c instance=websites
    [ "$(cat deploy2.out deploy2.err | grep -c '(no changes)')" -eq 4 ] || fail "second deploy changed something"
    must destroy cdk destroy --all --force -c instance=websites
    must left aws_ cloudformation list-stacks --query "StackSummaries[?StackStatus!='DELETE_COMPLETE'].StackName" --output text
    ! grep -q websites left.out || fail "stacks left after destroy: $(cat left.out)"
    no_moto_500
    ;;
  *) fail "unknown case $CASE" ;;
esac
