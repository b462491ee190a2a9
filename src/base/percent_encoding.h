#pragma once
// Percent-encoding (RFC 3986 section 2.1): one encoder for SigV4's canonical URIs and queries, S3 keys, form
// fields and URLs in rendered files, and one decoder for query strings and form bodies.
#include <string>
#include <string_view>

namespace heliocloud::base {

// Escapes every byte but the unreserved characters (A-Z a-z 0-9 - . _ ~) as %XX with upper-case hex, as SigV4
// requires; with keep_slash, '/' stays literal (object keys in a path). A space is %20, never '+'.
[[nodiscard]] std::string percent_encode(std::string_view text, bool keep_slash = false);

// Decodes %XX escapes; with plus_is_space (query strings and form bodies), '+' is a space. A '%' that does
// not start a valid escape stays as it is, as browsers' URL parsers do, so a stray '%' is not an error.
[[nodiscard]] std::string percent_decode(std::string_view text, bool plus_is_space = false);

}  // namespace heliocloud::base
