#pragma once
// S3's Content-MD5 header value. Percent-encoding, base64, HMAC, hex and SHA-256 are in base/
// (percent_encoding.h, base64.h, digest.h), shared with the web core and the installer.
#include <string>
#include <string_view>

namespace heliocloud::aws {

std::string md5_base64(std::string_view data);  // Content-MD5 header value

}  // namespace heliocloud::aws
