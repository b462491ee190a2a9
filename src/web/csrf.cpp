#include "web/csrf.h"

#include <openssl/crypto.h>
#include <openssl/rand.h>

#include <stdexcept>

#include "base/base64.h"
#include "base/digest.h"

namespace heliocloud::web {
namespace {

constexpr std::size_t kKeyBytes = 32;
constexpr std::size_t kSessionIdChars = 43;  // base64url of 32 bytes, unpadded

std::string random_bytes(std::size_t count) {
  std::string out(count, '\0');
  if (RAND_bytes(reinterpret_cast<unsigned char*>(out.data()), static_cast<int>(count)) != 1)
    throw std::runtime_error("OpenSSL RAND_bytes failed");
  return out;
}

}  // namespace

CsrfProtection::CsrfProtection(std::string key) : key_(std::move(key)) {
  if (key_.size() < kKeyBytes) throw std::invalid_argument("the CSRF key must be at least 32 bytes");
}

std::string CsrfProtection::new_session_id() {
  return base::base64url_encode(random_bytes(kKeyBytes));
}

bool CsrfProtection::is_session_id(std::string_view value) noexcept {
  if (value.size() != kSessionIdChars) return false;
  for (const char c : value) {
    const bool ok =
        (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    if (!ok) return false;
  }
  return true;
}

std::string CsrfProtection::token_for(std::string_view session_id) const {
  // A fixed label in front, so that this key's MACs cannot be mistaken for MACs of another purpose.
  const std::string message = "heliocloud-csrf-v1\n" + std::string(session_id);
  return base::base64url_encode(base::hmac_sha256(key_, message));
}

bool CsrfProtection::verify(std::string_view session_id, std::string_view token) const {
  if (!is_session_id(session_id)) return false;
  const std::string expected = token_for(session_id);
  // The length of a valid token is public (43 characters), so only the contents need a constant-time compare.
  return token.size() == expected.size() &&
         CRYPTO_memcmp(token.data(), expected.data(), expected.size()) == 0;
}

std::string random_key() {
  return random_bytes(kKeyBytes);
}

std::string random_hex(std::size_t count) {
  return base::to_hex(random_bytes(count));
}

}  // namespace heliocloud::web
