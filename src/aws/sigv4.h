#pragma once
// AWS Signature Version 4: canonical request, string to sign, Authorization header and presigned query
// strings.
#include <chrono>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "aws/credentials.h"

namespace heliocloud::aws::sigv4 {

using Headers = std::vector<std::pair<std::string, std::string>>;
using QueryParams = std::vector<std::pair<std::string, std::string>>;  // decoded names and values

inline constexpr std::string_view kUnsignedPayload = "UNSIGNED-PAYLOAD";
inline constexpr std::string_view kEmptyPayloadHash =
    "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

struct Request {
  std::string method;
  std::string canonical_uri;  // see canonical_uri(); "/" at least
  QueryParams query;
  Headers headers;  // every header given is signed; Host and X-Amz-Date must be among them for header signing
  std::string payload_hash;
};

struct Scope {
  std::string region;
  std::string service;  // signing name: "s3", "dynamodb", "execute-api"...
};

struct Signature {
  std::string canonical_request;
  std::string string_to_sign;
  std::string signed_headers;
  std::string signature;      // hex
  std::string authorization;  // full Authorization header value
};

std::string amz_date(std::chrono::system_clock::time_point t);  // 20150830T123600Z

// The path as it goes into the canonical request. encoded_path is the path as sent on the wire (already
// percent-encoded). Every service but S3 encodes it a second time; S3 uses it as is (and never normalizes).
std::string canonical_uri(std::string_view encoded_path, bool double_encode);
std::string canonical_query(const QueryParams& query);
// Builds the query string as sent on the wire, in canonical order, so the server sees what was signed.
std::string query_string(const QueryParams& query);

Signature sign(const Request& request, const Credentials& creds, const Scope& scope,
               std::chrono::system_clock::time_point now);

struct Presigned {
  QueryParams query;  // the request's parameters plus every X-Amz-* one, X-Amz-Signature last
  Signature signature;
};
// Query-string authentication (presigned URL). request.headers must hold Host; payload is UNSIGNED-PAYLOAD.
Presigned presign(Request request, const Credentials& creds, const Scope& scope,
                  std::chrono::system_clock::time_point now, std::chrono::seconds expires);

}  // namespace heliocloud::aws::sigv4
