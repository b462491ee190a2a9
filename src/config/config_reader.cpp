#include "config/config_reader.h"

#include <algorithm>
#include <charconv>

#include "base/text.h"
#include "config/validators.h"

namespace heliocloud::config {
namespace {

std::string describe(const ConfigNode& n) {
  switch (n.kind) {
    case ConfigNode::Kind::Null:
      return "nothing (null)";
    case ConfigNode::Kind::Scalar:
      return "\"" + n.scalar + "\"";
    case ConfigNode::Kind::Sequence:
      return "a list";
    case ConfigNode::Kind::Map:
      return "a mapping";
  }
  return "?";
}

const ConfigNode* child(const ConfigNode* map, const std::string& key) {
  return (map == nullptr || map->kind != ConfigNode::Kind::Map) ? nullptr : map->find(key);
}

}  // namespace

void ConfigReader::report(const ConfigNode* at, const std::string& path, const std::string& problem) {
  if (at == nullptr)
    report_absent(path, problem);
  else
    errors_.emplace_back(at->mark, path, problem);
}

void ConfigReader::report_absent(const std::string& path, const std::string& problem) {
  errors_.emplace_back(SourceMark{.file = blame_file_, .line = 0, .column = 0}, path, problem);
}

const ConfigNode* ConfigReader::section(const ConfigNode* parent, const std::string& key,
                                        const std::string& path) {
  const ConfigNode* n = child(parent, key);
  if (n == nullptr || n->kind == ConfigNode::Kind::Null) return nullptr;
  if (n->kind != ConfigNode::Kind::Map) {
    report(n, path, "expected a mapping of settings, found " + describe(*n));
    return nullptr;
  }
  return n;
}

void ConfigReader::check_known_keys(const ConfigNode* map, const std::string& path,
                                    const std::vector<std::string>& known) {
  if (map == nullptr) return;
  for (const auto& [key, value] : map->entries) {
    if (std::ranges::find(known, key) != known.end()) continue;
    const std::string suggestion = closest_match(key, known);
    const std::string full = path.empty() ? key : path + "." + key;
    report(value.get(), full,
           "unknown key" + (suggestion.empty() ? "; known keys here: " + base::join(known, ", ")
                                               : "; did you mean '" + suggestion + "'?"));
  }
}

std::optional<std::string> ConfigReader::optional_string(const ConfigNode* map, const std::string& key,
                                                         const std::string& path) {
  const ConfigNode* n = child(map, key);
  if (n == nullptr || n->kind == ConfigNode::Kind::Null) return std::nullopt;
  if (n->kind != ConfigNode::Kind::Scalar) {
    report(n, path, "expected a single value, found " + describe(*n));
    return std::nullopt;
  }
  return n->scalar;
}

std::string ConfigReader::string(const ConfigNode* map, const std::string& key, const std::string& path,
                                 std::string fallback) {
  return optional_string(map, key, path).value_or(std::move(fallback));
}

bool ConfigReader::boolean(const ConfigNode* map, const std::string& key, const std::string& path,
                           bool fallback) {
  const ConfigNode* n = child(map, key);
  if (n == nullptr || n->kind == ConfigNode::Kind::Null) return fallback;
  if (n->kind == ConfigNode::Kind::Scalar && !n->quoted) {
    // YAML 1.1 spellings, as PyYAML read the original's files.
    for (const char* t : {"true", "True", "TRUE", "yes", "Yes", "YES", "on", "On", "ON"})
      if (n->scalar == t) return true;
    for (const char* f : {"false", "False", "FALSE", "no", "No", "NO", "off", "Off", "OFF"})
      if (n->scalar == f) return false;
  }
  report(n, path, describe(*n) + " is not true or false");
  return fallback;
}

long long ConfigReader::integer(const ConfigNode* map, const std::string& key, const std::string& path,
                                long long fallback, long long min, long long max) {
  const ConfigNode* n = child(map, key);
  if (n == nullptr || n->kind == ConfigNode::Kind::Null) return fallback;
  const std::string range = "a whole number from " + std::to_string(min) + " to " + std::to_string(max);
  if (n->kind != ConfigNode::Kind::Scalar || n->quoted) {
    report(n, path, "expected " + range + ", found " + describe(*n));
    return fallback;
  }
  long long value = 0;
  const char* first = n->scalar.data();
  const char* last = first + n->scalar.size();
  if (first != last && *first == '+') ++first;
  const auto [end, error] = std::from_chars(first, last, value);
  if (error != std::errc() || end != last || value < min || value > max) {
    report(n, path, "\"" + n->scalar + "\" is not " + range);
    return fallback;
  }
  return value;
}

std::vector<std::string> ConfigReader::string_list(const ConfigNode* map, const std::string& key,
                                                   const std::string& path) {
  const ConfigNode* n = child(map, key);
  std::vector<std::string> out;
  if (n == nullptr || n->kind == ConfigNode::Kind::Null) return out;
  if (n->kind != ConfigNode::Kind::Sequence) {
    report(n, path, "expected a list (- item per line), found " + describe(*n));
    return out;
  }
  for (std::size_t i = 0; i < n->items.size(); ++i) {
    const auto& item = *n->items[i];
    if (item.kind != ConfigNode::Kind::Scalar)
      report(&item, path + "[" + std::to_string(i) + "]", "expected a single value, found " + describe(item));
    else
      out.push_back(item.scalar);
  }
  return out;
}

std::vector<std::string> ConfigReader::checked_list(
    const ConfigNode* map, const std::string& key, const std::string& path,
    const std::function<std::string(const std::string&)>& check) {
  std::vector<std::string> out;
  const ConfigNode* n = child(map, key);
  if (n == nullptr || n->kind != ConfigNode::Kind::Sequence) return string_list(map, key, path);
  for (std::size_t i = 0; i < n->items.size(); ++i) {
    const auto& item = *n->items[i];
    const std::string where = path + "[" + std::to_string(i) + "]";
    if (item.kind != ConfigNode::Kind::Scalar) {
      report(&item, where, "expected a single value, found " + describe(item));
      continue;
    }
    if (const std::string problem = check(item.scalar); !problem.empty())
      report(&item, where, "\"" + item.scalar + "\": " + problem);
    else
      out.push_back(item.scalar);
  }
  return out;
}

std::size_t ConfigReader::one_of(const ConfigNode* map, const std::string& key, const std::string& path,
                                 const std::vector<std::string>& allowed, std::size_t fallback) {
  const auto v = optional_string(map, key, path);
  if (!v) return fallback;
  for (std::size_t i = 0; i < allowed.size(); ++i)
    if (allowed[i] == *v) return i;
  report(child(map, key), path, "\"" + *v + "\" is not one of " + base::join(allowed, ", "));
  return fallback;
}

void ConfigReader::validate(const ConfigNode* map, const std::string& key, const std::string& path,
                            const std::function<std::string(const std::string&)>& check) {
  const ConfigNode* n = child(map, key);
  if (n == nullptr || n->kind != ConfigNode::Kind::Scalar) return;
  const std::string problem = check(n->scalar);
  if (!problem.empty()) report(n, path, "\"" + n->scalar + "\": " + problem);
}

}  // namespace heliocloud::config
