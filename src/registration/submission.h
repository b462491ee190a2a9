#pragma once
// A registration as a request carries it: the original's JSON object or the page's urlencoded form.
#include <nlohmann/json.hpp>
#include <variant>

#include "registration/registration_form.h"
#include "web/params.h"

namespace heliocloud::registration {

// {"username": ..., "email": ..., "affiliation": ..., "password": ...} (+ "confirmPassword" from our
// script); other keys are ignored, as the original did. A missing field reads as empty (the checks then
// ask for it); a field that is not a string, or a body that is not an object, is the FieldError.
[[nodiscard]] std::variant<RegistrationForm, FieldError> form_from_json(const nlohmann::json& body);

// The page's fields by their names; a missing one reads as empty.
[[nodiscard]] RegistrationForm form_from_params(const web::Params& params);

}  // namespace heliocloud::registration
