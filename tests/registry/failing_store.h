#pragma once
#include <atomic>

#include "forwarding_store.h"

namespace heliocloud::registry::test {

// Fails index-file PUTs (after the copies) or job-file deletes, as a crash or an outage would.
class FailingStore final : public ForwardingStore {
 public:
  using ForwardingStore::ForwardingStore;
  bool fail_index_puts = false;
  std::atomic<int> deletes_before_failure{-1};  // < 0: never fail; deletes run on several threads

  void put(const std::string& b, const std::string& k, std::string_view body,
           const std::string& ct) override {
    if (fail_index_puts && ct == "text/csv") throw StoreError("injected failure writing " + k);
    ForwardingStore::put(b, k, body, ct);
  }
  void remove(const std::string& b, const std::string& k) override {
    if (deletes_before_failure.load() >= 0 && deletes_before_failure.fetch_sub(1) <= 0) {
      throw StoreError("injected failure deleting " + k);
    }
    ForwardingStore::remove(b, k);
  }
};

}  // namespace heliocloud::registry::test
