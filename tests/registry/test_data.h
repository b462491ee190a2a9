#pragma once
// Reads a fixture from tests/registry/data.
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>

namespace heliocloud::registry::test {

inline std::string fixture(const std::string& relative) {
  const std::string path = std::string(HELIOCLOUD_REGISTRY_TEST_DATA) + "/" + relative;
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("missing fixture " + path);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace heliocloud::registry::test
