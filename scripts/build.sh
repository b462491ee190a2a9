#!/usr/bin/env bash
# Incremental build of the C++ binaries (cdk.json runs this before every cdk command). The CDK CLI shows our
# stdout to the user as command output, so the build talks on stderr only.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f build/build.ninja ] || cmake --preset default >&2
cmake --build build --target heliocloud-cdk >&2
