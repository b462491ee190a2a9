#!/usr/bin/env bash
# Parallel PutObject and CopyObject of N small objects against a moto started here, by heliocloud_aws
# (parallel and one at a time) and by `aws s3 cp --recursive` at the same concurrency, with wall time,
# objects/s and peak RSS (GNU time) for each. Then the same C++ run with 4x the objects, to show whether
# memory grows with the object count.
#   bench/aws/run.sh [build dir] [objects] [concurrency] [port]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
build=${1:-$root/build}
count=${2:-1000}
conc=${3:-10}
port=${4:-5290}
bin=$build/bin/aws_s3_bulk_bench
[ -x "$bin" ] || { echo "run.sh: $bin missing; build the 'bench' target first" >&2; exit 1; }
command -v aws >/dev/null || { echo "run.sh: the aws CLI is needed for the comparison" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "run.sh: GNU time (/usr/bin/time) is needed for peak RSS" >&2; exit 1; }

work=$(mktemp -d /tmp/hc-aws-bench.XXXXXX)
state=$work/moto
cleanup() { "$root/tests/support/moto.sh" stop "$state" || true; rm -rf "$work"; }
trap cleanup EXIT
"$root/tests/support/moto.sh" start "$state" "$port"
endpoint=http://127.0.0.1:$port

export AWS_ACCESS_KEY_ID=bench AWS_SECRET_ACCESS_KEY=bench AWS_REGION=us-east-1 AWS_DEFAULT_REGION=us-east-1
export AWS_EC2_METADATA_DISABLED=true AWS_SHARED_CREDENTIALS_FILE=/dev/null
# The awscli's parallelism is set in its config file; the same number goes to the C++ client.
printf '[default]\ns3 =\n  max_concurrent_requests = %s\n' "$conc" >"$work/aws-config"
export AWS_CONFIG_FILE=$work/aws-config
awscli() { aws --endpoint-url "$endpoint" "$@"; }

make_files() {  # $1 dir, $2 count: 1 KiB objects
  mkdir -p "$1"
  python3 - "$1" "$2" <<'PY'
import os, sys
d, n = sys.argv[1], int(sys.argv[2])
for i in range(n):
    with open(os.path.join(d, "obj-%05d.bin" % i), "wb") as f:
        f.write(os.urandom(1024))
PY
}
make_files "$work/files" "$count"
make_files "$work/files4x" $((count * 4))
awscli s3api create-bucket --bucket bench >/dev/null

# Runs a command under GNU time; prints "<label> <objects/s> <seconds> <peak RSS MiB>".
measure() {
  local label=$1 n=$2
  shift 2
  /usr/bin/time -f '%e %M' -o "$work/time" "$@" >"$work/out" 2>"$work/err" || { cat "$work/err" >&2; exit 1; }
  read -r secs kb <"$work/time"
  awk -v l="$label" -v n="$n" -v s="$secs" -v k="$kb" \
    'BEGIN { printf "%-44s %7d %9.1f %8.2f %9.1f\n", l, n, (s > 0 ? n / s : 0), s, k / 1024 }'
}
count_keys() { awscli s3 ls "s3://bench/$1" | wc -l; }

echo "objects=$count (1 KiB each), concurrency=$conc, moto on $endpoint"
printf '%-44s %7s %9s %8s %9s\n' "run" "objects" "objects/s" "seconds" "RSS MiB"
measure "heliocloud_aws PutObject parallel" "$count" \
  "$bin" --endpoint "$endpoint" --bucket bench --op put --dir "$work/files" --prefix cpp/ --count "$count" --concurrency "$conc"
measure "awscli s3 cp --recursive (put)" "$count" aws --endpoint-url "$endpoint" s3 cp --recursive --quiet "$work/files" s3://bench/cli/
measure "heliocloud_aws PutObject one at a time" "$count" \
  "$bin" --endpoint "$endpoint" --bucket bench --op put --dir "$work/files" --prefix cpp1/ --count "$count" --concurrency 1
measure "heliocloud_aws CopyObject parallel" "$count" \
  "$bin" --endpoint "$endpoint" --bucket bench --op copy --src-prefix cpp/ --prefix cppcopy/ --count "$count" --concurrency "$conc"
measure "awscli s3 cp --recursive (server-side copy)" "$count" aws --endpoint-url "$endpoint" s3 cp --recursive --quiet s3://bench/cli/ s3://bench/clicopy/
measure "heliocloud_aws CopyObject one at a time" "$count" \
  "$bin" --endpoint "$endpoint" --bucket bench --op copy --src-prefix cpp/ --prefix cppcopy1/ --count "$count" --concurrency 1
n=10
measure "awscli s3api put-object loop ($n, 1 process each)" "$n" \
  bash -c "for i in \$(seq -f '%05g' 0 $((n - 1))); do aws --endpoint-url $endpoint s3api put-object --bucket bench --key loop/obj-\$i.bin --body $work/files/obj-\$i.bin >/dev/null; done"
measure "heliocloud_aws PutObject parallel (4x objects)" $((count * 4)) \
  "$bin" --endpoint "$endpoint" --bucket bench --op put --dir "$work/files4x" --prefix cpp4x/ --count $((count * 4)) --concurrency "$conc"

for p in cpp/ cli/ cpp1/ cppcopy/ clicopy/ cppcopy1/; do
  got=$(count_keys "$p")
  [ "$got" = "$count" ] || { echo "run.sh: prefix $p holds $got objects, expected $count" >&2; exit 1; }
done
echo "all runs stored the expected object counts"
