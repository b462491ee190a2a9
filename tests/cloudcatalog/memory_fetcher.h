#pragma once
// Objects given in the test, by address; every fetch is recorded in `fetched` (absent objects too).
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "cloudcatalog/object_fetcher.h"

namespace heliocloud::cloudcatalog::testing {

class MemoryFetcher final : public ObjectFetcher {
 public:
  std::optional<std::string> fetch(const std::string& uri) override {
    fetched.push_back(uri);
    const auto it = objects.find(uri);
    if (it == objects.end()) return std::nullopt;
    return it->second;
  }
  std::map<std::string, std::string> objects;
  std::vector<std::string> fetched;
};

}  // namespace heliocloud::cloudcatalog::testing
