// SigV4 canonicalisation of whatever a caller passes (keys with any bytes, query parameters, header values):
// canonical forms use only the characters the spec allows, the query's order does not matter, and a signature
// is always 64 hex digits. Input lines: path, then "name=value" query pairs until an empty line, then
// "name:value" headers.
#include <algorithm>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string>

#include "aws/credentials.h"
#include "aws/sigv4.h"
#include "fuzz_support.h"

using heliocloud::fuzz::require;
namespace sigv4 = heliocloud::aws::sigv4;

namespace {

bool is_unreserved(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
         c == '.' || c == '~';
}

bool is_upper_hex(char c) {
  return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'F');
}

// Only unreserved characters, %XX escapes with upper-case hex, and the separators `allowed`.
bool canonical_text(std::string_view text, std::string_view allowed) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (is_unreserved(c) || allowed.find(c) != std::string_view::npos) continue;
    if (c != '%' || i + 2 >= text.size() || !is_upper_hex(text[i + 1]) || !is_upper_hex(text[i + 2]))
      return false;
    i += 2;
  }
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto text = heliocloud::fuzz::as_text(data, size);
  sigv4::Request request{.method = "GET", .payload_hash = std::string(sigv4::kEmptyPayloadHash)};
  const auto path = heliocloud::fuzz::take_until(text, '\n');
  while (!text.empty()) {
    const auto line = heliocloud::fuzz::take_until(text, '\n');
    if (line.empty()) break;
    const auto eq = line.find('=');
    request.query.emplace_back(std::string(line.substr(0, eq)), eq == std::string_view::npos
                                                                    ? std::string()
                                                                    : std::string(line.substr(eq + 1)));
  }
  request.headers = {{"host", "bucket.s3.us-east-1.amazonaws.com"}, {"x-amz-date", "20260101T000000Z"}};
  while (!text.empty()) {
    const auto line = heliocloud::fuzz::take_until(text, '\n');
    const auto colon = line.find(':');
    if (colon == std::string_view::npos || colon == 0) continue;
    request.headers.emplace_back(std::string(line.substr(0, colon)), std::string(line.substr(colon + 1)));
  }

  const auto double_encoded = sigv4::canonical_uri(path, true);
  require(canonical_text(double_encoded, "/"), "a double-encoded path is canonical", double_encoded);
  request.canonical_uri = sigv4::canonical_uri(path, false);

  const auto query = sigv4::canonical_query(request.query);
  require(canonical_text(query, "=&"), "the canonical query is percent-encoded", query);
  auto reversed = request.query;
  std::ranges::reverse(reversed);
  require(sigv4::canonical_query(reversed) == query, "the query's order does not matter", query);
  require(sigv4::query_string(request.query) == query, "the wire query is the signed one");

  const heliocloud::aws::Credentials creds{.access_key_id = "AKIDEXAMPLE", .secret_access_key = "secret"};
  const auto signature = sigv4::sign(request, creds, {.region = "us-east-1", .service = "s3"},
                                     std::chrono::system_clock::time_point(std::chrono::seconds(1767225600)));
  require(signature.signature.size() == 64 &&
              std::ranges::all_of(signature.signature,
                                  [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); }),
          "a signature is 64 lower-case hex digits", signature.signature);
  return 0;
}
