#!/usr/bin/env bash
# Installs everything HelioCloud-C++ needs on Debian 12, from the project's own files only:
# Debian packages through apt, and the pinned npm packages (the AWS CDK CLI, the web pages' CSS framework,
# the browser driver and test data) through `npm ci`.
# Safe to run again: apt and npm ci skip what is already there.
# Usage: install-deps.sh [--demo]
#   --demo  only what configuring, building and `make demo` need: not the checking tools (clang-tidy, clang for
#           fuzzing, chromium for the browser tests, wrk, shellcheck, yamllint, kubectl): about 0.9 GB
#           that a first demo need not wait for; `make test` installs them.
set -euo pipefail
cd "$(dirname "$0")/.."
only_demo=false
case "${1:-}" in
  --demo) only_demo=true ;;
  "") ;;
  *) echo "install-deps: unknown option $1 (usage: install-deps.sh [--demo])" >&2; exit 2 ;;
esac

# What configuring and building every target needs (the test and benchmark libraries included: the build
# directory `make demo` configures is the one `make test` builds), and what the demo runs.
APT_PACKAGES=(
  g++ binutils cmake ninja-build make pkg-config curl ca-certificates
  libyaml-cpp-dev nlohmann-json3-dev libcurl4-openssl-dev libssl-dev libcli11-dev
  libhowardhinnant-date-dev libsqlite3-dev zlib1g-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  libkainjow-mustache-dev libcpp-httplib-dev
)
# Node.js runs the CDK CLI; take Debian's unless a Node.js is already installed.
command -v node >/dev/null 2>&1 || APT_PACKAGES+=(nodejs)
command -v npm >/dev/null 2>&1 || APT_PACKAGES+=(npm)
if ! $only_demo; then
  APT_PACKAGES+=(
    clang-format
    clang-tidy-22  # .clang-tidy's version (bookworm's security suite): it skips system headers, 10x faster than 14
    shellcheck yamllint
    wrk  # bench/web: requests per second of the web apps' local server
    clang libclang-rt-14-dev  # fuzz/: libFuzzer and the sanitizer runtimes for clang (make fuzz)
  )
  # The web apps' browser tests drive Debian's chromium (headless) with playwright-core from npm: playwright's
  # own browser download is not reachable from our machines, and Debian's build gets security updates.
  APT_PACKAGES+=(chromium)
  # kubectl (with its built-in kustomize) checks the Daskhub kit's overlays; Debian's unless one is installed.
  command -v kubectl >/dev/null 2>&1 || APT_PACKAGES+=(kubernetes-client)
fi

missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "install-deps: apt-get install ${missing[*]}" >&2
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
fi

# npm ci only when the lock file changed since the last install (it wipes node_modules every time).
stamp=node_modules/.package-lock.sha256
want=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  echo "install-deps: npm ci" >&2
  npm ci --no-audit --no-fund >&2
  echo "$want" >"$stamp"
fi
