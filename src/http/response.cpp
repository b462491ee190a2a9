#include "http/message.h"

namespace heliocloud::http {

std::string Response::header(const std::string& lower_name, const std::string& fallback) const {
  const auto it = headers.find(lower_name);
  return it == headers.end() ? fallback : it->second;
}

}  // namespace heliocloud::http
