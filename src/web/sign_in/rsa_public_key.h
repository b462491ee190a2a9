#pragma once
// An RSA public key from a JWK's modulus and exponent (RFC 7518 §6.3.1), and the one signature check sign-in
// needs: RSASSA-PKCS1-v1_5 with SHA-256 (JWS "RS256", RFC 7518 §3.3), through OpenSSL 3's EVP interface.
#include <memory>
#include <string>
#include <string_view>

struct evp_pkey_st;

namespace heliocloud::web::sign_in {

class RsaPublicKey {
 public:
  // n and e: big-endian unsigned integers as base64url (the JWK members). Throws std::invalid_argument
  // for bad encodings, an even or tiny exponent, or a modulus under 2048 bits (RFC 7518 §3.3 requires
  // 2048 or more).
  [[nodiscard]] static RsaPublicKey from_jwk(std::string_view n, std::string_view e);

  // True when `signature` is a valid RS256 signature of `message` by this key.
  [[nodiscard]] bool verify_rs256(std::string_view message, std::string_view signature) const;
  [[nodiscard]] int bits() const noexcept { return bits_; }

 private:
  struct Free {
    void operator()(evp_pkey_st* key) const noexcept;
  };
  RsaPublicKey(std::shared_ptr<evp_pkey_st> key, int bits) : key_(std::move(key)), bits_(bits) {}

  std::shared_ptr<evp_pkey_st> key_;  // shared: immutable after creation, so copies may verify concurrently
  int bits_ = 0;
};

}  // namespace heliocloud::web::sign_in
