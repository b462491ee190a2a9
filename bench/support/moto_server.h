#pragma once
// moto for a benchmark: started through the tests' launcher (tests/support/moto.sh) on 127.0.0.1:<port>, with
// its state in a temporary directory named after `name` and this process, and stopped by its PID (in moto.sh)
// whatever happens. The target defines HELIOCLOUD_SOURCE_DIR.
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <system_error>

namespace heliocloud::bench {

class MotoServer {
 public:
  MotoServer(const std::string& name, int port)
      : state_(std::filesystem::temp_directory_path() / (name + "-moto-" + std::to_string(getpid()))) {
    const auto cmd = launcher() + " start " + state_.string() + " " + std::to_string(port);
    if (std::system(cmd.c_str()) != 0) throw std::runtime_error("could not start moto: " + cmd);
  }
  ~MotoServer() {
    (void)std::system((launcher() + " stop " + state_.string()).c_str());
    std::error_code ec;
    std::filesystem::remove_all(state_, ec);
  }
  MotoServer(const MotoServer&) = delete;
  MotoServer& operator=(const MotoServer&) = delete;

 private:
  static std::string launcher() { return std::string(HELIOCLOUD_SOURCE_DIR) + "/tests/support/moto.sh"; }
  std::filesystem::path state_;
};

}  // namespace heliocloud::bench
