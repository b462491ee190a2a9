#!/usr/bin/env bash
# Installs the kit's tools at pinned versions into /usr/local/bin (or $INSTALL_DIR), each checked against
# the checksum file its project publishes next to the release asset. Re-runnable: a tool already at its
# version is kept.
# Runs as root (cfn-init runs it when the stack delivers or updates the kit) or as a user with sudo.
set -euo pipefail
cd "$(dirname "$0")"

# The pinned versions, in one place. kubectl follows the cluster's Kubernetes minor version (1.31).
KUBECTL_VERSION=v1.31.0
EKSCTL_VERSION=v0.194.0
HELM_VERSION=v3.16.2
KUSTOMIZE_VERSION=v5.4.3

log() { printf '%s [00-tools] %s\n' "$(date -u +%H:%M:%S)" "$*"; }
die() {
  printf 'ERROR [00-tools]: %s\n' "$*" >&2
  exit 1
}

case "$(uname -m)" in
x86_64) ARCH=amd64 ;;
aarch64) ARCH=arm64 ;;
*) die "unsupported machine $(uname -m)" ;;
esac

# Where the tools go; sudo only when that directory is not writable (user data runs this as root).
INSTALL_DIR="${INSTALL_DIR:-/usr/local/bin}"
SUDO=""
[[ -w "$INSTALL_DIR" ]] || SUDO=sudo
command -v curl >/dev/null || die "curl is missing"
command -v aws >/dev/null || die "the AWS CLI v2 is missing (Amazon Linux 2023 ships it)"

WORK="$(mktemp -d)"
trap 'rm -rf -- "$WORK"' EXIT

fetch() { curl -fsSL --retry 3 -o "$2" "$1" || die "download failed: $1"; }

# Verifies $1 (a file in $WORK) against a "<sha256>  <name>" list in $2 (as the projects publish them).
verify_listed() {
  local name="$1" list="$2" line
  line="$(awk -v n="$name" '$2 == n || $2 == "*" n { print $1 "  " n }' "$list")"
  [[ -n "$line" ]] || die "$name is not in its checksum file"
  (cd "$WORK" && printf '%s\n' "$line" | sha256sum --check --quiet -) || die "checksum mismatch for $name"
}

install_bin() { $SUDO install -m 0755 "$1" "${INSTALL_DIR}/$2"; }

install_kubectl() {
  if command -v kubectl >/dev/null && kubectl version --client 2>/dev/null | grep -qF "$KUBECTL_VERSION"; then
    log "kubectl $KUBECTL_VERSION already installed"
    return
  fi
  local base="https://dl.k8s.io/release/${KUBECTL_VERSION}/bin/linux/${ARCH}"
  fetch "$base/kubectl" "$WORK/kubectl"
  fetch "$base/kubectl.sha256" "$WORK/kubectl.sha256"
  printf '%s  kubectl\n' "$(tr -d '[:space:]' <"$WORK/kubectl.sha256")" >"$WORK/kubectl.list"
  verify_listed kubectl "$WORK/kubectl.list"
  install_bin "$WORK/kubectl" kubectl
  log "installed kubectl $KUBECTL_VERSION"
}

install_eksctl() {
  if command -v eksctl >/dev/null && [[ "v$(eksctl version 2>/dev/null)" == "$EKSCTL_VERSION" ]]; then
    log "eksctl $EKSCTL_VERSION already installed"
    return
  fi
  local asset="eksctl_Linux_${ARCH}.tar.gz"
  local base="https://github.com/eksctl-io/eksctl/releases/download/${EKSCTL_VERSION}"
  fetch "$base/$asset" "$WORK/$asset"
  fetch "$base/eksctl_checksums.txt" "$WORK/eksctl_checksums.txt"
  verify_listed "$asset" "$WORK/eksctl_checksums.txt"
  tar -xzf "$WORK/$asset" -C "$WORK" eksctl
  install_bin "$WORK/eksctl" eksctl
  log "installed eksctl $EKSCTL_VERSION"
}

install_helm() {
  if command -v helm >/dev/null && helm version --short 2>/dev/null | grep -qF "$HELM_VERSION"; then
    log "helm $HELM_VERSION already installed"
    return
  fi
  local asset="helm-${HELM_VERSION}-linux-${ARCH}.tar.gz"
  fetch "https://get.helm.sh/$asset" "$WORK/$asset"
  fetch "https://get.helm.sh/$asset.sha256sum" "$WORK/helm.sha256sum"
  verify_listed "$asset" "$WORK/helm.sha256sum"
  tar -xzf "$WORK/$asset" -C "$WORK" "linux-${ARCH}/helm"
  install_bin "$WORK/linux-${ARCH}/helm" helm
  log "installed helm $HELM_VERSION"
}

install_kustomize() {
  if command -v kustomize >/dev/null && kustomize version 2>/dev/null | grep -qF "$KUSTOMIZE_VERSION"; then
    log "kustomize $KUSTOMIZE_VERSION already installed"
    return
  fi
  local asset="kustomize_${KUSTOMIZE_VERSION}_linux_${ARCH}.tar.gz"
  local base="https://github.com/kubernetes-sigs/kustomize/releases/download/kustomize%2F${KUSTOMIZE_VERSION}"
  fetch "$base/$asset" "$WORK/$asset"
  fetch "$base/checksums.txt" "$WORK/kustomize_checksums.txt"
  verify_listed "$asset" "$WORK/kustomize_checksums.txt"
  tar -xzf "$WORK/$asset" -C "$WORK" kustomize
  install_bin "$WORK/kustomize" kustomize
  log "installed kustomize $KUSTOMIZE_VERSION"
}

install_kubectl
install_eksctl
install_helm
install_kustomize
for tool in aws kubectl eksctl helm kustomize python3; do
  command -v "$tool" >/dev/null || die "$tool is still missing"
done
log "all tools present"
