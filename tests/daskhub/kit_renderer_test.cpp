// Renders the Daskhub deploy kit for three instances (the example, every optional key set, every optional key
// absent) and checks the result with the tools the operator's host will run it with: shellcheck, yamllint and
// kustomize (kubectl's built-in), after filling the <<CNF_OUTPUT_*>> placeholders as 00-bootstrap.sh would.
#include "daskhub/kit_renderer.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include "contracts/daskhub.h"
#include "daskhub/embedded_kit.h"
#include "daskhub/kit_view.h"
#include "kit_test_support.h"

namespace heliocloud::daskhub {
namespace {

using namespace heliocloud::daskhub::testing;  // NOLINT(google-build-using-namespace): test helpers

// Just the two objects of the daskhub chart's output that the post-renderer patches.
const char* const kHelmOutputSample = R"(apiVersion: apps/v1
kind: Deployment
metadata:
  name: autohttps
spec:
  selector:
    matchLabels:
      component: autohttps
  template:
    metadata:
      labels:
        component: autohttps
    spec:
      initContainers:
        - name: load-acme
          image: traefik
      containers:
        - name: traefik
          image: traefik
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: user-scheduler
data:
  config.yaml: |
    apiVersion: kubescheduler.config.k8s.io/v1
)";

class KitRenderingTest : public ::testing::TestWithParam<std::pair<const char*, const char*>> {};

TEST_P(KitRenderingTest, RendersAKitTheToolsAccept) {
  const auto [name, yaml] = GetParam();
  const auto config = load(name, yaml);
  RenderedKit kit(config, name);
  ASSERT_FALSE(kit.files().empty());

  struct stat top {};
  ASSERT_EQ(::stat(kit.dir().c_str(), &top), 0);
  EXPECT_EQ(top.st_mode & 0777U, 0700U);
  // Sorted, modes right, nothing unresolved, nothing that looks like a secret or a missing value.
  // In YAML, a missing value shows as None (Python's), null or ~; in scripts as an empty or 'None'
  // assignment.
  const std::regex missing_yaml(R"(:\s*(""|''|null|~)\s*$|\bNone\b)");
  const std::regex missing_shell(R"(^\s*[A-Z_]+=(''|'None')\s*$)");
  const std::regex secret_like(R"((secret|token|password)\w*\s*[:=]\s*["']?[A-Za-z0-9+/]{20,})",
                               std::regex::icase);
  for (std::size_t i = 0; i < kit.files().size(); ++i) {
    const auto& f = kit.files()[i];
    if (i > 0) {
      EXPECT_LT(kit.files()[i - 1].path, f.path);
    }
    EXPECT_EQ(f.content.find("{{"), std::string::npos) << f.path;
    EXPECT_EQ(f.content.find(".mustache"), std::string::npos) << f.path;
    EXPECT_FALSE(f.path.ends_with(".mustache")) << f.path;
    std::istringstream lines(f.content);
    for (std::string line; std::getline(lines, line);) {
      const bool is_yaml = f.path.ends_with(".yaml") || f.path.ends_with(".yml");
      // The one empty value on purpose: "no StorageClass", so the claim binds to the static EFS volume.
      if (line == "  storageClassName: \"\"") continue;
      EXPECT_FALSE(std::regex_search(line, is_yaml ? missing_yaml : missing_shell)) << f.path << ": " << line;
      EXPECT_FALSE(std::regex_search(line, secret_like)) << f.path << ": " << line;
    }
    struct stat st {};
    ASSERT_EQ(::stat((kit.dir() / f.path).c_str(), &st), 0) << f.path;
    EXPECT_EQ(st.st_mode & 0777U, f.path.ends_with(".sh") ? 0700U : 0600U) << f.path;
    for (fs::path dir = fs::path(f.path).parent_path(); !dir.empty(); dir = dir.parent_path()) {
      ASSERT_EQ(::stat((kit.dir() / dir).c_str(), &st), 0) << dir;
      EXPECT_EQ(st.st_mode & 0777U, 0700U) << dir;
    }
  }

  // The bootstrap names every output the kit needs, and the kit uses no other output.
  const auto bootstrap = std::find_if(kit.files().begin(), kit.files().end(),
                                      [](const KitFile& f) { return f.path == "00-bootstrap.sh"; });
  ASSERT_NE(bootstrap, kit.files().end());
  std::set<std::string> required;
  for (const auto key : contracts::daskhub::kRequiredOutputs) required.emplace(key);
  if (config.enabled.daskhub_metrics) required.emplace(contracts::daskhub::outputs::kCognitoClientIdKubecost);
  for (const auto& key : required)
    EXPECT_NE(bootstrap->content.find("  '" + key + "'\n"), std::string::npos) << key;
  for (const auto& key : kit.fill_outputs())
    EXPECT_TRUE(key == "Region" || required.count(key) == 1) << "the kit uses " << key << " unchecked";

  // Monitoring only with metrics (P22).
  const bool has_monitoring =
      fs::exists(kit.dir() / "monitoring") || fs::exists(kit.dir() / "04-deploy-monitoring.sh");
  EXPECT_EQ(has_monitoring, config.enabled.daskhub_metrics);

  if (have_tool("shellcheck", "shellcheck")) {
    for (const auto& f : kit.files()) {
      if (!f.path.ends_with(".sh")) continue;
      const auto r = run("cd " + quote(kit.dir().string()) + " && shellcheck -x " + quote(f.path));
      EXPECT_EQ(r.status, 0) << f.path << "\n" << r.output;
    }
  }
  if (have_tool("yamllint", "yamllint")) {
    for (const auto& f : kit.files()) {
      if (!f.path.ends_with(".yaml") && !f.path.ends_with(".yml")) continue;
      const auto r = run("yamllint -s -c " + quote(HELIOCLOUD_YAMLLINT_CONFIG) + " " +
                         quote((kit.dir() / f.path).string()));
      EXPECT_EQ(r.status, 0) << f.path << "\n" << r.output;
    }
  }
  if (have_tool("kubectl", "kubernetes-client")) {
    for (const char* overlay : {"kube-system/overlays/production", "amazon-cloudwatch/overlays/production",
                                "daskhub-storage/overlays/production"}) {
      const auto r = run("kubectl kustomize " + quote((kit.dir() / overlay).string()));
      EXPECT_EQ(r.status, 0) << overlay << "\n" << r.output;
    }
    // helm's post-renderer, on a stand-in for helm's output: kustomize (here kubectl's) applies both patches.
    const fs::path bin = kit.dir() / ".test-bin";
    fs::create_directories(bin);
    std::ofstream(bin / "kustomize")
        << "#!/bin/sh\n[ \"$1\" = build ] && exec kubectl kustomize \"$2\"\nexit 2\n";
    fs::permissions(bin / "kustomize", fs::perms::owner_all);
    std::ofstream(bin / "helm-output.yaml") << kHelmOutputSample;
    const auto rendered = run("PATH=" + quote(bin.string()) + ":\"$PATH\" " +
                              quote((kit.dir() / "daskhub/kustomize-post-renderer-hook.sh").string()) +
                              " < " + quote((bin / "helm-output.yaml").string()));
    ASSERT_EQ(rendered.status, 0) << rendered.output;
    EXPECT_NE(rendered.output.find("name: startup-delay"), std::string::npos) << rendered.output;
    EXPECT_NE(rendered.output.find("name: load-acme"), std::string::npos) << rendered.output;
    EXPECT_NE(rendered.output.find("schedulerName: \"" + config.daskhub.hub.kubernetes_namespace +
                                   "-user-scheduler\""),
              std::string::npos)
        << rendered.output;
  }
}

INSTANTIATE_TEST_SUITE_P(Instances, KitRenderingTest,
                         ::testing::Values(std::pair<const char*, const char*>{"example", nullptr},
                                           std::pair<const char*, const char*>{"full", kFullInstance},
                                           std::pair<const char*, const char*>{"minimal", kMinimalInstance}),
                         [](const auto& test_info) { return std::string(test_info.param.first); });

TEST(KitRenderer, SameConfigGivesTheSameBytes) {
  const auto config = load("full", kFullInstance);
  const auto a = render_kit(config);
  const auto b = render_kit(config);
  ASSERT_EQ(a.size(), b.size());
  for (std::size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(a[i].path, b[i].path);
    EXPECT_EQ(a[i].content, b[i].content) << a[i].path;
  }
}

TEST(KitRenderer, OptionalBlocksFollowTheConfig) {
  const auto full = render_kit(load("full", kFullInstance));
  const auto minimal = render_kit(load("minimal", kMinimalInstance));
  auto content = [](const std::vector<KitFile>& files, const std::string& path) {
    for (const auto& f : files)
      if (f.path == path) return f.content;
    ADD_FAILURE() << path << " not rendered";
    return std::string();
  };
  const auto full_eksctl = content(full, "eksctl/cluster-config.yaml");
  EXPECT_NE(full_eksctl.find("  - \"us-west-2c\"\n"), std::string::npos);
  EXPECT_EQ(content(minimal, "eksctl/cluster-config.yaml").find("availabilityZones"), std::string::npos);
  const auto full_maps = content(full, "eksctl-iamidentitymappings/iamidentitymappings.yaml");
  EXPECT_NE(full_maps.find("    username: \"jane\"\n"), std::string::npos);
  EXPECT_NE(full_maps.find("      - \"daskhub-admin-access-group\"\n"), std::string::npos);
  const auto full_values = content(full, "daskhub/values-production.yaml");
  EXPECT_NE(full_values.find("            - \"o'brien\"\n"), std::string::npos);
  EXPECT_EQ(content(minimal, "daskhub/values-production.yaml").find("admin_users"), std::string::npos);
  // P21: the scheduler follows the namespace.
  EXPECT_NE(content(full, "daskhub/patch-jupyterhub-user-scheduler-configMap-apiVersion-v1.yaml")
                .find("schedulerName: \"science-user-scheduler\""),
            std::string::npos);
  // Scripts get shell-quoted values.
  EXPECT_NE(content(full, "lib/kit.sh").find("HUB_NAMESPACE='science'\n"), std::string::npos);
}

// Mustache renders a name the view lacks as nothing. With every optional key set, every {{name}} of every
// template must resolve: each is wrapped in a probe that says whether it did.
TEST(KitRenderer, EveryNameInTheTemplatesIsInTheView) {
  const auto view = build_view(load("full", kFullInstance));
  const std::regex variable(R"(\{\{\{?\s*([A-Za-z0-9_.-]+)\s*\}?\}\})");
  int templates = 0;
  for (const auto& source : embedded_kit()) {
    if (!source.path.ends_with(".mustache")) continue;
    ++templates;
    const std::string text(source.content);
    const std::string probed =
        std::regex_replace(text, variable, "{{#$1}}<set>{{/$1}}{{^$1}}<UNSET:$1>{{/$1}}");
    const std::string out = render_template(source.path, probed, view);
    const auto unset = out.find("<UNSET:");
    EXPECT_EQ(unset, std::string::npos) << source.path << ": " << out.substr(unset, 60);
  }
  EXPECT_GT(templates, 10);
}

TEST(KitRenderer, RefusesAnInstanceWithoutDaskhub) {
  config::InstanceConfig config;
  EXPECT_THROW((void)render_kit(config), std::invalid_argument);
}

}  // namespace
}  // namespace heliocloud::daskhub
