#include "aws/shared_config.h"

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "base/text.h"

namespace heliocloud::aws {
namespace {

std::string_view strip_comment(std::string_view line) {
  for (std::size_t i = 1; i < line.size(); ++i) {
    if ((line[i] == '#' || line[i] == ';') && (line[i - 1] == ' ' || line[i - 1] == '\t'))
      return line.substr(0, i);
  }
  return line;
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return {};
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string home_file(const char* rel) {
  const auto home = get_env("HOME");
  return home ? *home + "/" + rel : std::string(rel);
}

}  // namespace

std::optional<std::string> get_env(const char* name) {
  const char* v = std::getenv(name);
  if (v == nullptr || *v == '\0') return std::nullopt;
  return std::string(v);
}

Profiles parse_shared_file(std::string_view text, bool is_config_file) {
  Profiles out;
  Profile* current = nullptr;
  std::string parent_key;  // the "key =" whose indented sub-settings follow
  std::size_t pos = 0;
  while (pos <= text.size()) {
    auto nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view raw = text.substr(pos, nl - pos);
    pos = nl + 1;
    const bool indented = !raw.empty() && (raw[0] == ' ' || raw[0] == '\t');
    std::string_view line = base::trim(raw);
    if (line.empty() || line[0] == '#' || line[0] == ';') continue;
    if (line.front() == '[') {
      const auto close = line.find(']');
      std::string name(
          base::trim(line.substr(1, close == std::string_view::npos ? std::string_view::npos : close - 1)));
      if (is_config_file && name.starts_with("profile "))
        name = std::string(base::trim(std::string_view(name).substr(8)));
      current = &out[name];
      parent_key.clear();
      continue;
    }
    if (current == nullptr) continue;  // a key before any section belongs to nothing
    line = base::trim(strip_comment(line));
    const auto eq = line.find('=');
    if (eq == std::string_view::npos) continue;
    const std::string key(base::trim(line.substr(0, eq)));
    const std::string value(base::trim(line.substr(eq + 1)));
    if (indented && !parent_key.empty()) {
      (*current)[parent_key + "." + key] = value;
    } else {
      (*current)[key] = value;
      parent_key = value.empty() ? key : std::string();
    }
  }
  return out;
}

Profiles load_shared_profiles() {
  const std::string config_path = get_env("AWS_CONFIG_FILE").value_or(home_file(".aws/config"));
  const std::string creds_path =
      get_env("AWS_SHARED_CREDENTIALS_FILE").value_or(home_file(".aws/credentials"));
  Profiles merged = parse_shared_file(read_file(config_path), true);
  for (auto& [name, settings] : parse_shared_file(read_file(creds_path), false)) {
    for (auto& [k, v] : settings) merged[name][k] = v;
  }
  return merged;
}

std::string active_profile_name() {
  if (auto p = get_env("AWS_PROFILE")) return *p;
  if (auto p = get_env("AWS_DEFAULT_PROFILE")) return *p;
  return "default";
}

}  // namespace heliocloud::aws
