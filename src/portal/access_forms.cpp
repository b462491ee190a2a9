#include "portal/access_forms.h"

#include <algorithm>

#include "base/percent_encoding.h"

namespace heliocloud::portal {

bool is_access_key_id(std::string_view id) {
  if (id.size() < 16 || id.size() > 128) return false;
  return std::ranges::all_of(id, [](char c) { return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); });
}

std::optional<std::string> mfa_code_problem(std::string_view code) {
  if (code.size() != kMfaCodeLength)
    return "MFA code: enter the " + std::to_string(kMfaCodeLength) + " digits your device shows now.";
  for (const char c : code)
    if (c < '0' || c > '9') return "MFA code: digits only.";
  return std::nullopt;
}

std::optional<std::string> secret_key_problem(std::string_view secret) {
  if (secret.empty()) return "Secret access key: enter the secret of this access key.";
  if (secret.size() > kMaxSecretKeyLength) return "Secret access key: this is too long to be one.";
  for (const char c : secret)
    if (c <= ' ' || c == '\x7f') return "Secret access key: it has no spaces or line breaks.";
  return std::nullopt;
}

Download secret_key_download(std::string_view user, std::string_view secret_access_key) {
  return {.file_name = std::string(user) + "_secret_access_key.txt", .body = std::string(secret_access_key)};
}

Download session_token_download(std::string_view user, const aws::Credentials& credentials) {
  return {.file_name = std::string(user) + "_session_token.txt",
          .body = "export AWS_ACCESS_KEY_ID=" + credentials.access_key_id +
                  "\nexport AWS_SECRET_ACCESS_KEY=" + credentials.secret_access_key +
                  "\nexport AWS_SESSION_TOKEN=" + credentials.session_token};
}

std::string data_url(const Download& download) {
  return "data:text/plain;charset=utf-8," + base::percent_encode(download.body);
}

}  // namespace heliocloud::portal
