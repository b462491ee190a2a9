#pragma once
// SHA-256 over OpenSSL's EVP interface, incremental or in one call.

#include <memory>
#include <string>
#include <string_view>

struct evp_md_ctx_st;

namespace heliocloud::construct {

class Sha256 {
 public:
  Sha256();
  ~Sha256();
  Sha256(const Sha256&) = delete;
  Sha256& operator=(const Sha256&) = delete;
  void update(std::string_view data);
  std::string hex();  // lower-case; ends the hash

 private:
  evp_md_ctx_st* ctx_;
};

std::string sha256Hex(std::string_view data);

}  // namespace heliocloud::construct
