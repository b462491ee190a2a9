#include "web/sign_in/sealed_box.h"

#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/kdf.h>

#include <memory>
#include <stdexcept>

#include "base/base64.h"
#include "web/sign_in/random.h"

namespace heliocloud::web::sign_in {
namespace {

constexpr char kVersion = '\x01';
constexpr std::size_t kNonceBytes = 12;
constexpr std::size_t kTagBytes = 16;
// Sealed values live in cookies; anything far longer than a few chunks is not ours.
constexpr std::size_t kMaxSealedChars = 64UL * 1024;
constexpr std::string_view kSalt = "heliocloud-web-sign-in-v1";

struct CipherFree {
  void operator()(EVP_CIPHER_CTX* ctx) const noexcept { EVP_CIPHER_CTX_free(ctx); }
};
using CipherContext = std::unique_ptr<EVP_CIPHER_CTX, CipherFree>;

const unsigned char* bytes(std::string_view s) {
  return reinterpret_cast<const unsigned char*>(s.data());
}

int int_size(std::size_t size) {
  return static_cast<int>(size);
}

// The associated data: the version byte (so a future format cannot be confused with this one) and the
// caller's context.
std::string associated_data(std::string_view context) {
  return std::string(1, kVersion) + std::string(context);
}

}  // namespace

SealedBox::SealedBox(std::string_view secret, std::string_view purpose) {
  if (secret.size() < 32) throw std::invalid_argument("the session secret must be at least 32 bytes");
  EVP_KDF* kdf = EVP_KDF_fetch(nullptr, "HKDF", nullptr);
  EVP_KDF_CTX* ctx = kdf != nullptr ? EVP_KDF_CTX_new(kdf) : nullptr;
  EVP_KDF_free(kdf);
  std::string digest = "SHA256";
  std::string info(purpose);
  std::string salt(kSalt);
  std::string key(secret);
  const OSSL_PARAM params[] = {
      OSSL_PARAM_construct_utf8_string(OSSL_KDF_PARAM_DIGEST, digest.data(), 0),
      OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_KEY, key.data(), key.size()),
      OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_SALT, salt.data(), salt.size()),
      OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_INFO, info.data(), info.size()),
      OSSL_PARAM_construct_end()};
  const bool ok = ctx != nullptr && EVP_KDF_derive(ctx, key_.data(), key_.size(), params) == 1;
  EVP_KDF_CTX_free(ctx);
  OPENSSL_cleanse(key.data(), key.size());
  if (!ok) throw std::runtime_error("OpenSSL HKDF failed");
}

SealedBox::~SealedBox() {
  OPENSSL_cleanse(key_.data(), key_.size());
}

std::string SealedBox::seal(std::string_view plaintext, std::string_view context) const {
  const std::string nonce = random_bytes(kNonceBytes);
  const std::string aad = associated_data(context);
  std::string out(1 + kNonceBytes + plaintext.size() + kTagBytes, '\0');
  out[0] = kVersion;
  out.replace(1, kNonceBytes, nonce);
  auto* cipher_out = reinterpret_cast<unsigned char*>(out.data() + 1 + kNonceBytes);

  const CipherContext ctx(EVP_CIPHER_CTX_new());
  int len = 0;
  int final_len = 0;
  const bool ok =
      ctx && EVP_EncryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, nullptr, nullptr) == 1 &&
      EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_IVLEN, int_size(kNonceBytes), nullptr) == 1 &&
      EVP_EncryptInit_ex(ctx.get(), nullptr, nullptr, key_.data(), bytes(nonce)) == 1 &&
      EVP_EncryptUpdate(ctx.get(), nullptr, &len, bytes(aad), int_size(aad.size())) == 1 &&
      EVP_EncryptUpdate(ctx.get(), cipher_out, &len, bytes(plaintext), int_size(plaintext.size())) == 1 &&
      EVP_EncryptFinal_ex(ctx.get(), cipher_out + len, &final_len) == 1 &&
      EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_GET_TAG, int_size(kTagBytes),
                          cipher_out + plaintext.size()) == 1;
  if (!ok) throw std::runtime_error("OpenSSL AES-256-GCM encryption failed");
  return base::base64url_encode(out);
}

std::optional<std::string> SealedBox::open(std::string_view sealed, std::string_view context) const {
  if (sealed.size() > kMaxSealedChars) return std::nullopt;
  const auto raw = base::base64url_decode(sealed);
  if (!raw || raw->size() < 1 + kNonceBytes + kTagBytes || (*raw)[0] != kVersion) return std::nullopt;
  const std::string_view all(*raw);
  const auto nonce = all.substr(1, kNonceBytes);
  const auto cipher = all.substr(1 + kNonceBytes, all.size() - 1 - kNonceBytes - kTagBytes);
  std::string tag(all.substr(all.size() - kTagBytes));
  const std::string aad = associated_data(context);
  std::string plain(cipher.size(), '\0');
  auto* plain_out = reinterpret_cast<unsigned char*>(plain.data());

  const CipherContext ctx(EVP_CIPHER_CTX_new());
  int len = 0;
  int final_len = 0;
  const bool ok =
      ctx && EVP_DecryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, nullptr, nullptr) == 1 &&
      EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_IVLEN, int_size(kNonceBytes), nullptr) == 1 &&
      EVP_DecryptInit_ex(ctx.get(), nullptr, nullptr, key_.data(), bytes(nonce)) == 1 &&
      EVP_DecryptUpdate(ctx.get(), nullptr, &len, bytes(aad), int_size(aad.size())) == 1 &&
      EVP_DecryptUpdate(ctx.get(), plain_out, &len, bytes(cipher), int_size(cipher.size())) == 1 &&
      EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_TAG, int_size(kTagBytes), tag.data()) == 1 &&
      // Final checks the tag; until it succeeds the plaintext must not be used.
      EVP_DecryptFinal_ex(ctx.get(), plain_out + len, &final_len) == 1;
  if (!ok) {
    ERR_clear_error();
    OPENSSL_cleanse(plain.data(), plain.size());
    return std::nullopt;
  }
  return plain;
}

}  // namespace heliocloud::web::sign_in
