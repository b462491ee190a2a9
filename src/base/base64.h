#pragma once
// Base64 (RFC 4648): the standard alphabet (AWS request and response fields, ALB bodies), and the URL-safe
// one without padding for tokens in cookies and form fields, where '+', '/' and '=' would need escaping.
#include <optional>
#include <string>
#include <string_view>

namespace heliocloud::base {

[[nodiscard]] std::string base64_encode(std::string_view bytes);
[[nodiscard]] std::string base64url_encode(std::string_view bytes);  // no padding
// Standard alphabet, padding optional, no white space. nullopt for anything else.
[[nodiscard]] std::optional<std::string> base64_decode(std::string_view text);
// The strict reverse of base64url_encode (JWTs, RFC 7515 §2): URL-safe alphabet, no padding, no white space,
// and the unused low bits of the last character zero, so every byte string has exactly one encoding.
// nullopt for anything else.
[[nodiscard]] std::optional<std::string> base64url_decode(std::string_view text);

}  // namespace heliocloud::base
