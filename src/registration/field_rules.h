#pragma once
// The registration form's other fields, each checked as the user pool will check it, with a message that
// names the field and says what to change. Each check returns nullopt when the value is fine.
#include <optional>
#include <string>
#include <string_view>

namespace heliocloud::registration {

inline constexpr std::size_t kMaxUsernameLength = 128;    // Cognito: Username is 1-128 characters
inline constexpr std::size_t kMaxEmailLength = 254;       // RFC 5321 §4.5.3.1.3 (a path of 256 with < >)
inline constexpr std::size_t kMaxEmailLocalLength = 64;   // RFC 5321 §4.5.3.1.1
inline constexpr std::size_t kMaxAffiliationLength = 50;  // the pool's custom:affiliation max length

// Cognito's pattern for user names, [\p{L}\p{M}\p{S}\p{N}\p{P}]+: letters, marks, symbols, digits and
// punctuation, so no spaces and nothing invisible.
[[nodiscard]] std::optional<std::string> check_username(std::string_view username);
// An address mail can reach: local@domain, the local part of RFC 5322 atoms joined by dots, the domain of
// DNS labels with a top-level name of letters (an internationalized domain in its xn-- form).
[[nodiscard]] std::optional<std::string> check_email(std::string_view email);
// Free text for a person to read (an institution, a sponsor), at most 50 characters.
[[nodiscard]] std::optional<std::string> check_affiliation(std::string_view affiliation);

}  // namespace heliocloud::registration
