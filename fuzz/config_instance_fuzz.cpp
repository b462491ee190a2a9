// An operator's instance/<name>.yaml, loaded over the repository's instance/default.yaml: every fault is a
// ConfigError or ConfigErrors naming file, line and key, never another exception or a crash.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "config/config_error.h"
#include "config/instance_loader.h"
#include "fuzz_support.h"

namespace fs = std::filesystem;
using heliocloud::fuzz::require;
namespace config = heliocloud::config;

namespace {

// One scratch instance folder per process: default.yaml from the repository, fuzz.yaml rewritten per input.
fs::path& instance_dir() {
  static fs::path dir;
  return dir;
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int* /*argc*/, char*** /*argv*/) {
  std::string pattern = (fs::temp_directory_path() / "heliocloud-config-fuzz-XXXXXX").string();
  require(mkdtemp(pattern.data()) != nullptr, "a scratch folder for the instance files");
  instance_dir() = pattern;
  fs::copy_file(fs::path(HELIOCLOUD_INSTANCE_DIR) / "default.yaml", instance_dir() / "default.yaml");
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  {
    std::ofstream out(instance_dir() / "fuzz.yaml", std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  }
  try {
    const auto loaded = config::load_instance(instance_dir().string(), "fuzz");
    require(loaded.name == "fuzz", "the loaded instance keeps its name");
  } catch (const config::ConfigErrors& e) {
    require(!e.errors().empty(), "ConfigErrors holds at least one error");
    for (const auto& error : e.errors()) require(!std::string_view(error.what()).empty(), "errors have text");
  } catch (const config::ConfigError& e) {
    require(std::string_view(e.what()).find("fuzz.yaml") != std::string_view::npos ||
                std::string_view(e.what()).find("default.yaml") != std::string_view::npos,
            "a configuration error names its file", e.what());
  }
  return 0;
}
