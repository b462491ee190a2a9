#include "base/digest.h"

#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <array>
#include <stdexcept>

namespace heliocloud::base {
namespace {

std::string one_shot(const EVP_MD* md, std::string_view data) {
  std::array<unsigned char, EVP_MAX_MD_SIZE> out{};
  unsigned int size = 0;
  if (EVP_Digest(data.data(), data.size(), out.data(), &size, md, nullptr) != 1)
    throw std::runtime_error("OpenSSL digest failed");
  return {reinterpret_cast<const char*>(out.data()), size};
}

}  // namespace

void Sha256::Free::operator()(evp_md_ctx_st* ctx) const noexcept {
  EVP_MD_CTX_free(ctx);
}

Sha256::Sha256() : ctx_(EVP_MD_CTX_new()) {
  if (!ctx_ || EVP_DigestInit_ex(ctx_.get(), EVP_sha256(), nullptr) != 1)
    throw std::runtime_error("OpenSSL SHA-256 init failed");
}

void Sha256::update(std::string_view data) {
  EVP_DigestUpdate(ctx_.get(), data.data(), data.size());
}

std::string Sha256::digest() {
  std::array<unsigned char, EVP_MAX_MD_SIZE> out{};
  unsigned int size = 0;
  EVP_DigestFinal_ex(ctx_.get(), out.data(), &size);
  return {reinterpret_cast<const char*>(out.data()), size};
}

std::string Sha256::hex() {
  return to_hex(digest());
}

std::string sha256(std::string_view data) {
  return one_shot(EVP_sha256(), data);
}

std::string sha256_hex(std::string_view data) {
  return to_hex(sha256(data));
}

std::string md5(std::string_view data) {
  return one_shot(EVP_md5(), data);
}

std::string to_hex(std::string_view bytes, bool upper_case) {
  const std::string_view digits = upper_case ? "0123456789ABCDEF" : "0123456789abcdef";
  std::string out;
  out.reserve(bytes.size() * 2);
  for (const char c : bytes) {
    const auto b = static_cast<unsigned char>(c);
    out += digits[b >> 4U];
    out += digits[b & 0xFU];
  }
  return out;
}

std::string hmac_sha256(std::string_view key, std::string_view data) {
  std::array<unsigned char, EVP_MAX_MD_SIZE> out{};
  unsigned int length = 0;
  if (HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()),
           reinterpret_cast<const unsigned char*>(data.data()), data.size(), out.data(), &length) == nullptr)
    throw std::runtime_error("OpenSSL HMAC-SHA256 failed");
  return {reinterpret_cast<const char*>(out.data()), length};
}

}  // namespace heliocloud::base
