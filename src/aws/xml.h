#pragma once
// A small XML reader for the documents S3, STS and CloudFormation return: elements, text, entities, CDATA.
// Attributes are parsed and kept; namespaces are kept as part of the name prefix (AWS documents use a default
// one).
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace heliocloud::aws::xml {

struct Node {
  std::string name;
  std::string text;  // concatenated character data directly inside this element, entities decoded
  std::vector<std::pair<std::string, std::string>> attributes;
  std::vector<Node> children;

  // First child element with this name, or nullptr.
  const Node* child(std::string_view child_name) const;
  // Every child element with this name, in document order.
  std::vector<const Node*> children_named(std::string_view child_name) const;
  // Text of the first child with this name; fallback when there is none.
  std::string child_text(std::string_view child_name, std::string_view fallback = {}) const;
  // Follows a path of child names ("Error/Code"); nullptr when any step is missing.
  const Node* find(std::string_view path) const;
};

// Parses a whole document and returns its root element. Throws std::runtime_error with the offset on
// malformed input.
Node parse(std::string_view document);

// Escapes text for element content or attribute values (the request bodies we write ourselves).
std::string escape(std::string_view text);

}  // namespace heliocloud::aws::xml
