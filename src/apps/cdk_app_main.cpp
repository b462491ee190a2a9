// The CDK "app": the AWS CDK CLI runs this binary (cdk.json) and reads the cloud assembly it writes.
// stdout belongs to the CLI (it prints templates there), so everything we say goes to stderr.

#include <algorithm>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <iostream>
#include <string>
#include <string_view>

#include "config/config_error.h"
#include "config/instance_loader.h"
#include "construct/app.h"
#include "stacks/heliocloud_app.h"

namespace {

const char* env(const char* name) {
  return std::getenv(name);
}  // NOLINT(concurrency-mt-unsafe)

std::string instance_list(const std::string& dir) {
  std::string out;
  for (const auto& name : heliocloud::config::list_instances(dir)) out += "  " + name + "\n";
  return out.empty() ? "  (none: add instance/<name>.yaml, see instance/example.yaml)\n" : out;
}

// A path in the build directory this binary was built into (it lives in <build>/bin).
std::string build_dir_file(const char* name) {
  std::error_code ec;
  const auto self = std::filesystem::read_symlink("/proc/self/exe", ec);
  return ec ? (std::filesystem::path("build") / name).string()
            : (self.parent_path().parent_path() / name).string();
}

// The build puts the Lambda packages in <build>/lambda.
std::string default_lambda_dir() {
  return build_dir_file("lambda");
}

int run(int argc, char** argv) {
  std::string instance_dir =
      env("HELIOCLOUD_INSTANCE_DIR") != nullptr ? env("HELIOCLOUD_INSTANCE_DIR") : "instance";
  std::string lambda_dir =
      env("HELIOCLOUD_LAMBDA_DIR") != nullptr ? env("HELIOCLOUD_LAMBDA_DIR") : default_lambda_dir();
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg == "--instance-dir" && i + 1 < argc) {
      instance_dir = argv[++i];
    } else if (arg == "--lambda-dir" && i + 1 < argc) {
      lambda_dir = argv[++i];
    } else {
      std::cerr << "heliocloud-cdk: unknown argument '" << arg
                << "'. This program is run by the CDK CLI (cdk.json); its options are --instance-dir DIR "
                   "(instance files, default instance/) and --lambda-dir DIR (built Lambda packages, default "
                   "the lambda/ folder beside the bin/ folder of this program).\n";
      return 2;
    }
  }

  auto options = heliocloud::construct::app_options_from_environment();
  options.fingerprint_cache_file = build_dir_file("asset-fingerprints.json");
  heliocloud::construct::App app(options);
  const std::string name = app.context_string("instance");
  if (name.empty()) {
    std::cerr << "No instance specified. Re-run and pass the instance name, e.g.\n"
                 "  cdk synth -c instance=<name>\n"
                 "Instances in "
              << instance_dir << "/:\n"
              << instance_list(instance_dir);
    return 1;
  }
  heliocloud::config::InstanceConfig config;
  try {
    config = heliocloud::config::load_instance(instance_dir, name);
  } catch (const heliocloud::config::ConfigError& e) {
    std::cerr << e.what() << "\n";
    const auto known = heliocloud::config::list_instances(instance_dir);
    if (std::ranges::find(known, name) == known.end())
      std::cerr << "Pass one of the instances in " << instance_dir << "/ with -c instance=<name>:\n"
                << instance_list(instance_dir);
    return 1;
  } catch (const heliocloud::config::ConfigErrors& e) {
    std::cerr << e.what() << "\n";
    return 1;
  }

  std::string note;
  const auto environment = heliocloud::stacks::resolve_environment(config, env("CDK_DEFAULT_ACCOUNT"),
                                                                   env("CDK_DEFAULT_REGION"), note);
  std::cerr << note << "\n";
  heliocloud::stacks::build_instance(app, config, environment, lambda_dir);
  app.synth();
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return run(argc, argv);
  } catch (const std::exception& e) {
    std::cerr << "heliocloud-cdk: " << e.what() << "\n";
    return 1;
  }
}
