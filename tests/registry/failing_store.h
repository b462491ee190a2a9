#pragma once
#include <atomic>

#include "registry/object_store.h"

namespace heliocloud::registry::test {

// Fails index-file PUTs (after the copies) or job-file deletes, as a crash or an outage would.
class FailingStore final : public ObjectStore {
 public:
  explicit FailingStore(ObjectStore& inner) : inner_(inner) {}
  bool fail_index_puts = false;
  std::atomic<int> deletes_before_failure{-1};  // < 0: never fail; deletes run on several threads

  bool bucket_exists(const std::string& b) override { return inner_.bucket_exists(b); }
  std::vector<ObjectInfo> list(const std::string& b, const std::string& p) override {
    return inner_.list(b, p);
  }
  std::optional<ObjectInfo> head(const std::string& b, const std::string& k) override {
    return inner_.head(b, k);
  }
  std::optional<std::string> get(const std::string& b, const std::string& k) override {
    return inner_.get(b, k);
  }
  void put(const std::string& b, const std::string& k, std::string_view body,
           const std::string& ct) override {
    if (fail_index_puts && ct == "text/csv") throw StoreError("injected failure writing " + k);
    inner_.put(b, k, body, ct);
  }
  void copy(const std::string& sb, const std::string& sk, const std::string& db,
            const std::string& dk) override {
    inner_.copy(sb, sk, db, dk);
  }
  void remove(const std::string& b, const std::string& k) override {
    if (deletes_before_failure.load() >= 0 && deletes_before_failure.fetch_sub(1) <= 0) {
      throw StoreError("injected failure deleting " + k);
    }
    inner_.remove(b, k);
  }

 private:
  ObjectStore& inner_;
};

}  // namespace heliocloud::registry::test
