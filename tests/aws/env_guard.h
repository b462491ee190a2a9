#pragma once
// Sets environment variables for one test and restores the previous values afterwards.
#include <cstdlib>
#include <optional>
#include <ranges>
#include <string>
#include <utility>
#include <vector>

namespace heliocloud::aws::testing {

class EnvGuard {
 public:
  EnvGuard() = default;
  EnvGuard(const EnvGuard&) = delete;
  EnvGuard& operator=(const EnvGuard&) = delete;
  ~EnvGuard() {
    for (auto& it : std::views::reverse(saved_)) {
      if (it.second) {
        ::setenv(it.first.c_str(), it.second->c_str(), 1);
      } else {
        ::unsetenv(it.first.c_str());
      }
    }
  }
  void set(const std::string& name, const std::string& value) {
    remember(name);
    ::setenv(name.c_str(), value.c_str(), 1);
  }
  void unset(const std::string& name) {
    remember(name);
    ::unsetenv(name.c_str());
  }

 private:
  void remember(const std::string& name) {
    const char* v = std::getenv(name.c_str());
    saved_.emplace_back(name, (v != nullptr) ? std::optional<std::string>(v) : std::nullopt);
  }
  std::vector<std::pair<std::string, std::optional<std::string>>> saved_;
};

}  // namespace heliocloud::aws::testing
