#include "web/sign_in/pkce.h"

#include "base/base64.h"
#include "base/digest.h"
#include "web/sign_in/random.h"

namespace heliocloud::web::sign_in {

std::string new_code_verifier() {
  return random_token();
}

std::string code_challenge_s256(std::string_view verifier) {
  return base::base64url_encode(base::sha256(verifier));
}

}  // namespace heliocloud::web::sign_in
