// XML answers from S3, STS, IAM and CloudFormation (or whatever answers in their place): the reader refuses
// only with std::runtime_error, and text we escape reads back unchanged.
#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>

#include "aws/xml.h"
#include "fuzz_support.h"

using heliocloud::fuzz::require;
namespace xml = heliocloud::aws::xml;

namespace {

void check_escape_round_trip(const xml::Node& node, int depth) {
  if (depth > 8) return;
  const std::string document = "<r a=\"" + xml::escape(node.text) + "\">" + xml::escape(node.text) + "</r>";
  xml::Node reread;
  try {
    reread = xml::parse(document);
  } catch (const std::runtime_error& e) {
    heliocloud::fuzz::fail("escaped text parses", std::string(e.what()) + "\n" + document);
  }
  require(reread.text == node.text, "escape then parse gives the same text", document);
  require(reread.attributes.size() == 1 && reread.attributes[0].second == node.text,
          "escape then parse gives the same attribute value", document);
  for (const auto& child : node.children) check_escape_round_trip(child, depth + 1);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  xml::Node root;
  try {
    root = xml::parse(heliocloud::fuzz::as_text(data, size));
  } catch (const std::runtime_error& e) {
    require(!std::string_view(e.what()).empty(), "a parse error has a message");
    return 0;
  }
  require(!root.name.empty(), "the root element has a name");
  (void)root.find("Error/Code");
  (void)root.child_text("Message", "none");
  check_escape_round_trip(root, 0);
  return 0;
}
