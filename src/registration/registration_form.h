#pragma once
// What a person submits to register, and its check against the rules of the user pool. Field names are the
// form's (and the original page's element ids), so an error can be shown next to its field.
#include <optional>
#include <string>
#include <vector>

#include "aws/cognito_idp.h"

namespace heliocloud::registration {

namespace field {
inline constexpr const char* kUsername = "username";
inline constexpr const char* kEmail = "email";
inline constexpr const char* kAffiliation = "affiliation";
inline constexpr const char* kPassword = "password";
inline constexpr const char* kConfirmPassword = "confirmPassword";
}  // namespace field

struct FieldError {
  std::string field;    // one of field::k*, or empty for the form as a whole
  std::string message;  // for the person: what is wrong and what to do

  friend bool operator==(const FieldError&, const FieldError&) = default;
};

struct RegistrationForm {
  std::string username;
  std::string email;
  std::string affiliation;
  std::string password;
  // The page's second password field; JSON clients of the original contract do not send it.
  std::optional<std::string> confirm_password;
};

// Surrounding whitespace off the e-mail address and the affiliation (pasted text often has some). The user
// name and the password are kept exactly as typed: a space there is the person's choice or mistake, and
// the check says so rather than changing what they will sign in with.
[[nodiscard]] RegistrationForm tidy(RegistrationForm form);

// Every problem, in the order of the fields on the page; empty when the form can be submitted to Cognito.
[[nodiscard]] std::vector<FieldError> validate(const RegistrationForm& form,
                                               const aws::PasswordPolicy& policy);

}  // namespace heliocloud::registration
