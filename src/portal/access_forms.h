#pragma once
// What the access page's forms may carry and what its downloads hold. The downloads keep the original's
// format (webapps doc §A5.4) so the files people already source or keep look the same: the secret access key
// alone, without a newline, in <user>_secret_access_key.txt; three `export` lines, without a final newline,
// in <user>_session_token.txt. They are offered from the one answer that shows the secret (a data: link), so
// the portal never keeps a copy to serve later.
#include <optional>
#include <string>
#include <string_view>

#include "aws/credentials.h"

namespace heliocloud::portal {

inline constexpr int kMaxAccessKeys = 2;  // IAM's own limit per user
inline constexpr std::size_t kMfaCodeLength = 6;
inline constexpr std::size_t kMaxSecretKeyLength = 128;

// IAM's access key ids: 16 to 128 upper-case letters and digits (AKIA..., ASIA...).
[[nodiscard]] bool is_access_key_id(std::string_view id);

// The message for each field, or nullopt when it is fine.
[[nodiscard]] std::optional<std::string> mfa_code_problem(std::string_view code);
[[nodiscard]] std::optional<std::string> secret_key_problem(std::string_view secret);

struct Download {
  std::string file_name;
  std::string body;
};

[[nodiscard]] Download secret_key_download(std::string_view user, std::string_view secret_access_key);
[[nodiscard]] Download session_token_download(std::string_view user, const aws::Credentials& credentials);

// The file as a link target (data:text/plain), for <a download="file_name" href="...">.
[[nodiscard]] std::string data_url(const Download& download);

}  // namespace heliocloud::portal
