#!/usr/bin/env bash
# helm post-renderer: reads helm's manifests on stdin, applies this folder's kustomization to them, writes the
# result to stdout. It works in a private temporary directory, because the manifests include the hub's secrets.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf -- "$work"' EXIT
cp "$here/kustomization.yaml" "$here"/patch-*.yaml "$work/"
cat >"$work/all.yaml"
kustomize build "$work"
