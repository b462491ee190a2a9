#pragma once
// Runs the heliocloud binary as a user would (exit status, stdout, stderr) and makes throwaway instance
// files: a directory with the repository's default.yaml and one instance file of the test's own.
#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>

namespace heliocloud::registry::test {

struct CliRun {
  int status = -1;
  std::string out;
  std::string err;
};

class CliSandbox {
 public:
  CliSandbox() {
    std::random_device rd;
    dir = std::filesystem::temp_directory_path() /
          ("heliocloud-cli-" + std::to_string(rd()) + std::to_string(rd()));
    std::filesystem::create_directories(dir / "instance");
    std::filesystem::copy_file(HELIOCLOUD_SOURCE_DIR "/instance/default.yaml",
                               dir / "instance" / "default.yaml");
  }
  ~CliSandbox() {
    std::error_code ec;
    std::filesystem::remove_all(dir, ec);
  }
  CliSandbox(const CliSandbox&) = delete;
  CliSandbox& operator=(const CliSandbox&) = delete;

  [[nodiscard]] std::string instance_dir() const { return (dir / "instance").string(); }

  void write(const std::filesystem::path& relative, const std::string& text) const {
    std::filesystem::create_directories((dir / relative).parent_path());
    std::ofstream(dir / relative, std::ios::binary) << text;
  }

  // `heliocloud <args>`; args are passed through the shell, so quote what needs it.
  [[nodiscard]] CliRun run(const std::string& args) const {
    const auto out = dir / "stdout.txt";
    const auto err = dir / "stderr.txt";
    const auto cmd = std::string(HELIOCLOUD_BIN) + " " + args + " >" + out.string() + " 2>" + err.string();
    const int raw = std::system(cmd.c_str());
    CliRun r;
    r.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
    r.out = slurp(out);
    r.err = slurp(err);
    return r;
  }

  std::filesystem::path dir;

 private:
  static std::string slurp(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
  }
};

// An instance file with the Registry enabled.
inline std::string registry_instance_yaml(const std::string& dataset_bucket, const std::string& extra = "") {
  return "env:\n  region: us-east-1\nenabled:\n  registry: True\nregistry:\n  datasetBucketNames: [" +
         dataset_bucket +
         "]\n  requesterPays: False\n  catalog:\n    name: \"Instance Catalog\"\n    contact: "
         "\"ops@example.org\"\n" +
         extra;
}

}  // namespace heliocloud::registry::test
