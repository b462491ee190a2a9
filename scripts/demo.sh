#!/usr/bin/env bash
# A whole HelioCloud on this machine, offline: `make demo` runs this script.
#
#   demo.sh          install what is missing, build what the demo needs, then `run`
#   demo.sh run      the demo itself (the tools must be built): start the local AWS emulator, deploy every stack
#                    of instance/demo.yaml to it with the real CDK CLI, publish the sample job in demo/, read it
#                    back, serve the Portal and the Registration page; they keep running until `stop`
#   demo.sh stop     stops what the last run started (by the PIDs it recorded)
#
# Each step prints one line with its duration; the detail goes to log files under the state directory
# (HELIOCLOUD_DEMO_DIR, default build/demo). Running it again first stops the previous run, so every run starts
# from an empty emulator. Environment: HELIOCLOUD_BUILD_DIR (default build), HELIOCLOUD_DEMO_PORT (the
# emulator's port; default a free one), HELIOCLOUD_DEMO_WEB_PORTS ("PORTAL REGISTRATION", default "8080 8081";
# a port that is taken, or not a number, becomes a free one).
set -euo pipefail
export LC_ALL=C  # EPOCHREALTIME with a decimal point, for the durations
demo_finished=false
repo=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "$repo" && realpath -m "${HELIOCLOUD_BUILD_DIR:-build}")
state=$(cd "$repo" && realpath -m "${HELIOCLOUD_DEMO_DIR:-build/demo}")
logs=$state/logs
instance=demo
account=123456789012
region=us-east-1
dataset_bucket=heliocloud-demo-public  # instance/demo.yaml's registry.datasetBucketNames
job_dir=$repo/demo/sample-job
cdk_cli=$repo/node_modules/.bin/cdk
bin=$build/bin

