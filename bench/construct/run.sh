#!/usr/bin/env bash
# Benchmark of the installer: the C++ app alone, and `cdk synth` through the pinned CLI, for instance/example.yaml
# (Base, Auth, Daskhub with its deploy kit rendered into the admin host's cfn-init metadata, Registry with two
# Lambda packages; environment-agnostic, as the CLI runs it without credentials).
# Goal (issue 3): the app in under 50 ms and 30 MB; with Daskhub, under 30 ms and 30 MB. (aws-cdk-lib's
# equivalent app: about 4 s and 470 MB.)
set -euo pipefail
cd "$(dirname "$0")/../.."
RUNS=${RUNS:-10}
STATS=build/bin/process_stats
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
export CDK_DISABLE_CLI_TELEMETRY=true CDK_DISABLE_VERSION_CHECK=1 NODE_NO_WARNINGS=1
export CDK_CONTEXT_JSON='{"instance":"example","aws:cdk:enable-path-metadata":true,"aws:cdk:enable-asset-metadata":true,"aws:cdk:version-reporting":true}'
CDK_OUTDIR="$out/app" "$STATS" "$RUNS" "heliocloud-cdk (the app alone)" -- build/bin/heliocloud-cdk 2>/dev/null
unset CDK_CONTEXT_JSON
"$STATS" "$RUNS" "cdk synth -c instance=example (CLI + app; RSS is the node process)" -- \
  node_modules/.bin/cdk synth -c instance=example --no-notices -q -o "$out/cli" 2>/dev/null
