#pragma once
// One value over several cookies. Browsers keep at most about 4096 bytes per cookie (RFC 6265 §6.1), and a
// session's three Cognito tokens, sealed, take 5-7 KB. The value is cut into numbered cookies NAME_0,
// NAME_1, ...; the first starts with the count ("2.", then data), so a reader takes exactly those pieces
// and a stale extra piece from an earlier, longer value is never glued on.
#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "web/cookies.h"
#include "web/params.h"

namespace heliocloud::web::sign_in {

// Characters of value per cookie: with the name and attributes, each Set-Cookie stays under 4 KB.
inline constexpr std::size_t kCookieChunkChars = 3800;
// More pieces than this is not a value of ours (and would crowd out the site's other cookies).
inline constexpr std::size_t kMaxCookieChunks = 8;

// The cookies that hold `value` (which must be cookie-octets, e.g. base64url). Throws std::length_error when
// it needs more than kMaxCookieChunks pieces.
[[nodiscard]] std::vector<SetCookie> chunk_cookie(std::string_view name, std::string_view value,
                                                  std::optional<std::chrono::seconds> max_age);

// The value put together from the request's cookies; nullopt when a piece is missing, the count is not a
// number from 1 to kMaxCookieChunks, or there is no first piece.
[[nodiscard]] std::optional<std::string> read_chunked_cookie(const Params& cookies, std::string_view name);

// Expiring cookies for every piece of `name` the request carries (and NAME_0 always), except the first
// `keep` pieces: what to send when the value is cleared (keep = 0) or replaced by a shorter one.
[[nodiscard]] std::vector<SetCookie> expire_chunked_cookie(const Params& cookies, std::string_view name,
                                                           std::size_t keep = 0);

}  // namespace heliocloud::web::sign_in
