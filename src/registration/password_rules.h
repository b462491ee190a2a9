#pragma once
// A password against a user pool's password policy, checked the way Cognito checks it, so that the form
// can say exactly what is missing before anything is sent to AWS. Cognito's rules (user pool password
// policies): at least MinimumLength characters, at most 256; upper and lower case are the Basic Latin
// letters; numbers are 0-9; symbols are ^ $ * . [ ] { } ( ) ? " ! @ # % & / \ , > < ' : ; | _ ~ ` = + -
// and a space that is neither first nor last; a password cannot start or end with whitespace.
#include <optional>
#include <string>
#include <string_view>

#include "aws/cognito_idp.h"

namespace heliocloud::registration {

inline constexpr std::string_view kPasswordSymbols = "^$*.[]{}()?\"!@#%&/\\,><':;|_~`=+-";
inline constexpr std::size_t kMaxPasswordLength = 256;

// nullopt when `password` satisfies `policy`; else one sentence naming everything it lacks.
[[nodiscard]] std::optional<std::string> check_password(std::string_view password,
                                                        const aws::PasswordPolicy& policy);

// The policy in words, for the hint under the password field: "At least 8 characters, with an upper-case
// letter, a lower-case letter, a digit and a symbol."
[[nodiscard]] std::string describe_password_policy(const aws::PasswordPolicy& policy);

}  // namespace heliocloud::registration
