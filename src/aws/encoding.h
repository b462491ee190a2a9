#pragma once
// Byte-level helpers every signer and protocol needs: RFC 3986 percent-encoding, hex, base64, digests.
#include <cstdint>
#include <string>
#include <string_view>

namespace heliocloud::aws {

// Percent-encodes everything except the RFC 3986 unreserved set (A-Z a-z 0-9 - _ . ~), as SigV4 requires.
// With keep_slash, '/' stays literal (object keys in a path); a space is %20, never '+'.
std::string uri_encode(std::string_view in, bool keep_slash = false);
// Inverse of uri_encode; also accepts '+' as a space when plus_is_space (HTML form bodies).
std::string uri_decode(std::string_view in, bool plus_is_space = false);

std::string to_hex(std::string_view bytes);
std::string base64_encode(std::string_view bytes);
std::string base64_decode(std::string_view text);  // throws std::invalid_argument on bad input

std::string sha256(std::string_view data);  // raw 32 bytes
std::string sha256_hex(std::string_view data);
std::string hmac_sha256(std::string_view key, std::string_view data);  // raw 32 bytes
std::string md5_base64(std::string_view data);                         // Content-MD5 header value

// Lower-cases ASCII only: header names and hex are ASCII, and locale-dependent tolower is not wanted here.
std::string ascii_lower(std::string_view in);
std::string_view trim(std::string_view in);

}  // namespace heliocloud::aws
