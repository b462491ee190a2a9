#include "registration/submission.h"

namespace heliocloud::registration {

std::variant<RegistrationForm, FieldError> form_from_json(const nlohmann::json& body) {
  if (!body.is_object()) {
    return FieldError{.field = "",
                      .message =
                          "The request body must be a JSON object with username, email, affiliation and "
                          "password."};
  }
  RegistrationForm form;
  const std::pair<const char*, std::string*> fields[] = {{field::kUsername, &form.username},
                                                         {field::kEmail, &form.email},
                                                         {field::kAffiliation, &form.affiliation},
                                                         {field::kPassword, &form.password}};
  for (const auto& [name, target] : fields) {
    const auto found = body.find(name);
    if (found == body.end() || found->is_null()) continue;
    if (!found->is_string())
      return FieldError{.field = name, .message = std::string(name) + " must be a JSON string."};
    *target = found->get<std::string>();
  }
  if (const auto found = body.find(field::kConfirmPassword); found != body.end() && !found->is_null()) {
    if (!found->is_string())
      return FieldError{.field = field::kConfirmPassword,
                        .message = "confirmPassword must be a JSON string."};
    form.confirm_password = found->get<std::string>();
  }
  return form;
}

RegistrationForm form_from_params(const web::Params& params) {
  return {.username = params.get(field::kUsername).value_or(""),
          .email = params.get(field::kEmail).value_or(""),
          .affiliation = params.get(field::kAffiliation).value_or(""),
          .password = params.get(field::kPassword).value_or(""),
          .confirm_password = params.get(field::kConfirmPassword)};
}

}  // namespace heliocloud::registration
