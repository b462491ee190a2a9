#include "web/sign_in/jwt.h"

#include <optional>

#include "base/base64.h"
#include "web/sign_in/token_error.h"

namespace heliocloud::web::sign_in {
namespace {

[[noreturn]] void malformed(const std::string& why) {
  throw TokenError(TokenProblem::Malformed, "malformed token: " + why);
}

// A JSON object with no key twice. nlohmann keeps the last of duplicate keys silently; other JWT libraries
// keep the first, so a token with {"alg":"RS256","alg":"none"} would mean different things to each.
nlohmann::json parse_object(std::string_view part, const char* what) {
  const auto text = base::base64url_decode(part);
  if (!text) malformed(std::string(what) + " is not base64url");
  bool duplicate = false;
  std::vector<std::vector<std::string>> keys_at_depth;
  const nlohmann::json::parser_callback_t check_keys = [&](int depth, nlohmann::json::parse_event_t event,
                                                           nlohmann::json& parsed) {
    const auto level = static_cast<std::size_t>(depth);
    if (event == nlohmann::json::parse_event_t::object_start) {
      if (keys_at_depth.size() <= level + 1) keys_at_depth.resize(level + 2);
      keys_at_depth[level + 1].clear();
    } else if (event == nlohmann::json::parse_event_t::key) {
      if (keys_at_depth.size() <= level) keys_at_depth.resize(level + 1);
      auto& seen = keys_at_depth[level];
      const auto& key = parsed.get_ref<const std::string&>();
      for (const auto& k : seen) duplicate = duplicate || k == key;
      seen.push_back(key);
    }
    return true;
  };
  nlohmann::json value = nlohmann::json::parse(*text, check_keys, /*allow_exceptions=*/false);
  if (value.is_discarded()) malformed(std::string(what) + " is not JSON");
  if (!value.is_object()) malformed(std::string(what) + " is not a JSON object");
  if (duplicate) malformed(std::string(what) + " repeats a member name");
  return value;
}

}  // namespace

Jwt parse_jwt(std::string_view token) {
  if (token.empty()) malformed("empty");
  if (token.size() > kMaxTokenBytes) malformed("longer than " + std::to_string(kMaxTokenBytes) + " bytes");
  const auto first = token.find('.');
  const auto second = first == std::string_view::npos ? first : token.find('.', first + 1);
  if (second == std::string_view::npos || token.find('.', second + 1) != std::string_view::npos)
    malformed("a JWT has exactly three parts separated by '.'");
  Jwt jwt;
  jwt.header = parse_object(token.substr(0, first), "the header");
  jwt.claims = parse_object(token.substr(first + 1, second - first - 1), "the payload");
  jwt.signing_input = std::string(token.substr(0, second));
  const auto signature = base::base64url_decode(token.substr(second + 1));
  if (!signature) malformed("the signature is not base64url");
  jwt.signature = *signature;
  return jwt;
}

}  // namespace heliocloud::web::sign_in
