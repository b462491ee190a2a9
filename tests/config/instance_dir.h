#pragma once
// A throw-away instance directory: the repository's default.yaml plus instance files written by a test.

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "config/instance_loader.h"

class InstanceDir {
 public:
  // The process id in the name: ctest runs the tests of one file as parallel processes, and two of them
  // sharing a directory removed each other's files.
  explicit InstanceDir(const std::string& name)
      : dir_(std::filesystem::temp_directory_path() / ("hc-inst-" + name + "-" + std::to_string(getpid()))) {
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    std::filesystem::copy_file(std::filesystem::path(HELIOCLOUD_INSTANCE_DIR) / "default.yaml",
                               dir_ / "default.yaml");
  }
  ~InstanceDir() { std::filesystem::remove_all(dir_); }
  InstanceDir(const InstanceDir&) = delete;
  InstanceDir& operator=(const InstanceDir&) = delete;

  void write(const std::string& name, const std::string& yaml) const {
    std::ofstream(dir_ / (name + ".yaml")) << yaml;
  }
  std::string path() const { return dir_.string(); }

 private:
  std::filesystem::path dir_;
};

// The error message of loading `yaml` as instance "t" from a fresh directory named `name`, with that
// directory shown as instance/ (the test fails if it loads).
inline std::string load_error(const std::string& name, const std::string& yaml) {
  InstanceDir dir(name);
  dir.write("t", yaml);
  try {
    (void)heliocloud::config::load_instance(dir.path(), "t");
  } catch (const std::exception& e) {
    std::string msg = e.what();
    const auto prefix = dir.path() + "/";
    for (auto p = msg.find(prefix); p != std::string::npos; p = msg.find(prefix))
      msg.replace(p, prefix.size(), "instance/");
    return msg;
  }
  ADD_FAILURE() << "expected an error for:\n" << yaml;
  return "";
}
