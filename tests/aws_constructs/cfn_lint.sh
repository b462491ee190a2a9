#!/usr/bin/env bash
# cfn_lint.sh <fixture binary> <work dir>: the template of every L2 construct passes cfn-lint without errors.
# Warnings are printed, not failed on (as tests/cdk/lint.sh); W3005 (a DependsOn a Ref already implies) and
# W1020 (Fn::Sub without variables) are ignored there too, for the same reasons.
set -euo pipefail
fixture=${1:?fixture binary}
work=${2:?work dir}
command -v cfn-lint >/dev/null || { echo "FAIL: cfn-lint is not installed" >&2; exit 1; }
rm -rf "$work"
mkdir -p "$work"
"$fixture" "$work/fixture.template.json"
rc=0
cfn-lint --format parseable --regions us-east-1 --ignore-checks W3005 W1020 -- "$work/fixture.template.json" || rc=$?
[ $((rc & 2)) -eq 0 ] || { echo "FAIL: cfn-lint found errors (exit $rc)" >&2; exit 1; }
[ $((rc & ~(2 | 4 | 8))) -eq 0 ] || { echo "FAIL: cfn-lint failed to run (exit $rc)" >&2; exit 1; }
echo "cfn-lint: no errors (exit $rc)"
