#include "oidc_test_key.h"

#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>

#include <stdexcept>

#include "base/base64.h"

namespace heliocloud::testing {
namespace {

std::string big_number(const evp_pkey_st* key, const char* name) {
  BIGNUM* bn = nullptr;
  if (EVP_PKEY_get_bn_param(key, name, &bn) != 1) throw std::runtime_error("EVP_PKEY_get_bn_param failed");
  std::string out(static_cast<std::size_t>(BN_num_bytes(bn)), '\0');
  BN_bn2bin(bn, reinterpret_cast<unsigned char*>(out.data()));
  BN_free(bn);
  return out;
}

}  // namespace

void TestSigningKey::Free::operator()(evp_pkey_st* key) const noexcept {
  EVP_PKEY_free(key);
}

TestSigningKey::TestSigningKey(std::string kid, int bits) : kid_(std::move(kid)) {
  EVP_PKEY_CTX* ctx = EVP_PKEY_CTX_new_from_name(nullptr, "RSA", nullptr);
  EVP_PKEY* key = nullptr;
  const bool ok = ctx != nullptr && EVP_PKEY_keygen_init(ctx) == 1 &&
                  EVP_PKEY_CTX_set_rsa_keygen_bits(ctx, bits) == 1 && EVP_PKEY_generate(ctx, &key) == 1;
  EVP_PKEY_CTX_free(ctx);
  if (!ok) throw std::runtime_error("RSA key generation failed");
  key_.reset(key, Free{});
}

nlohmann::json TestSigningKey::jwk() const {
  return {{"kty", "RSA"},
          {"alg", "RS256"},
          {"use", "sig"},
          {"kid", kid_},
          {"n", base::base64url_encode(big_number(key_.get(), OSSL_PKEY_PARAM_RSA_N))},
          {"e", base::base64url_encode(big_number(key_.get(), OSSL_PKEY_PARAM_RSA_E))}};
}

std::string TestSigningKey::sign(std::string_view message) const {
  EVP_MD_CTX* ctx = EVP_MD_CTX_new();
  std::size_t size = 0;
  std::string out;
  bool ok = ctx != nullptr && EVP_DigestSignInit(ctx, nullptr, EVP_sha256(), nullptr, key_.get()) == 1 &&
            EVP_DigestSign(ctx, nullptr, &size, reinterpret_cast<const unsigned char*>(message.data()),
                           message.size()) == 1;
  if (ok) {
    out.resize(size);
    ok = EVP_DigestSign(ctx, reinterpret_cast<unsigned char*>(out.data()), &size,
                        reinterpret_cast<const unsigned char*>(message.data()), message.size()) == 1;
    out.resize(size);
  }
  EVP_MD_CTX_free(ctx);
  if (!ok) throw std::runtime_error("RS256 signing failed");
  return out;
}

std::string TestSigningKey::public_pem() const {
  BIO* bio = BIO_new(BIO_s_mem());
  if (bio == nullptr || PEM_write_bio_PUBKEY(bio, key_.get()) != 1) {
    BIO_free(bio);
    throw std::runtime_error("PEM_write_bio_PUBKEY failed");
  }
  char* data = nullptr;
  const long size = BIO_ctrl(bio, BIO_CTRL_INFO, 0, static_cast<void*>(&data));  // BIO_get_mem_data
  std::string out(data, static_cast<std::size_t>(size));
  BIO_free(bio);
  return out;
}

std::string jwt_signing_input(const nlohmann::json& header, const nlohmann::json& claims) {
  return base::base64url_encode(header.dump()) + "." + base::base64url_encode(claims.dump());
}

std::string sign_jwt(const nlohmann::json& claims, const TestSigningKey& key) {
  const std::string input = jwt_signing_input({{"alg", "RS256"}, {"typ", "JWT"}, {"kid", key.kid()}}, claims);
  return input + "." + base::base64url_encode(key.sign(input));
}

}  // namespace heliocloud::testing
