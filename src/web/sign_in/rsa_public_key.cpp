#include "web/sign_in/rsa_public_key.h"

#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/param_build.h>

#include <stdexcept>

#include "base/base64.h"

namespace heliocloud::web::sign_in {
namespace {

constexpr int kMinBits = 2048;

template <class T, void (*FreeFn)(T*)>
struct Deleter {
  void operator()(T* p) const noexcept { FreeFn(p); }
};
using BigNum = std::unique_ptr<BIGNUM, Deleter<BIGNUM, BN_free>>;
using ParamBuilder = std::unique_ptr<OSSL_PARAM_BLD, Deleter<OSSL_PARAM_BLD, OSSL_PARAM_BLD_free>>;
using Params = std::unique_ptr<OSSL_PARAM, Deleter<OSSL_PARAM, OSSL_PARAM_free>>;
using PkeyContext = std::unique_ptr<EVP_PKEY_CTX, Deleter<EVP_PKEY_CTX, EVP_PKEY_CTX_free>>;
using DigestContext = std::unique_ptr<EVP_MD_CTX, Deleter<EVP_MD_CTX, EVP_MD_CTX_free>>;

BigNum big_endian_number(std::string_view b64url, const char* what) {
  const auto bytes = base::base64url_decode(b64url);
  if (!bytes || bytes->empty()) throw std::invalid_argument(std::string("JWK ") + what + " is not base64url");
  // RFC 7518 §6.3.1.1: the minimal octet sequence, so no leading zero byte.
  if ((*bytes)[0] == '\0') throw std::invalid_argument(std::string("JWK ") + what + " has a leading zero");
  BigNum n(BN_bin2bn(reinterpret_cast<const unsigned char*>(bytes->data()), static_cast<int>(bytes->size()),
                     nullptr));
  if (!n) throw std::runtime_error("OpenSSL BN_bin2bn failed");
  return n;
}

}  // namespace

void RsaPublicKey::Free::operator()(evp_pkey_st* key) const noexcept {
  EVP_PKEY_free(key);
}

RsaPublicKey RsaPublicKey::from_jwk(std::string_view n, std::string_view e) {
  const BigNum modulus = big_endian_number(n, "n");
  const BigNum exponent = big_endian_number(e, "e");
  const int bits = BN_num_bits(modulus.get());
  if (bits < kMinBits)
    throw std::invalid_argument("RSA key of " + std::to_string(bits) + " bits: RS256 needs at least 2048");
  if ((BN_is_odd(exponent.get()) == 0) || (BN_is_one(exponent.get()) != 0))
    throw std::invalid_argument("RSA public exponent must be odd and greater than 1");

  const ParamBuilder builder(OSSL_PARAM_BLD_new());
  if (!builder || OSSL_PARAM_BLD_push_BN(builder.get(), OSSL_PKEY_PARAM_RSA_N, modulus.get()) != 1 ||
      OSSL_PARAM_BLD_push_BN(builder.get(), OSSL_PKEY_PARAM_RSA_E, exponent.get()) != 1)
    throw std::runtime_error("OpenSSL OSSL_PARAM_BLD failed");
  const Params params(OSSL_PARAM_BLD_to_param(builder.get()));
  const PkeyContext ctx(EVP_PKEY_CTX_new_from_name(nullptr, "RSA", nullptr));
  EVP_PKEY* raw = nullptr;
  if (!params || !ctx || EVP_PKEY_fromdata_init(ctx.get()) != 1 ||
      EVP_PKEY_fromdata(ctx.get(), &raw, EVP_PKEY_PUBLIC_KEY, params.get()) != 1 || raw == nullptr) {
    ERR_clear_error();
    throw std::invalid_argument("OpenSSL refused the RSA public key");
  }
  return {std::shared_ptr<evp_pkey_st>(raw, Free{}), bits};
}

bool RsaPublicKey::verify_rs256(std::string_view message, std::string_view signature) const {
  // A PKCS#1 v1.5 signature is exactly as long as the modulus.
  if (signature.size() != static_cast<std::size_t>((bits_ + 7) / 8)) return false;
  const DigestContext ctx(EVP_MD_CTX_new());
  if (!ctx || EVP_DigestVerifyInit(ctx.get(), nullptr, EVP_sha256(), nullptr, key_.get()) != 1)
    throw std::runtime_error("OpenSSL EVP_DigestVerifyInit failed");
  // The default RSA padding for EVP signatures is PKCS#1 v1.5, which RS256 is.
  const bool valid =
      EVP_DigestVerify(ctx.get(), reinterpret_cast<const unsigned char*>(signature.data()), signature.size(),
                       reinterpret_cast<const unsigned char*>(message.data()), message.size()) == 1;
  // A refused signature leaves entries on this thread's OpenSSL error queue; clear them so that the next
  // OpenSSL user on the thread (libcurl's TLS) does not read them as its own.
  if (!valid) ERR_clear_error();
  return valid;
}

}  // namespace heliocloud::web::sign_in
