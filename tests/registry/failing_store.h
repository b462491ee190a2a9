#pragma once
#include <atomic>

#include "forwarding_store.h"

namespace heliocloud::registry::test {

// Fails index-file PUTs (after the copies), job-file deletes or the copy of one file, as a crash or an outage
// would.
class FailingStore final : public ForwardingStore {
 public:
  using ForwardingStore::ForwardingStore;
  bool fail_index_puts = false;
  std::atomic<int> deletes_before_failure{-1};  // < 0: never fail; deletes run on several threads
  std::string fail_copy_of;                     // copies of a source key that ends so fail; empty: none

  void copy(const std::string& sb, const std::string& sk, const std::string& db,
            const std::string& dk) override {
    if (!fail_copy_of.empty() && sk.ends_with(fail_copy_of))
      throw StoreError("injected failure copying " + sk);
    ForwardingStore::copy(sb, sk, db, dk);
  }

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
