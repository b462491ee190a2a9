#include "web/request.h"

#include "base/text.h"
#include "web/http_error.h"
#include "web/url_encoding.h"

namespace heliocloud::web {

std::string Request::media_type() const {
  const auto value = headers.get("Content-Type");
  if (!value) return {};
  const std::string_view v = *value;
  return base::to_lower(base::trim(v.substr(0, v.find(';'))));
}

Params Request::form() const {
  if (media_type() != "application/x-www-form-urlencoded") return {};
  return parse_urlencoded(body);
}

nlohmann::json Request::json() const {
  const auto type = media_type();
  if (type != "application/json" && !type.ends_with("+json"))
    throw HttpError(415, "Expected a JSON body (Content-Type: application/json).");
  try {
    return nlohmann::json::parse(body);
  } catch (const nlohmann::json::exception&) {  // parse_error, or out_of_range for a number beyond a double
    throw HttpError(400, "The request body is not valid JSON.");
  }
}

}  // namespace heliocloud::web
