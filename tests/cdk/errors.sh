#!/usr/bin/env bash
# Instance selection and validation errors: non-zero exit and a message that tells the operator what to do.
source "$(dirname "$0")/lib.sh"

# listed <stderr file> <instance dir>: every instance file of the dir is listed, one per line.
listed() {
  local f name
  for f in "$2"/*.yaml; do
    name=$(basename "$f" .yaml)
    [ "$name" = default ] && continue
    grep -qE "^[[:space:]]*(- )?$name\$" "$1" || fail "instance '$name' of $2 is not listed on stderr"
  done
}

case "$CASE" in
  no_instance)
    write_cdk_json "$REPO_INSTANCES"
    must_fail ls cdk ls
    contains ls.err "-c instance=" "stderr shows how to pass the instance"
    listed ls.err "$REPO_INSTANCES"
    [ ! -s ls.out ] || fail "stdout is not empty: $(cat ls.out)"
    ;;
  unknown_instance)
    write_cdk_json "$TEST_INSTANCES"
    must_fail ls cdk ls -c instance=nosuchinstance
    contains ls.err "nosuchinstance" "stderr names the unknown instance"
    listed ls.err "$TEST_INSTANCES"
    ;;
  bad_instance)
    write_cdk_json "$TEST_INSTANCES"
    must_fail synth cdk synth -c instance=bad
    contains synth.err "bad.yaml" "stderr names the file"
    contains synth.err "auth.removal_policy" "stderr names the key"
    contains synth.err "KEEP" "stderr names the bad value"
    contains synth.err "RETAIN" "stderr says what is allowed"
    ;;
  *) fail "unknown case $CASE" ;;
esac
