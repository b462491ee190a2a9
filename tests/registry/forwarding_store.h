#pragma once
// An ObjectStore that passes every call to another one. Test doubles derive from it and override only the
// calls they watch or break (FailingStore, RecordingStore), instead of each writing the whole forwarding set.
#include "registry/object_store.h"

namespace heliocloud::registry::test {

class ForwardingStore : public ObjectStore {
 public:
  explicit ForwardingStore(ObjectStore& inner) : inner_(inner) {}

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
  std::optional<ObjectRange> get_range(const std::string& b, const std::string& k, std::uint64_t first,
                                       std::uint64_t length, const std::string& if_version) override {
    return inner_.get_range(b, k, first, length, if_version);
  }
  void list_pages(const std::string& b, const std::string& p,
                  const std::function<void(std::vector<ObjectInfo>& page)>& page) override {
    inner_.list_pages(b, p, page);
  }
  void put(const std::string& b, const std::string& k, std::string_view body,
           const std::string& ct) override {
    inner_.put(b, k, body, ct);
  }
  void copy(const std::string& sb, const std::string& sk, const std::string& db,
            const std::string& dk) override {
    inner_.copy(sb, sk, db, dk);
  }
  void remove(const std::string& b, const std::string& k) override { inner_.remove(b, k); }

 private:
  ObjectStore& inner_;
};

}  // namespace heliocloud::registry::test
