#pragma once
// CatalogService: writes catalog.json at the root of every dataset bucket of the instance, also the buckets
// with no datasets yet (issue 5, "Catalog update"), from the dataset store.
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "registry/dataset_store.h"
#include "registry/object_store.h"
#include "registry/problem.h"
#include "registry/settings.h"

namespace heliocloud::registry {

struct BucketCatalogResult {
  std::string bucket;
  std::size_t datasets = 0;
  std::string error;
};

struct CatalogResult {
  std::vector<BucketCatalogResult> buckets;
  Problems problems;  // datasets whose bucket is not a dataset bucket of the instance

  [[nodiscard]] bool ok() const;
  [[nodiscard]] nlohmann::ordered_json to_json() const;
};

class CatalogService {
 public:
  CatalogService(ObjectStore& objects, DatasetStore& records, RegistrySettings settings, int attempts = 4);

  [[nodiscard]] CatalogResult update();

 private:
  ObjectStore& objects_;
  DatasetStore& records_;
  RegistrySettings settings_;
  int attempts_;
};

inline constexpr std::string_view kCatalogKey = "catalog.json";

}  // namespace heliocloud::registry
