#include "config/config_node.h"

#include <yaml-cpp/yaml.h>

#include <fstream>
#include <set>
#include <sstream>

#include "config/config_error.h"

namespace heliocloud::config {
namespace {

SourceMark mark_of(const YAML::Mark& m, const std::string& file) {
  if (m.is_null()) return {.file = file, .line = 0, .column = 0};
  return {.file = file, .line = m.line + 1, .column = m.column + 1};
}

ConfigNodePtr convert(const YAML::Node& node, const std::string& file) {
  auto out = std::make_shared<ConfigNode>();
  out->mark = mark_of(node.Mark(), file);
  switch (node.Type()) {
    case YAML::NodeType::Undefined:
    case YAML::NodeType::Null:
      out->kind = ConfigNode::Kind::Null;
      break;
    case YAML::NodeType::Scalar:
      out->kind = ConfigNode::Kind::Scalar;
      out->scalar = node.Scalar();
      out->quoted = node.Tag() == "!";  // yaml-cpp tags quoted scalars with the non-specific "!"
      break;
    case YAML::NodeType::Sequence:
      out->kind = ConfigNode::Kind::Sequence;
      for (const auto& item : node) out->items.push_back(convert(item, file));
      break;
    case YAML::NodeType::Map: {
      out->kind = ConfigNode::Kind::Map;
      std::set<std::string> seen;
      for (const auto& kv : node) {
        const auto key_mark = mark_of(kv.first.Mark(), file);
        if (!kv.first.IsScalar())
          throw ConfigError(key_mark, "", "a mapping key must be a plain name, not a list or a mapping");
        const std::string key = kv.first.Scalar();
        if (!seen.insert(key).second)
          throw ConfigError(key_mark, key, "this key appears twice in the same mapping; keep one of them");
        auto value = convert(kv.second, file);
        if (value->mark.line == 0) value->mark = key_mark;  // a null value has no mark of its own
        out->entries.emplace_back(key, value);
      }
      break;
    }
  }
  return out;
}

ConfigNodePtr parse(const std::string& text, const std::string& display_name) {
  try {
    return convert(YAML::Load(text), display_name);
  } catch (const YAML::ParserException& e) {
    throw ConfigError(mark_of(e.mark, display_name), "", "YAML syntax error: " + e.msg);
  }
}

}  // namespace

const ConfigNode* ConfigNode::find(const std::string& key) const {
  for (const auto& [k, v] : entries)
    if (k == key) return v.get();
  return nullptr;
}

ConfigNodePtr parse_yaml(const std::string& text, const std::string& display_name) {
  return parse(text, display_name);
}

ConfigNodePtr load_yaml_file(const std::string& path, const std::string& display_name) {
  std::ifstream in(path);
  if (!in) throw ConfigError({.file = display_name, .line = 0, .column = 0}, "", "cannot read the file");
  std::stringstream buffer;
  buffer << in.rdbuf();
  return parse(buffer.str(), display_name);
}

ConfigNodePtr deep_merge(const ConfigNodePtr& base, const ConfigNodePtr& overlay) {
  if (!base || base->kind != ConfigNode::Kind::Map || overlay->kind != ConfigNode::Kind::Map) return overlay;
  auto out = std::make_shared<ConfigNode>(*base);
  for (const auto& [key, value] : overlay->entries) {
    bool merged = false;
    for (auto& [k, v] : out->entries)
      if (k == key) {
        v = deep_merge(v, value);
        merged = true;
      }
    if (!merged) out->entries.emplace_back(key, value);
  }
  return out;
}

}  // namespace heliocloud::config
