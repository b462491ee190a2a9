#include "registration/registration_form.h"

#include "base/text.h"
#include "registration/field_rules.h"
#include "registration/password_rules.h"

namespace heliocloud::registration {

RegistrationForm tidy(RegistrationForm form) {
  form.email = std::string(base::trim(form.email));
  form.affiliation = std::string(base::trim(form.affiliation));
  return form;
}

std::vector<FieldError> validate(const RegistrationForm& form, const aws::PasswordPolicy& policy) {
  std::vector<FieldError> errors;
  const auto add = [&errors](const char* name, std::optional<std::string> message) {
    if (message) errors.push_back({.field = name, .message = std::move(*message)});
  };
  add(field::kUsername, check_username(form.username));
  add(field::kEmail, check_email(form.email));
  add(field::kPassword, check_password(form.password, policy));
  if (form.confirm_password && *form.confirm_password != form.password)
    add(field::kConfirmPassword, "The two passwords do not match.");
  add(field::kAffiliation, check_affiliation(form.affiliation));
  return errors;
}

}  // namespace heliocloud::registration
