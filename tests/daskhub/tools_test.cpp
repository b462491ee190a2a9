// Runs the rendered 00-tools.sh against a stand-in for curl that serves locally built release assets, to
// check that it installs the pinned versions, verifies each download against the project's checksum file, and
// refuses a tampered one.
#include <gtest/gtest.h>

#include "kit_test_support.h"

namespace heliocloud::daskhub {
namespace {

using namespace heliocloud::daskhub::testing;  // NOLINT(google-build-using-namespace): test helpers

// curl -fsSL --retry 3 -o OUT URL: copies $FAKE_DL/<last path segment of URL> to OUT.
const char* const kFakeDownloadCurl = R"sh(#!/usr/bin/env bash
while (($#)); do
  case "$1" in -o) out="$2"; shift ;; *) url="$1" ;; esac
  shift
done
cp "$FAKE_DL/${url##*/}" "$out"
)sh";

// Builds the four release assets and their checksum files, named as the projects publish them, with the
// versions the script pins (read from the script, so the pins stay in one place).
const char* const kMakeAssets = R"sh(set -euo pipefail
eval "$(grep -E '^[A-Z]+_VERSION=' 00-tools.sh)"
dl="$FAKE_DL"
mkdir -p "$dl/linux-amd64"
tool() { printf '#!/bin/sh\necho "%s"\n' "$2" >"$1"; chmod 0755 "$1"; }
tool "$dl/kubectl" "Client Version: ${KUBECTL_VERSION}"
sha256sum "$dl/kubectl" | cut -d' ' -f1 >"$dl/kubectl.sha256"
tool "$dl/eksctl" "${EKSCTL_VERSION#v}"
tar -czf "$dl/eksctl_Linux_amd64.tar.gz" -C "$dl" eksctl
(cd "$dl" && sha256sum eksctl_Linux_amd64.tar.gz >eksctl_checksums.txt)
tool "$dl/linux-amd64/helm" "${HELM_VERSION}+g0123456"
helm_tgz="helm-${HELM_VERSION}-linux-amd64.tar.gz"
tar -czf "$dl/$helm_tgz" -C "$dl" linux-amd64/helm
(cd "$dl" && sha256sum "$helm_tgz" >"$helm_tgz.sha256sum")
tool "$dl/kustomize" "${KUSTOMIZE_VERSION}"
kustomize_tgz="kustomize_${KUSTOMIZE_VERSION}_linux_amd64.tar.gz"
tar -czf "$dl/$kustomize_tgz" -C "$dl" kustomize
(cd "$dl" && sha256sum "$kustomize_tgz" >checksums.txt)
)sh";

class ToolsTest : public ::testing::Test {
 protected:
  ToolsTest() : kit_(load("minimal", kMinimalInstance), "tools"), fake_(kit_.dir().string() + "-fake") {
    for (const char* dir : {"bin", "dl", "installed"}) fs::create_directories(fake_ / dir);
    std::ofstream(fake_ / "bin" / "curl") << kFakeDownloadCurl;
    std::ofstream(fake_ / "bin" / "aws") << "#!/bin/sh\nexit 0\n";
    fs::permissions(fake_ / "bin" / "curl", fs::perms::owner_all);
    fs::permissions(fake_ / "bin" / "aws", fs::perms::owner_all);
  }
  ~ToolsTest() override { fs::remove_all(fake_); }

  std::string env() const {
    return "cd " + quote(kit_.dir().string()) + " && export FAKE_DL=" + quote((fake_ / "dl").string()) +
           " INSTALL_DIR=" + quote((fake_ / "installed").string()) +
           " PATH=" + quote((fake_ / "installed").string() + ":" + (fake_ / "bin").string()) +
           ":\"$PATH\" && ";
  }
  CommandResult make_assets() const { return run(env() + "bash -c " + quote(kMakeAssets)); }
  CommandResult install() const { return run(env() + "./00-tools.sh"); }

  RenderedKit kit_;
  fs::path fake_;
};

TEST_F(ToolsTest, InstallsThePinnedVersionsOnceAndVerifiesThem) {
  if (run("uname -m").output != "x86_64\n") GTEST_SKIP() << "the stand-in assets are built for amd64";
  ASSERT_EQ(make_assets().status, 0);
  const auto first = install();
  ASSERT_EQ(first.status, 0) << first.output;
  for (const char* tool : {"kubectl", "eksctl", "helm", "kustomize"}) {
    EXPECT_TRUE(fs::exists(fake_ / "installed" / tool)) << tool;
    EXPECT_NE(first.output.find(std::string("installed ") + tool + " v"), std::string::npos) << first.output;
  }
  const auto second = install();
  ASSERT_EQ(second.status, 0) << second.output;
  for (const char* tool : {"kubectl", "eksctl", "helm", "kustomize"})
    EXPECT_NE(second.output.find(std::string(tool) + " v"), std::string::npos) << second.output;
  EXPECT_EQ(second.output.find("installed "), std::string::npos) << "installed again:\n" << second.output;
}

TEST_F(ToolsTest, RefusesADownloadThatDoesNotMatchItsChecksum) {
  if (run("uname -m").output != "x86_64\n") GTEST_SKIP() << "the stand-in assets are built for amd64";
  ASSERT_EQ(make_assets().status, 0);
  // Replace helm's archive after its checksum was published.
  const auto tamper = run(env() +
                          "eval \"$(grep -E '^HELM_VERSION=' 00-tools.sh)\" && echo x "
                          ">>\"$FAKE_DL/helm-${HELM_VERSION}-linux-amd64.tar.gz\"");
  ASSERT_EQ(tamper.status, 0) << tamper.output;
  const auto r = install();
  EXPECT_NE(r.status, 0);
  EXPECT_NE(r.output.find("checksum mismatch for helm-v"), std::string::npos) << r.output;
  EXPECT_FALSE(fs::exists(fake_ / "installed" / "helm"));
}

}  // namespace
}  // namespace heliocloud::daskhub
