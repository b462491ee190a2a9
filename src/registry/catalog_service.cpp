#include "registry/catalog_service.h"

#include <algorithm>
#include <map>

#include "registry/catalog.h"
#include "registry/retry.h"

namespace heliocloud::registry {

bool CatalogResult::ok() const {
  return problems.empty() && std::ranges::all_of(buckets, [](const auto& b) { return b.error.empty(); });
}

nlohmann::ordered_json CatalogResult::to_json() const {
  nlohmann::ordered_json j;
  j["ok"] = ok();
  auto p = nlohmann::ordered_json::array();
  for (const auto& problem : problems) p.push_back(problem.to_string());
  j["problems"] = p;
  auto b = nlohmann::ordered_json::array();
  for (const auto& bucket : buckets) {
    nlohmann::ordered_json e;
    e["endpoint"] = "s3://" + bucket.bucket + "/";
    e["datasets"] = bucket.datasets;
    if (!bucket.error.empty()) e["error"] = bucket.error;
    b.push_back(std::move(e));
  }
  j["buckets"] = b;
  return j;
}

CatalogService::CatalogService(ObjectStore& objects, DatasetStore& records, RegistrySettings settings,
                               int attempts)
    : objects_(objects), records_(records), settings_(std::move(settings)), attempts_(attempts) {}

CatalogResult CatalogService::update() {
  CatalogResult result;
  std::map<std::string, std::vector<DatasetRecord>> by_bucket;
  for (const auto& bucket : settings_.dataset_buckets) by_bucket[bucket];
  for (auto& stored : records_.list()) {
    const auto it = by_bucket.find(stored.record.index.bucket);
    if (it == by_bucket.end()) {
      result.problems.push_back(
          {.where = "dataset " + stored.record.id,
           .message = "its bucket \"" + stored.record.index.bucket +
                      "\" is not a dataset bucket of this instance, so no catalog lists it",
           .fix = "add the bucket to the instance's dataset buckets"});
      continue;
    }
    it->second.push_back(std::move(stored.record));
  }
  for (const auto& bucket : settings_.dataset_buckets) {
    BucketCatalogResult r;
    r.bucket = bucket;
    auto& datasets = by_bucket[bucket];
    r.datasets = datasets.size();
    try {
      // One PUT of the whole document: readers see the old catalog or the new one.
      const auto body = catalog_body(build_catalog(settings_, std::move(datasets)));
      with_retries(attempts_,
                   [&] { objects_.put(bucket, std::string(kCatalogKey), body, "application/json"); });
    } catch (const std::exception& e) {
      r.error = e.what();
    }
    result.buckets.push_back(std::move(r));
  }
  return result;
}

}  // namespace heliocloud::registry
