#include "web/sign_in/random.h"

#include <openssl/rand.h>

#include <stdexcept>

#include "base/base64.h"

namespace heliocloud::web::sign_in {

std::string random_bytes(std::size_t count) {
  std::string out(count, '\0');
  if (count > 0 && RAND_bytes(reinterpret_cast<unsigned char*>(out.data()), static_cast<int>(count)) != 1)
    throw std::runtime_error("OpenSSL RAND_bytes failed");
  return out;
}

std::string random_token() {
  return base::base64url_encode(random_bytes(32));
}

}  // namespace heliocloud::web::sign_in
