#pragma once
// Message digests over OpenSSL's EVP interface: SHA-256 (SigV4 payload hashes, asset fingerprints, template
// hashes) and MD5 (S3's Content-MD5, aws-cdk's unique-id hash). One implementation, so every user hashes the
// same way.
#include <memory>
#include <string>
#include <string_view>

struct evp_md_ctx_st;

namespace heliocloud::base {

// Incremental SHA-256, for inputs read piece by piece (a directory tree, a large file).
class Sha256 {
 public:
  Sha256();
  void update(std::string_view data);
  std::string digest();  // raw 32 bytes; ends the hash
  std::string hex();     // lower-case hex; ends the hash

 private:
  struct Free {
    void operator()(evp_md_ctx_st* ctx) const noexcept;
  };
  std::unique_ptr<evp_md_ctx_st, Free> ctx_;
};

[[nodiscard]] std::string sha256(std::string_view data);      // raw 32 bytes
[[nodiscard]] std::string sha256_hex(std::string_view data);  // lower-case hex
[[nodiscard]] std::string md5(std::string_view data);         // raw 16 bytes
// HMAC-SHA256 (SigV4 signing keys, CSRF tokens): raw 32 bytes.
[[nodiscard]] std::string hmac_sha256(std::string_view key, std::string_view data);

// Two hex digits per byte, lower-case ("0a1b") or upper-case ("0A1B").
[[nodiscard]] std::string to_hex(std::string_view bytes, bool upper_case = false);

}  // namespace heliocloud::base
