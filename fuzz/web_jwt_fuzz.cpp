// The JWT reader in front of the sign-in's token checks: anything but a well-formed three-part token is
// refused with TokenError, and an accepted token's parts are JSON objects and its signing input is what was
// received.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_support.h"
#include "web/sign_in/jwt.h"
#include "web/sign_in/token_error.h"

using heliocloud::fuzz::require;
namespace sign_in = heliocloud::web::sign_in;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto token = heliocloud::fuzz::as_text(data, size);
  heliocloud::fuzz::refused_with<sign_in::TokenError>([&] {
    const auto jwt = sign_in::parse_jwt(token);
    require(jwt.header.is_object() && jwt.claims.is_object(), "header and claims are objects");
    require(token.size() <= sign_in::kMaxTokenBytes, "long tokens are refused");
    require(token.starts_with(jwt.signing_input) && token.size() > jwt.signing_input.size() &&
                token[jwt.signing_input.size()] == '.',
            "the signing input is the token's first two parts as received");
  });
  return 0;
}
