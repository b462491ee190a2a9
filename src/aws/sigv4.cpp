#include "aws/sigv4.h"

#include <algorithm>
#include <ctime>
#include <map>

#include "base/digest.h"
#include "base/percent_encoding.h"
#include "base/text.h"

namespace heliocloud::aws::sigv4 {
namespace {

constexpr std::string_view kAlgorithm = "AWS4-HMAC-SHA256";

// Trim, and collapse runs of spaces inside the value to one (SigV4 spec; quoted strings included).
std::string canonical_header_value(std::string_view v) {
  v = base::trim(v);
  std::string out;
  out.reserve(v.size());
  bool in_space = false;
  for (char c : v) {
    if (c == ' ' || c == '\t') {
      if (!in_space) out.push_back(' ');
      in_space = true;
    } else {
      out.push_back(c);
      in_space = false;
    }
  }
  return out;
}

std::string signing_key(const std::string& secret, const std::string& date, const Scope& scope) {
  std::string k = base::hmac_sha256("AWS4" + secret, date);
  k = base::hmac_sha256(k, scope.region);
  k = base::hmac_sha256(k, scope.service);
  return base::hmac_sha256(k, "aws4_request");
}

}  // namespace

std::string amz_date(std::chrono::system_clock::time_point t) {
  const std::time_t tt = std::chrono::system_clock::to_time_t(t);
  std::tm tm{};
  gmtime_r(&tt, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y%m%dT%H%M%SZ", &tm);
  return buf;
}

std::string canonical_uri(std::string_view encoded_path, bool double_encode) {
  if (encoded_path.empty()) return "/";
  return double_encode ? base::percent_encode(encoded_path, true) : std::string(encoded_path);
}

std::string canonical_query(const QueryParams& query) {
  std::vector<std::pair<std::string, std::string>> enc;
  enc.reserve(query.size());
  for (const auto& [k, v] : query) enc.emplace_back(base::percent_encode(k), base::percent_encode(v));
  std::ranges::sort(enc);
  std::string out;
  for (const auto& [k, v] : enc) {
    if (!out.empty()) out.push_back('&');
    out += k;
    out.push_back('=');
    out += v;
  }
  return out;
}

std::string query_string(const QueryParams& query) {
  return canonical_query(query);
}

Signature sign(const Request& request, const Credentials& creds, const Scope& scope,
               std::chrono::system_clock::time_point now) {
  // Duplicate names are combined in their original order, comma-separated (spec, "get-header-value-order").
  std::map<std::string, std::string> headers;
  for (const auto& [name, value] : request.headers) {
    const std::string key = base::to_lower(base::trim(name));
    if (key == "authorization") continue;
    auto [it, inserted] = headers.try_emplace(key, canonical_header_value(value));
    if (!inserted) it->second += "," + canonical_header_value(value);
  }
  Signature sig;
  std::string canonical_headers;
  for (const auto& [name, value] : headers) {
    canonical_headers += name + ":" + value + "\n";
    if (!sig.signed_headers.empty()) sig.signed_headers.push_back(';');
    sig.signed_headers += name;
  }
  sig.canonical_request = request.method + "\n" + request.canonical_uri + "\n" +
                          canonical_query(request.query) + "\n" + canonical_headers + "\n" +
                          sig.signed_headers + "\n" + request.payload_hash;

  const std::string stamp = amz_date(now);
  const std::string date = stamp.substr(0, 8);
  const std::string scope_str = date + "/" + scope.region + "/" + scope.service + "/aws4_request";
  sig.string_to_sign = std::string(kAlgorithm) + "\n" + stamp + "\n" + scope_str + "\n" +
                       base::sha256_hex(sig.canonical_request);
  sig.signature =
      base::to_hex(base::hmac_sha256(signing_key(creds.secret_access_key, date, scope), sig.string_to_sign));
  sig.authorization = std::string(kAlgorithm) + " Credential=" + creds.access_key_id + "/" + scope_str +
                      ", SignedHeaders=" + sig.signed_headers + ", Signature=" + sig.signature;
  return sig;
}

Presigned presign(Request request, const Credentials& creds, const Scope& scope,
                  std::chrono::system_clock::time_point now, std::chrono::seconds expires) {
  const std::string stamp = amz_date(now);
  const std::string scope_str =
      stamp.substr(0, 8) + "/" + scope.region + "/" + scope.service + "/aws4_request";
  std::string signed_names;
  {
    std::vector<std::string> names;
    for (const auto& h : request.headers) names.push_back(base::to_lower(base::trim(h.first)));
    std::ranges::sort(names);
    names.erase(std::ranges::unique(names).begin(), names.end());
    for (const auto& n : names) signed_names += (signed_names.empty() ? "" : ";") + n;
  }
  request.query.emplace_back("X-Amz-Algorithm", std::string(kAlgorithm));
  request.query.emplace_back("X-Amz-Credential", creds.access_key_id + "/" + scope_str);
  request.query.emplace_back("X-Amz-Date", stamp);
  request.query.emplace_back("X-Amz-Expires", std::to_string(expires.count()));
  if (!creds.session_token.empty()) request.query.emplace_back("X-Amz-Security-Token", creds.session_token);
  request.query.emplace_back("X-Amz-SignedHeaders", signed_names);
  request.payload_hash = std::string(kUnsignedPayload);
  Presigned out;
  out.signature = sign(request, creds, scope, now);
  out.query = std::move(request.query);
  out.query.emplace_back("X-Amz-Signature", out.signature.signature);
  return out;
}

}  // namespace heliocloud::aws::sigv4