# ---- output: one line per step ---------------------------------------------------------------------------------
step_no=0
step_start=0
step_name=""
begin() {
  step_no=$((step_no + 1))
  step_name=$1
  step_start=$EPOCHREALTIME
}
elapsed() { awk -v a="$1" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.1f s", b - a }'; }
# done_step <text>: the step's line.
done_step() { printf '%-10s %s (%s)\n' "$step_name" "$1" "$(elapsed "$step_start")"; }
# quietly <log> <command...>: the command's output goes to <log>; on failure the step stops the demo and shows
# the end of that log.
quietly() {
  local log=$1
  shift
  if ! "$@" >>"$log" 2>&1; then
    printf '%-10s FAILED (%s): %s\n' "$step_name" "$(elapsed "$step_start")" "$*" >&2
    echo "---- last lines of $log:" >&2
    tail -n 30 "$log" >&2
    exit 1
  fi
}
fail() {
  printf '%-10s FAILED: %s\n' "${step_name:-demo}" "$*" >&2
  exit 1
}

# ---- processes this demo starts: recorded by PID, stopped by PID -----------------------------------------------
pid_dir=$state/pids
# start_background <name> <log> <command...>: in its own session, so it outlives `make`; PID in pids/<name>.
start_background() {
  local name=$1 log=$2
  shift 2
  mkdir -p "$pid_dir"
  setsid "$@" >"$log" 2>&1 </dev/null &
  echo $! >"$pid_dir/$name"
}
stop_recorded() {
  local f pid
  for f in "$pid_dir"/*; do
    [ -f "$f" ] || continue
    pid=$(cat "$f")
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
    rm -f "$f"
  done
  "$repo/tests/support/moto.sh" stop "$state/moto"
}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}
port_is_free() {
  python3 -c 'import socket,sys; s=socket.socket(); s.bind(("127.0.0.1", int(sys.argv[1])))' "$1" 2>/dev/null
}
# usable_port <wish>: the wished port when it is a number and free, else a free one.
usable_port() {
  if [[ $1 =~ ^[1-9][0-9]*$ ]] && port_is_free "$1"; then echo "$1"; else free_port; fi
}
wait_for_http() {  # <url>: up to 10 s
  for _ in $(seq 1 100); do
    curl -sf -o /dev/null "$1" && return 0
    sleep 0.1
  done
  return 1
}

# ---- install and build -------------------------------------------------------------------------------------------
# The targets the demo runs: the CDK app, the Lambda packages the stacks deploy as assets (the Registry's
# functions, the custom-resource provider, Portal and Registration page: the same binaries serve locally), the
# heliocloud CLI and the OIDC stand-in.
demo_targets=(heliocloud-cdk lambda-packages heliocloud oidc_stand_in)

install_and_build() {
  mkdir -p "$logs"
  begin deps
  : >"$logs/install.log"
  quietly "$logs/install.log" "$repo/scripts/install-deps.sh" --demo
  # Not installable from the project's files (PyPI is not reachable from our machines): checked, named.
  python3 -c 'import moto, boto3' 2>/dev/null || fail "python3 cannot import moto (5.2.1, with boto3); install it first"
  command -v aws >/dev/null || fail "aws (awscli) is not installed; install it first"
  done_step "Debian and npm packages present, moto and awscli found (detail: $logs/install.log)"

  begin build
  : >"$logs/build.log"
  if [ ! -f "$build/build.ninja" ]; then  # the default preset, in whichever build directory
    quietly "$logs/build.log" cmake -S "$repo" -B "$build" --preset default
  fi
  quietly "$logs/build.log" cmake --build "$build" --target "${demo_targets[@]}"
  done_step "${demo_targets[*]} built in $build (detail: $logs/build.log)"
}

# ---- the demo ----------------------------------------------------------------------------------------------------
aws_() { aws --endpoint-url "$endpoint" --output json "$@"; }
cdk_() { (cd "$state/cdk" && "$cdk_cli" "$@" --no-notices); }

# The outputs of every deployed stack, by key (the demo's stacks have no key in common that it reads).
output() {
  python3 -c 'import json,sys
for s in json.load(open(sys.argv[1]))["Stacks"]:
    for o in s.get("Outputs") or []:
        if o["OutputKey"] == sys.argv[2]: print(o["OutputValue"]); sys.exit(0)
sys.exit("no stack output " + sys.argv[2])' "$state/stacks.json" "$1"
}

start_emulator() {
  begin emulator
  for tool in python3 aws curl; do command -v "$tool" >/dev/null || fail "$tool is not installed (see README)"; done
  [ -x "$cdk_cli" ] || fail "$cdk_cli is missing: run scripts/install-deps.sh (or make demo)"
  for b in heliocloud-cdk heliocloud heliocloud-portal heliocloud-registration oidc_stand_in; do
    [ -x "$bin/$b" ] || fail "$bin/$b is not built: run make demo (or cmake --build build --target ${demo_targets[*]})"
  done
  local port=${HELIOCLOUD_DEMO_PORT:-$(free_port)}
  endpoint=http://127.0.0.1:$port
  quietly "$logs/emulator.log" "$repo/tests/support/moto.sh" start "$state/moto" "$port"
  unset AWS_PROFILE AWS_SESSION_TOKEN CDK_DEFAULT_ACCOUNT CDK_DEFAULT_REGION
  export AWS_ENDPOINT_URL=$endpoint AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test AWS_REGION=$region \
    AWS_DEFAULT_REGION=$region AWS_EC2_METADATA_DISABLED=true AWS_CONFIG_FILE=/dev/null \
    AWS_SHARED_CREDENTIALS_FILE=/dev/null CDK_DISABLE_CLI_TELEMETRY=true CDK_DISABLE_VERSION_CHECK=1 \
    NODE_NO_WARNINGS=1
  # moto keeps the functions CloudFormation creates in its Docker Lambda backend; its API must answer from
  # there (no Docker is started: the demo invokes no function).
  quietly "$logs/emulator.log" curl -sf -X POST "$endpoint/moto-api/config" \
    -H 'Content-Type: application/json' -d '{"lambda":{"use_docker":true}}'
  # The web sites' DNS zone (looked up by the CLI) and a certificate for their load balancers, which moto
  # checks: the instance file the CLI reads is instance/demo.yaml with this certificate's ARN.
  quietly "$logs/emulator.log" aws_ route53 create-hosted-zone --name heliocloud.test --caller-reference "demo-$port"
  local cert
  cert=$(aws_ acm request-certificate --domain-name '*.heliocloud.test' --query CertificateArn --output text \
    2>>"$logs/emulator.log") || fail "the emulator refused a certificate request (see $logs/emulator.log)"
  rm -rf "$state/instance" "$state/cdk"
  mkdir -p "$state/instance" "$state/cdk"
  cp "$repo/instance/default.yaml" "$state/instance/"
  sed "s|arn:aws:acm:us-east-1:123456789012:certificate/00000000-0000-4000-8000-000000000000|$cert|" \
    "$repo/instance/demo.yaml" >"$state/instance/demo.yaml"
  python3 - "$bin/heliocloud-cdk" "$state/instance" >"$state/cdk/cdk.json" <<'EOF'
import json, shlex, sys
print(json.dumps({"app": f"{shlex.quote(sys.argv[1])} --instance-dir {shlex.quote(sys.argv[2])}",
                  "output": "cdk.out", "notices": False}, indent=2))
EOF
  done_step "moto on $endpoint (PID $(cat "$state/moto/moto.pid"); log $state/moto/moto.log)"
}

deploy() {
  begin bootstrap
  quietly "$logs/deploy.log" cdk_ bootstrap "aws://$account/$region" -c instance=$instance
  done_step "cdk bootstrap aws://$account/$region (the CDK's roles and asset bucket, in the emulator)"

  begin deploy
  quietly "$logs/deploy.log" cdk_ deploy --all --require-approval never -c instance=$instance
  aws_ cloudformation describe-stacks >"$state/stacks.json" 2>>"$logs/deploy.log" ||
    fail "cannot describe the deployed stacks (see $logs/deploy.log)"
  local stacks
  stacks=$(python3 -c 'import json,sys
m=json.load(open(sys.argv[1]))["artifacts"]
print(", ".join(sorted(a["displayName"] for a in m.values() if a.get("type")=="aws:cloudformation:stack")))' \
    "$state/cdk/cdk.out/manifest.json")
  done_step "cdk deploy --all -c instance=$instance: $stacks"
  echo "           the emulator skips, and these stacks therefore lack: WAF web ACLs, Cognito identity pools and hosted UI, S3 bucket policies; it runs no Lambda function, EC2 instance or custom resource"
}

publish() {
  begin publish
  quietly "$logs/publish.log" "$bin/heliocloud" upload "$job_dir" $instance sample --overwrite \
    --instance-dir "$state/instance"
  quietly "$logs/publish.log" "$bin/heliocloud" ingest --local $instance sample --instance-dir "$state/instance"
  quietly "$logs/publish.log" "$bin/heliocloud" catalog --local $instance --instance-dir "$state/instance"
  done_step "demo/sample-job uploaded to the ingest bucket, ingested and catalogued with heliocloud"
  echo "           the emulator cannot run Lambda functions, so ingest --local and catalog --local ran the functions' code in this process, on the deployed buckets and DynamoDB table (Registry stack outputs)"
}

# Reads the published data back as any CloudCatalog user would, with heliocloud's client commands (catalog.json,
# then each dataset's index rows; signed, since the emulator applies no bucket policy), and checks the files
# against the job.
read_back() {
  begin read-back
  local catalog="s3://$dataset_bucket/"
  "$bin/heliocloud" datasets "$catalog" --sign --json >"$state/datasets.json" 2>>"$logs/read-back.log" ||
    fail "heliocloud datasets $catalog failed (see $logs/read-back.log)"
  local id
  for id in $(python3 -c 'import json,sys; print(" ".join(d["id"] for d in json.load(open(sys.argv[1]))))' \
    "$state/datasets.json"); do
    "$bin/heliocloud" files "$catalog" "$id" --sign --json >"$state/files-$id.json" 2>>"$logs/read-back.log" ||
      fail "heliocloud files $catalog $id failed (see $logs/read-back.log)"
  done
  local summary
  summary=$(python3 - "$state" "$job_dir" "$catalog" <<'EOF'
import json, os, sys
state, job, catalog = sys.argv[1:]
datasets = json.load(open(os.path.join(state, "datasets.json")))
lines = [f"{len(datasets)} dataset(s) read back from {catalog} with heliocloud datasets / files"]
problems = []
for d in datasets:
    rows = json.load(open(os.path.join(state, f'files-{d["id"]}.json')))
    size = sum(int(r["filesize"]) for r in rows)
    years = sorted({r["start"][:4] for r in rows})
    with open(os.path.join(job, d["id"], "manifest.csv")) as m:
        expected = sum(1 for line in m if line.strip() and not line.startswith("#"))
    if len(rows) != expected:
        problems.append(f'{d["id"]}: {len(rows)} file(s) in its index, {expected} in the job')
    lines.append(f'  {d["id"]:<18} {d["start"][:10]} .. {d["stop"][:10]}  {len(rows):>3} files, '
                 f'{size / 1024:.0f} KiB, years {", ".join(years)}  {d["title"]}')
print("\n".join(lines))
if problems:
    sys.exit("read back differs from the job: " + "; ".join(problems))
EOF
  ) || fail "$summary"
  done_step "${summary%%$'\n'*}"
  printf '%s\n' "$summary" | tail -n +2 | sed 's/^/         /'
}

serve_web_apps() {
  begin web-apps
  local ports portal_port registration_port
  read -r -a ports <<<"${HELIOCLOUD_DEMO_WEB_PORTS:-8080 8081}"
  portal_port=$(usable_port "${ports[0]:-}")
  registration_port=$(usable_port "${ports[1]:-}")
  local pool client secret identity_pool issuer
  pool=$(output UserPoolId) || fail "the Auth stack has no UserPoolId output"
  client=$(output ClientIdPortal) || fail "the Auth stack has no ClientIdPortal output"
  secret=$(aws_ cognito-idp describe-user-pool-client --user-pool-id "$pool" --client-id "$client" \
    --query UserPoolClient.ClientSecret --output text 2>>"$logs/web-apps.log") ||
    fail "cannot read the portal client of pool $pool (see $logs/web-apps.log)"
  # The emulator skips AWS::Cognito::IdentityPool under CloudFormation; the Portal needs one to act as the user.
  identity_pool=$(aws_ cognito-identity create-identity-pool --identity-pool-name heliocloud_demo_portal \
    --no-allow-unauthenticated-identities --query IdentityPoolId --output text 2>>"$logs/web-apps.log") ||
    fail "cannot create the portal's identity pool (see $logs/web-apps.log)"

  local portal_url=http://127.0.0.1:$portal_port registration_url=http://127.0.0.1:$registration_port
  # moto has no hosted UI: the OIDC stand-in plays the pool's sign-in pages for the deployed portal client,
  # signing in the user demo (group admins) without a password.
  start_background oidc "$logs/oidc.log" "$bin/oidc_stand_in" --client-id "$client" --client-secret "$secret" \
    --redirect-uri "$portal_url/loggedin" --logout-uri "$portal_url/" --username demo \
    --email demo@example.org --group admins
  for _ in $(seq 1 100); do
    issuer=$(sed -n 's/^issuer=//p' "$logs/oidc.log")
    [ -n "$issuer" ] && break
    sleep 0.1
  done
  [ -n "$issuer" ] || fail "the OIDC stand-in did not start (see $logs/oidc.log)"

  start_background portal "$logs/portal.log" "$bin/heliocloud-portal" --listen "127.0.0.1:$portal_port" \
    --endpoint-url "$endpoint" --region "$region" --user-pool-id "$pool" --client-id "$client" \
    --identity-pool-id "$identity_pool" --issuer "$issuer" --cognito-domain "$issuer" \
    --site-url "$portal_url" --instance-types t3.micro,t3.small
  start_background registration "$logs/registration.log" "$bin/heliocloud-registration" \
    --listen "127.0.0.1:$registration_port" --user-pool-id "$pool" --region "$region" --endpoint-url "$endpoint"
  wait_for_http "$portal_url/health" || fail "the Portal did not answer on $portal_url (see $logs/portal.log)"
  wait_for_http "$registration_url/health" ||
    fail "the Registration page did not answer on $registration_url (see $logs/registration.log)"
  # What runs, for scripts and tests (shell assignments).
  printf 'portal=%s\nregistration=%s\nendpoint=%s\nuser_pool=%s\n' "$portal_url" "$registration_url" \
    "$endpoint" "$pool" >"$state/running"
  done_step "Portal and Registration page on the deployed user pool $pool"
  cat <<EOF
           Portal:            $portal_url/   (sign in: user "demo", group admins, signed in by the OIDC stand-in
                              tests/support/oidc_stand_in without a password: moto has no Cognito hosted UI)
           Registration page: $registration_url/   (registrations land disabled in the pool; approve them as
                              demo on the Portal's /approvals)
           emulator:          $endpoint   (aws --endpoint-url $endpoint s3 ls s3://$dataset_bucket/)
           stop:              make demo-stop   (or scripts/demo.sh stop); logs in $logs
EOF
}

run_demo() {
  mkdir -p "$logs"
  rm -f "$state/running"
  stop_recorded  # a previous run's processes, so that this one starts from an empty emulator
  rm -f "$logs"/emulator.log "$logs"/deploy.log "$logs"/publish.log "$logs"/read-back.log "$logs"/web-apps.log
  local started=$EPOCHREALTIME
  # Interrupted or failed: stop what this run started. Finished: everything keeps running until `stop`.
  trap '[ "$demo_finished" = true ] || stop_recorded' EXIT
  start_emulator
  deploy
  publish
  read_back
  serve_web_apps
  demo_finished=true
  echo "demo: running after $(elapsed "$started") (emulator, deploy, publish, read-back, web apps)"
}

case "${1:-all}" in
  all)
    install_and_build
    run_demo
    ;;
  run) run_demo ;;
  stop)
    stop_recorded
    echo "demo: stopped"
    ;;
  *)
    echo "usage: $0 [all|run|stop]" >&2
    exit 2
    ;;
esac
