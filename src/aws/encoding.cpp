#include "aws/encoding.h"

#include "base/base64.h"
#include "base/digest.h"

namespace heliocloud::aws {

std::string md5_base64(std::string_view data) {
  return base::base64_encode(base::md5(data));
}

}  // namespace heliocloud::aws
