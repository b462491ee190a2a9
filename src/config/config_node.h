#pragma once
// A YAML document as a plain tree that remembers where every value came from (file, line, column), so that
// after default.yaml and the instance file are merged, each error can still name the file and line to edit.

#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace heliocloud::config {

struct SourceMark {
  std::string file;
  int line = 0;  // 1-based; 0 when unknown
  int column = 0;
};

struct ConfigNode {
  enum class Kind { Null, Scalar, Sequence, Map };
  Kind kind = Kind::Null;
  std::string scalar;   // for Scalar
  bool quoted = false;  // a quoted scalar is always a string ("true" is not a boolean)
  std::vector<std::shared_ptr<ConfigNode>> items;                            // for Sequence
  std::vector<std::pair<std::string, std::shared_ptr<ConfigNode>>> entries;  // for Map, in file order
  SourceMark mark;

  const ConfigNode* find(const std::string& key) const;
};

using ConfigNodePtr = std::shared_ptr<ConfigNode>;

// Parses a YAML file. Syntax errors, duplicate keys and non-string keys are reported as "file:line:column:
// ...". `displayName` is the name used in messages (e.g. "instance/dev.yaml").
ConfigNodePtr load_yaml_file(const std::string& path, const std::string& display_name);
ConfigNodePtr parse_yaml(const std::string& text, const std::string& display_name);

// default.yaml deep-merged with an instance file: maps merge recursively; scalars, lists and explicit nulls
// in the overlay replace what the base had (as the original's update_cfgs did).
ConfigNodePtr deep_merge(const ConfigNodePtr& base, const ConfigNodePtr& overlay);

}  // namespace heliocloud::config
