#pragma once
// Shared by the deploy-kit tests: sample instances and stack outputs, a rendered kit in a temporary
// directory, and running a command through the shell.
#include <gtest/gtest.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>

#include "config/instance_loader.h"
#include "daskhub/kit_renderer.h"
#include "daskhub/quoting.h"
#include "instance_dir.h"

namespace heliocloud::daskhub::testing {

namespace fs = std::filesystem;

inline const char* const kFullInstance = R"(
env:
  account: "123456789012"
  region: us-west-2
auth:
  domain_prefix: edu-full
enabled:
  daskhub: True
  daskhub_metrics: True
daskhub:
  eksctl:
    metadata:
      name: eks-full
      region: us-west-2
    availabilityZones: [us-west-2a, us-west-2b, us-west-2c]
    iamIdentityMappings:
      - arn: arn:aws:iam::123456789012:role/PowerUser
        groups: [eks-console-dashboard-full-access-group]
      - arn: arn:aws:iam::123456789012:user/jane
        groups: [eks-console-dashboard-full-access-group, daskhub-admin-access-group]
        username: jane
  daskhub_storage:
    efs-persist:
      storage: 20Ti
  daskhub:
    namespace: science
    admin_users: [jane, "o'brien"]
    contact_email: ops@example.org
    domain_url: example.org
    domain_record: hub
  monitoring:
    grafana_domain_prefix: grafana
    cost_analyzer_domain_prefix: kubecost
    AWS_LOAD_BALANCER_SSL_CERT: arn:aws:acm:us-west-2:123456789012:certificate/0f2b3c4d-5e6f-4a1b-9c8d-7e6f5a4b3c2d
)";

inline const char* const kMinimalInstance = R"(
enabled:
  daskhub: True
daskhub:
  daskhub:
    contact_email: ops@example.org
    domain_url: example.org
)";

// Sample stack outputs, with characters a naive sed would trip on ('#', '&', '/').
inline std::map<std::string, std::string> sample_outputs() {
  return {{"InstanceID", "i-0123456789abcdef0"},
          {"KMSArn", "arn:aws:kms:us-west-2:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"},
          {"ASGArn", "arn:aws:iam::123456789012:policy/asg#1&x\"q\\b"},
          {"CustomS3Arn", "arn:aws:iam::123456789012:policy/s3"},
          {"AdminRoleArn", "arn:aws:iam::123456789012:role/admin"},
          {"Route53Arn", "arn:aws:iam::123456789012:policy/dns"},
          {"EFSId", "fs-0123456789abcdef0"},
          {"EFSMountArn", "arn:aws:iam::123456789012:policy/efs"},
          {"CognitoClientId", "1example23456789"},
          {"CognitoDomainPrefix", "edu-full"},
          {"CognitoUserPoolId", "us-west-2_aBcDeFgHi"},
          {"CognitoClientIdKubeCost", "2example23456789"},
          {"HubApiKeySecretArn", "arn:aws:secretsmanager:us-west-2:123456789012:secret:hub-AbCdEf"},
          {"GatewayApiKeySecretArn", "arn:aws:secretsmanager:us-west-2:123456789012:secret:gw-AbCdEf"},
          {"Region", "us-west-2"}};
}

struct CommandResult {
  int status = -1;
  std::string output;
};

inline CommandResult run(const std::string& command) {
  CommandResult r;
  FILE* pipe = popen((command + " 2>&1").c_str(), "r");
  if (pipe == nullptr) return r;
  std::array<char, 4096> buffer{};
  std::size_t n = 0;
  while ((n = fread(buffer.data(), 1, buffer.size(), pipe)) > 0) r.output.append(buffer.data(), n);
  r.status = pclose(pipe);
  return r;
}

inline std::string quote(const std::string& s) {
  return shell_quote(s);
}

// Fails the test (with the Debian package to install) when `tool` is not on PATH.
inline bool have_tool(const std::string& tool, const std::string& package) {
  if (run("command -v " + tool).status == 0) return true;
  ADD_FAILURE() << tool << " is not installed: install the Debian package " << package
                << " (scripts/install-dependencies installs it)";
  return false;
}

inline std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

class RenderedKit {
 public:
  explicit RenderedKit(const config::InstanceConfig& config, const std::string& name)
      : files_(render_kit(config)),
        dir_(fs::temp_directory_path() / ("hc-kit-" + name + "-" + std::to_string(::getpid()))) {
    fs::remove_all(dir_);
    write_kit(files_, dir_);
  }
  ~RenderedKit() { fs::remove_all(dir_); }
  RenderedKit(const RenderedKit&) = delete;
  RenderedKit& operator=(const RenderedKit&) = delete;

  const std::vector<KitFile>& files() const { return files_; }
  const fs::path& dir() const { return dir_; }

  // Replaces every <<CNF_OUTPUT_Key>> in the written files, as 00-bootstrap.sh does; returns the keys used.
  std::set<std::string> fill_outputs() const {
    const auto outputs = sample_outputs();
    const std::regex placeholder("<<CNF_OUTPUT_([A-Za-z0-9]+)>>");
    std::set<std::string> used;
    for (const auto& f : files_) {
      const std::string text = read(dir_ / f.path);
      std::string out;
      auto begin = std::sregex_iterator(text.begin(), text.end(), placeholder);
      std::size_t last = 0;
      for (auto it = begin; it != std::sregex_iterator(); ++it) {
        const std::string key = (*it)[1];
        used.insert(key);
        out += text.substr(last, static_cast<std::size_t>(it->position()) - last);
        const auto value = outputs.find(key);
        EXPECT_NE(value, outputs.end()) << f.path << " uses unknown output " << key;
        // As 00-bootstrap.sh: every placeholder sits in a YAML double-quoted string, so the value is escaped.
        const std::string quoted = value == outputs.end() ? "\"\"" : yaml_quote(value->second);
        out += quoted.substr(1, quoted.size() - 2);
        last = static_cast<std::size_t>(it->position() + it->length());
      }
      out += text.substr(last);
      std::ofstream(dir_ / f.path, std::ios::binary | std::ios::trunc) << out;
    }
    return used;
  }

 private:
  std::vector<KitFile> files_;
  fs::path dir_;
};

inline config::InstanceConfig load(const std::string& name, const char* yaml) {
  if (yaml == nullptr) return config::load_instance(HELIOCLOUD_INSTANCE_DIR, name);
  InstanceDir dir(name + "-" + std::to_string(::getpid()));  // unique: ctest may run tests in parallel
  dir.write(name, yaml);
  return config::load_instance(dir.path(), name);
}

}  // namespace heliocloud::daskhub::testing
