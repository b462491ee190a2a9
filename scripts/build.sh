#!/usr/bin/env bash
# Incremental build of what `cdk` commands need (cdk.json runs this first): the CDK app and the Lambda
# packages the Registry stack deploys. The CDK CLI shows our stdout to the user as command output, so the build
# talks on stderr only.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f build/build.ninja ] || cmake --preset default >&2
cmake --build build --target heliocloud-cdk lambda-packages >&2
