#pragma once
// A throw-away instance directory: the repository's default.yaml plus instance files written by a test.

#include <filesystem>
#include <fstream>
#include <string>

class InstanceDir {
 public:
  explicit InstanceDir(const std::string& name)
      : dir_(std::filesystem::temp_directory_path() / ("hc-inst-" + name)) {
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
